// PLACEHOLDER (being replaced by the text helper): display width of terminal text.
import stringWidth from 'string-width';

/** Columns a terminal uses for `text` (CJK and fullwidth are 2, combining marks 0). */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** Cut `text` to at most `width` columns, ending with `ellipsis` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (displayWidth(text) <= width) return text;
	let out = '';
	for (const ch of text) {
		if (displayWidth(out + ch + ellipsis) > width) break;
		out += ch;
	}
	return out + (width >= displayWidth(ellipsis) ? ellipsis : '');
}

/** Pad `text` with spaces to exactly `width` columns (truncating first if wider). */
export function padEnd(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}
