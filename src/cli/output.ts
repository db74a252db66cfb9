// The terminal edge: where lines get their ANSI styles, and where stdout and stderr are written.
import type {Line, LineStyle} from '../core/render/lines.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';

export type ColorMode = 'auto' | 'always' | 'never';

const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const UNDERLINE = '\x1b[4m';
const RESET = '\x1b[0m';

const STYLE_CODES: Partial<Record<LineStyle, string>> = {
	title: BOLD,
	heading: BOLD + UNDERLINE,
	meta: DIM,
	reference: DIM,
	rule: DIM,
};

// The renderer already sanitizes; this is the last guard before our own escape codes are
// added, so nothing from an article can reach the terminal as a control sequence.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

export function styleLine(line: Line, color: boolean): string {
	const text = line.text.replace(CONTROL, '');
	const code = color && text !== '' ? STYLE_CODES[line.style] : undefined;
	return code ? code + text + RESET : text;
}

/** Color only for a terminal that wants it: NO_COLOR (https://no-color.org) and TERM=dumb turn it off. */
export function colorEnabled(mode: ColorMode): boolean {
	if (mode !== 'auto') return mode === 'always';
	const noColor = process.env.NO_COLOR;
	return process.stdout.isTTY === true && (noColor === undefined || noColor === '') && process.env.TERM !== 'dumb';
}

/** The terminal's columns (20 to 300) when stdout is one, else 80. */
export function outputWidth(): number {
	const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
	return columns ? Math.min(300, Math.max(20, columns)) : 80;
}

/** Resolves once the text is handed to the OS (an EPIPE is handled by main's error listener). */
export function writeOut(text: string | Uint8Array): Promise<void> {
	return new Promise((resolve) => {
		process.stdout.write(text, () => resolve());
	});
}

/** One warning or error line on stderr, `leaf: ...`. */
export function warn(line: string): void {
	process.stderr.write(`leaf: ${sanitizeLine(line)}\n`);
}
