// Ink's Output (ink/build/output.js), the step that turns a frame's writes into its text, for leaf's bundle
// (scripts/build-plugins.mjs sends Ink's `./output.js` here). It gives the same text, byte for byte
// (tests/ui/ink-output.test.ts compares the two), with less work per character:
// - Ink makes an object for every blank cell of every frame; here the blank cells share one.
// - Ink tokenises each written line anew in every frame; here a line's characters are kept between frames (a
//   key press redraws a few lines, not all), with their widths and the cells that follow a wide character.
// - Ink copies a character's styles into an array of its own, then asks, for each pair of neighbours, which
//   codes lead from one to the other (three Sets and four arrays a character). Here equal styles are one array,
//   so neighbours with the same styles (nearly all) need nothing, and each change of styles is worked out once.
// On the first frame, which tokenises every line, that is a third of Ink's drawing; on a key press, most of it.
import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from '../core/text/string-width-api.ts';

type Transformer = (line: string, index: number) => string;
interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** A written line's characters, each with its width in cells and, when wider than one, what fills the rest. */
interface Line {
	chars: StyledChar[];
	widths: number[];
	fillers: (StyledChar | undefined)[];
}

/**
 * More kept lines than this and the store starts again. A frame has about a hundred different lines; a kept line
 * of 110 characters holds about 12 KB (measured), so at most about 12 MB.
 */
const MAX_LINES = 1024;
/** More widths or lists of styles than this and they start again (each a few bytes). */
const MAX_KEPT = 4096;
const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES});

// Every list of styles in use, one array for equal contents (the empty list is NO_STYLES).
let styleLists = new Map<string, AnsiCode[]>([['', NO_STYLES]]);
// The codes that lead from one list of styles to another, for each pair met.
let transitions = new WeakMap<AnsiCode[], Map<AnsiCode[], string>>();
let lines = new Map<string, Line>();
let widths = new Map<string, number>();

function sameStyles(codes: AnsiCode[]): AnsiCode[] {
	const key = codes.map((code) => `${code.code}\u0000${code.endCode}`).join('\u0001');
	let known = styleLists.get(key);
	if (known === undefined) {
		if (styleLists.size >= MAX_KEPT) forgetAll();
		known = codes;
		styleLists.set(key, known);
	}
	return known;
}

/** Drops what is kept: the next frames work it out again. Equal styles met before and after stay equal in text. */
function forgetAll(): void {
	styleLists = new Map([['', NO_STYLES]]);
	transitions = new WeakMap();
	lines = new Map();
	widths = new Map();
}

function codesBetween(from: AnsiCode[], to: AnsiCode[]): string {
	let fromHere = transitions.get(from);
	if (fromHere === undefined) transitions.set(from, (fromHere = new Map()));
	let codes = fromHere.get(to);
	if (codes === undefined) fromHere.set(to, (codes = ansiCodesToString(diffAnsiCodes(from, to))));
	return codes;
}

function widthOf(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= MAX_KEPT) widths = new Map();
		width = stringWidth(text);
		widths.set(text, width);
	}
	return width;
}

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
	return widest;
}

/** What ansi-tokenize's styledCharsFromTokens(tokenize(text)) gives, with equal styles as one array. */
function lineOf(text: string): Line {
	const known = lines.get(text);
	if (known !== undefined) return known;
	const line: Line = {chars: [], widths: [], fillers: []};
	let codes: AnsiCode[] = [];
	let styles = NO_STYLES;
	for (const token of tokenize(text)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
			styles = sameStyles(codes);
			continue;
		}
		// Not `{...token, styles}`, as ansi-tokenize writes it: a spread made each kept character three times the size.
		const char: StyledChar = {type: 'char', value: token.value, fullWidth: token.fullWidth, styles};
		const width = Math.max(1, widthOf(char.value));
		line.chars.push(char);
		line.widths.push(width);
		line.fillers.push(width > 1 ? {type: 'char', value: '', fullWidth: false, styles} : undefined);
	}
	if (lines.size >= MAX_LINES) lines = new Map();
	lines.set(text, line);
	return line;
}

/** One row of cells as text: ansi-tokenize's styledCharsToString, skipping the holes Ink's filter skips. */
function rowText(row: (StyledChar | undefined)[]): string {
	let text = '';
	let styles = NO_STYLES;
	let any = false;
	for (const cell of row) {
		if (cell === undefined) continue;
		if (cell.styles !== styles) text += codesBetween(styles, cell.styles);
		text += cell.value;
		styles = cell.styles;
		any = true;
	}
	if (any && styles !== NO_STYLES) text += codesBetween(styles, NO_STYLES);
	return text;
}

export default class Output {
	readonly width: number;
	readonly height: number;
	private readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const output: (StyledChar | undefined)[][] = [];
		for (let y = 0; y < this.height; y++) output.push(new Array<StyledChar>(this.width).fill(BLANK));
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') clips.push(operation.clip);
			if (operation.type === 'unclip') clips.pop();
			if (operation.type === 'write') this.place(output, operation, clips.at(-1));
		}
		return {output: output.map((row) => rowText(row).trimEnd()).join('\n'), height: output.length};
	}

	/** Ink's write, clipped as Ink clips it (quirks included: a line whose row is missing takes the next line's row). */
	private place(output: (StyledChar | undefined)[][], operation: Operation & {type: 'write'}, clip?: Clip): void {
		const {text, transformers} = operation;
		let {x, y} = operation;
		let written = text.split('\n');
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
			if (clipVertically && (y + written.length < clip.y1! || y > clip.y2!)) return;
			if (clipHorizontally) {
				const [x1, x2] = [clip.x1!, clip.x2!];
				written = written.map((line) => {
					const width = widthOf(line);
					return sliceAnsi(line, x < x1 ? x1 - x : 0, x + width > x2 ? x2 - x : width);
				});
				if (x < x1) x = x1;
			}
			if (clipVertically) {
				const [y1, y2] = [clip.y1!, clip.y2!];
				const height = written.length;
				written = written.slice(y < y1 ? y1 - y : 0, y + height > y2 ? y2 - y : height);
				if (y < y1) y = y1;
			}
		}
		let offsetY = 0;
		for (const [index, original] of written.entries()) {
			const row = output[y + offsetY];
			if (!row) continue;
			let line = original;
			for (const transformer of transformers) line = transformer(line, index);
			const {chars, widths: charWidths, fillers} = lineOf(line);
			let offsetX = x;
			for (let i = 0; i < chars.length; i++) {
				row[offsetX] = chars[i];
				const width = charWidths[i]!;
				for (let fill = 1; fill < width; fill++) row[offsetX + fill] = fillers[i];
				offsetX += width;
			}
			offsetY++;
		}
	}
}
