// Inline styles (<b>, <code>...) inside the lines of the html-to-text walk: noncharacters like the line
// marks of layout.ts, U+FDE0 + index opens a style and U+FDE8 + index closes it. They take no columns: a raw
// line is wrapped as plain text and the marks are put back into each piece, closed at its end and reopened on
// the next line, so every finished line holds its own balanced marks; spansOfMarked turns them into
// Line.spans at the end.
import {INLINE_STYLES, type InlineStyle, type Span} from '../lines.ts';
import {wrapLine} from '../../text/wrap.ts';

const OPEN_BASE = 0xfde0;
const CLOSE_BASE = 0xfde8;
const inlineMark = /[\ufde0-\ufdef]/;
const inlineMarks = /[\ufde0-\ufdef]/g;

/** The mark that opens (or closes) an inline style. */
export function inlineMarkOf(style: InlineStyle, open: boolean): string {
	return String.fromCharCode((open ? OPEN_BASE : CLOSE_BASE) + INLINE_STYLES.indexOf(style));
}

/** `text` without inline marks: what a terminal shows of it. */
export const plainText = (text: string): string => (inlineMark.test(text) ? text.replace(inlineMarks, '') : text);

/** How many times each inline style is open; carried from line to line of one block. */
export type OpenStyles = number[];

export const noOpenStyles = (): OpenStyles => INLINE_STYLES.map(() => 0);

/** Apply an inline mark to `open`; false when `code` is not an inline mark. */
function applyMark(code: number, open: OpenStyles): boolean {
	if (code >= OPEN_BASE && code < OPEN_BASE + INLINE_STYLES.length) open[code - OPEN_BASE]!++;
	else if (code >= CLOSE_BASE && code < CLOSE_BASE + INLINE_STYLES.length)
		open[code - CLOSE_BASE] = Math.max(0, open[code - CLOSE_BASE]! - 1);
	else return false;
	return true;
}

const maskOf = (open: OpenStyles) => open.reduce((mask, count, index) => (count > 0 ? mask | (1 << index) : mask), 0);

function transition(from: number, to: number): string {
	let marks = '';
	for (let index = 0; index < INLINE_STYLES.length; index++) {
		const bit = 1 << index;
		if (from & bit && !(to & bit)) marks += String.fromCharCode(CLOSE_BASE + index);
	}
	for (let index = 0; index < INLINE_STYLES.length; index++) {
		const bit = 1 << index;
		if (to & bit && !(from & bit)) marks += String.fromCharCode(OPEN_BASE + index);
	}
	return marks;
}

/**
 * A raw line wrapped to `width` by its plain text, each piece with balanced inline marks. `open` holds the styles
 * open before the line and is updated to those open after it.
 */
export function wrapStyled(line: string, width: number, open: OpenStyles): string[] {
	let mask = maskOf(open);
	if (mask === 0 && !inlineMark.test(line)) return width === Number.POSITIVE_INFINITY ? [line] : wrapLine(line, width);
	let plain = '';
	const masks: number[] = [];
	for (let index = 0; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (applyMark(code, open)) {
			mask = maskOf(open);
			continue;
		}
		plain += line.charAt(index);
		masks.push(mask);
	}
	const pieces = width === Number.POSITIVE_INFINITY ? [plain] : wrapLine(plain, width);
	let cursor = 0;
	return pieces.map((piece) => {
		const found = plain.indexOf(piece, cursor);
		const start = found === -1 ? cursor : found;
		cursor = start + piece.length;
		let out = '';
		let current = 0;
		for (let index = start; index < cursor; index++) {
			const at = masks[index] ?? 0;
			if (at !== current) out += transition(current, at);
			current = at;
			out += plain.charAt(index);
		}
		return out + transition(current, 0);
	});
}

/** A finished line's text (line mark already removed) as spans; invisible characters go (see sanitize.ts). */
export function spansOfMarked(text: string, clean: (text: string) => string): Span[] {
	const spans: Span[] = [];
	const open = noOpenStyles();
	let piece = '';
	const flush = (styles: InlineStyle[]) => {
		const cleaned = clean(piece);
		if (cleaned !== '') spans.push({text: cleaned, styles});
		piece = '';
	};
	let styles: InlineStyle[] = [];
	for (let index = 0; index < text.length; index++) {
		if (!applyMark(text.charCodeAt(index), open)) {
			piece += text.charAt(index);
			continue;
		}
		flush(styles);
		styles = INLINE_STYLES.filter((_, style) => (open[style] ?? 0) > 0);
	}
	flush(styles);
	// Trailing spaces are no part of a line.
	while (spans.length > 0) {
		const last = spans.at(-1)!;
		const trimmed = last.text.trimEnd();
		if (trimmed === last.text) break;
		if (trimmed === '') spans.pop();
		else spans[spans.length - 1] = {text: trimmed, styles: last.styles};
	}
	return spans;
}
