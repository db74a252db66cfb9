// Renders an HTML body the way the reader does, for the tests of html-to-lines.
import {htmlToLines} from '../../src/core/render/html/html-to-lines.ts';
import type {Line} from '../../src/core/render/lines.ts';
import {ReferenceTable} from '../../src/core/render/references.ts';

export function render(html: string, width = 40, wrap = true): {lines: Line[]; references: ReferenceTable} {
	const references = new ReferenceTable();
	return {lines: htmlToLines(html, {width, wrap, references}), references};
}

export const texts = (html: string, width = 40, wrap = true) =>
	render(html, width, wrap).lines.map((line) => line.text);
