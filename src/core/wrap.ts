// PLACEHOLDER (being replaced by the text helper): line breaking by display width.
import {displayWidth} from './width.ts';

/**
 * Wrap one logical line (no newlines) into lines of at most `width` columns.
 * Always returns at least one line ('' for empty input).
 */
export function wrapLine(text: string, width: number): string[] {
	return hardWrap(text, width);
}

/** Verbatim text (code): split only where a line would pass `width`, keeping spaces. */
export function hardWrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const ch of text) {
		if (displayWidth(line + ch) > width) {
			lines.push(line);
			line = '';
		}
		line += ch;
	}
	lines.push(line);
	return lines;
}
