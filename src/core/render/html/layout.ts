// Layout state shared by the html-to-text formatters, and the operations on finished lines.
//
// Finished lines travel through html-to-text's string builder with their style encoded as ONE
// noncharacter (U+FDD0 + index) at position 0. A line without that mark is raw inline text that
// no block has wrapped yet. Invariant: a marked line already fits the width of the block that
// holds it, so containers only wrap unmarked lines and never measure marked ones again.
// Inline styles travel inside lines as marks of their own (inline.ts).
import {LINE_STYLES, type LineStyle} from '../lines.ts';
import type {ReferenceTable} from '../references.ts';
import {displayWidth} from '../../text/width.ts';
import {noOpenStyles, plainText, wrapStyled} from './inline.ts';

const MARK_BASE = 0xfdd0;
const MARKS = new Map(LINE_STYLES.map((style, index) => [style, String.fromCharCode(MARK_BASE + index)]));
/** Our marks must never come from the article: every text and attribute is passed through this. */
export const stripMarks = (text: string): string => text.replace(/[\ufdd0-\ufdef]/g, '');

export function mark(style: LineStyle, text: string): string {
	return (MARKS.get(style) ?? '') + text;
}

/** The style of a finished line, or null for raw inline text and blank lines. */
export function styleOf(line: string): LineStyle | null {
	return LINE_STYLES[line.charCodeAt(0) - MARK_BASE] ?? null;
}

export const unmark = (line: string): string => line.slice(1);

interface ListState {
	ordered: boolean;
	next: number;
	step: number;
	/** Columns of the widest number label, so the items of one list align. */
	labelWidth: number;
}

/** Per-render state, passed to html-to-text as its metadata. */
export interface LayoutContext {
	/** Inner widths of the open containers, innermost last (Infinity: no wrapping). */
	widths: number[];
	/** A finite width for rules when wrapping is off. */
	nominalWidth: number;
	/** Indentation stops where it would leave less than this for the text. */
	minContent: number;
	/** Style inherited by plain blocks (a div inside a heading is heading). */
	styles: LineStyle[];
	lists: ListState[];
	references: ReferenceTable;
	/** false: code lines are never cut (plain `leaf cat`, for copying). */
	wrapCode: boolean;
}

export function createLayout(
	width: number,
	wrap: boolean,
	references: ReferenceTable,
	wrapCode: boolean,
): LayoutContext {
	return {
		widths: [wrap ? width : Number.POSITIVE_INFINITY],
		nominalWidth: width,
		minContent: Math.min(width, Math.max(10, Math.floor(width / 2))),
		styles: ['body'],
		lists: [],
		references,
		wrapCode,
	};
}

export const innerWidth = (layout: LayoutContext): number => layout.widths.at(-1) ?? layout.nominalWidth;
export const inheritedStyle = (layout: LayoutContext): LineStyle => layout.styles.at(-1) ?? 'body';

/**
 * Open a container that indents its content by `columns`. Returns the columns actually reserved:
 * 0 when the indentation would squeeze the text below minContent (deep nesting at small widths).
 * Every call is paired with closeContainer.
 */
export function openContainer(layout: LayoutContext, columns: number): number {
	const width = innerWidth(layout);
	const reserved = width - columns >= layout.minContent ? columns : 0;
	layout.widths.push(width - reserved);
	return reserved;
}

export function closeContainer(layout: LayoutContext): void {
	layout.widths.pop();
}

/** Spaces and invisible characters only: `<p>&#8203;</p>` is an empty paragraph, not a line. */
const invisible = /^[\s\u200b-\u200d\u2060\ufeff\ufde0-\ufdef]*$/;

/**
 * The lines of a block: raw inline lines wrapped to `width` and marked with `style`, marked lines
 * kept, blank lines collapsed to one and trimmed at both ends. Returns '' or marked lines only.
 */
export function finishBlock(text: string, width: number, style: LineStyle): string[] {
	const out: string[] = [];
	const styleMark = MARKS.get(style) ?? '';
	const open = noOpenStyles();
	let blank = false;
	for (const line of text.split('\n')) {
		const marked = styleOf(line) !== null;
		if (!marked && invisible.test(line)) {
			// Its marks still open or close styles for the lines after it.
			wrapStyled(line, Number.POSITIVE_INFINITY, open);
			blank = out.length > 0;
			continue;
		}
		if (blank) out.push('');
		blank = false;
		if (marked) out.push(line);
		else for (const piece of wrapStyled(line, width, open)) out.push(styleMark + piece);
	}
	return out;
}

/** Hanging indent: `first` before the first non-blank line, `rest` before the others. */
export function hang(lines: string[], first: string, rest: string): string[] {
	let seen = false;
	return lines.map((line) => {
		if (line === '') return '';
		const prefix = seen ? rest : first;
		seen = true;
		return line.charAt(0) + prefix + unmark(line);
	});
}

/**
 * A label (list bullet) when no indentation could be reserved: it goes in front of the first line when
 * both fit in `width`, else on a line of its own (re-wrapping the line instead would, over many nested
 * levels, pile the labels up and squeeze the text into orphan fragments).
 */
export function labelInline(lines: string[], label: string, width: number, fallback: LineStyle): string[] {
	const index = lines.findIndex((line) => line !== '');
	const line = lines[index];
	if (line === undefined) return [mark(fallback, label.trimEnd())];
	const style = styleOf(line) ?? fallback;
	const text = label + unmark(line);
	const labelled = displayWidth(plainText(text)) <= width ? [mark(style, text)] : [mark(style, label.trimEnd()), line];
	return [...lines.slice(0, index), ...labelled, ...lines.slice(index + 1)];
}

/** Quote margin on every line; body text becomes quote text, a blank line keeps the margin. */
export function quoteLines(lines: string[], margin: string): string[] {
	const quote = MARKS.get('quote') ?? '';
	const body = MARKS.get('body') ?? '';
	return lines.map((line) => {
		if (line === '') return quote + margin.trimEnd();
		const lineMark = line.charAt(0) === body ? quote : line.charAt(0);
		return lineMark + margin + unmark(line);
	});
}

/** Width of a finished line's text (for tables, which must measure). */
export const markedWidth = (line: string): number => displayWidth(plainText(unmark(line)));
