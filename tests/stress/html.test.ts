// The HTML renderer on 20,000 nested elements of each kind (kept out of the mutation run for its time).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {htmlToLines} from '../../src/core/render/html/html-to-lines.ts';
import type {Line} from '../../src/core/render/lines.ts';
import {ReferenceTable} from '../../src/core/render/references.ts';
import {displayWidth} from '../../src/core/text/width.ts';

function render(html: string, width = 40, wrap = true): {lines: Line[]; references: ReferenceTable} {
	const references = new ReferenceTable();
	return {lines: htmlToLines(html, {width, wrap, references}), references};
}

const nestings: [string, string, string][] = [
	['div', '<div>', '</div>'],
	['blockquote', '<blockquote>', '</blockquote>'],
	['list', '<ul><li>', '</li></ul>'],
	['span', '<span>', '</span>'],
	['table', '<table><tr><td>', '</td></tr></table>'],
	['unclosed b', '<b>', ''],
];

for (const [name, open, close] of nestings) {
	test(
		`20,000 nested ${name} elements do not overflow the stack, fit 20 columns and lose no text`,
		{timeout: 60_000},
		() => {
			const html = `${open}字`.repeat(20_000) + close.repeat(20_000);
			const {lines} = render(html, 20);
			assert.ok(lines.every((line) => displayWidth(line.text) <= 20));
			assert.equal(
				lines
					.map((line) => line.text)
					.join('')
					.split('字').length - 1,
				20_000,
			);
		},
	);
}

for (const [name, open, close] of nestings) {
	test(
		`20,000 nested ${name} elements do not overflow the stack, fit 20 columns and lose no text`,
		{timeout: 60_000},
		() => {
			const html = `${open}字`.repeat(20_000) + close.repeat(20_000);
			const {lines} = render(html, 20);
			assert.ok(lines.every((line) => displayWidth(line.text) <= 20));
			assert.equal(
				lines
					.map((line) => line.text)
					.join('')
					.split('字').length - 1,
				20_000,
			);
		},
	);
}
