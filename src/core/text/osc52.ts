// OSC 52: the escape sequence that asks the terminal (and tmux, and ssh in between) to put text on the clipboard.
// The text travels base64-encoded, so nothing in it can end the sequence or start another.
import {sanitizeLine} from './sanitize.ts';

/** Terminals cap what they accept (xterm about 100 kB of base64); longer text is not sent at all. */
export const OSC52_MAX_BASE64 = 100_000;

/** The sequence that copies `text` (sanitised: one line, no control characters), or null when it is too long. */
export function osc52Copy(text: string): string | null {
	const encoded = Buffer.from(sanitizeLine(text), 'utf8').toString('base64');
	if (encoded.length > OSC52_MAX_BASE64) return null;
	return `\u001b]52;c;${encoded}\u0007`;
}
