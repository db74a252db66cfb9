// The terminal edge: where lines get their ANSI styles, and where stdout and stderr are written.
import {spansOf, type Line} from '../core/render/lines.ts';
import {lookOf, type Look, type ThemeColor} from '../core/render/theme.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';

export type ColorMode = 'auto' | 'always' | 'never';

/** What the output may use: nothing, attributes only (NO_COLOR: bold, italic... stay), or colours too. */
export type Styling = 'none' | 'attributes' | 'color';

const SGR: Readonly<Record<Exclude<keyof Look, 'color'>, number>> = {
	bold: 1,
	dim: 2,
	italic: 3,
	underline: 4,
	inverse: 7,
	strikethrough: 9,
};
const COLOR_SGR: Readonly<Record<ThemeColor, number>> = {
	blue: 34,
	magenta: 35,
	cyan: 36,
	yellow: 33,
	green: 32,
	gray: 90,
};

const RESET = '\x1b[0m';

function sgrOf(look: Look): string {
	const codes: number[] = [];
	for (const [name, code] of Object.entries(SGR)) if (look[name as keyof typeof SGR]) codes.push(code);
	if (look.color) codes.push(COLOR_SGR[look.color]);
	return codes.length === 0 ? '' : `\x1b[${codes.join(';')}m`;
}

// The renderer already sanitizes; this is the last guard before our own escape codes are
// added, so nothing from an article can reach the terminal as a control sequence.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** A line with the theme's ANSI styles (core/render/theme.ts), or its plain text. */
export function styleLine(line: Line, styling: Styling): string {
	if (styling === 'none') return line.text.replace(CONTROL, '');
	let out = '';
	for (const span of spansOf(line)) {
		const text = span.text.replace(CONTROL, '');
		if (text === '') continue;
		const sgr = sgrOf(lookOf(line.style, span.styles, styling === 'color'));
		out += sgr === '' ? text : sgr + text + RESET;
	}
	return out;
}

/**
 * Styles only for a terminal that shows them (`--color always` forces them): TERM=dumb shows none; NO_COLOR
 * (https://no-color.org) keeps bold, italic, underline and inverse but drops the colours.
 */
export function outputStyling(mode: ColorMode): Styling {
	if (mode === 'never') return 'none';
	if (mode === 'auto' && (process.stdout.isTTY !== true || process.env.TERM === 'dumb')) return 'none';
	const noColor = process.env.NO_COLOR;
	return noColor === undefined || noColor === '' ? 'color' : 'attributes';
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
