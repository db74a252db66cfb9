// Keep control sequences off the terminal. One linear pass: a global regex jumps between the code units that
// need attention, unchanged runs are copied by slice, and every escape sequence is consumed by a bounded scan.
//
// What goes:
// - 7-bit escape sequences in full: CSI `ESC [ params intermediates final`; the string sequences OSC `ESC ]`,
//   DCS `ESC P`, SOS `ESC X`, PM `ESC ^`, APC `ESC _` up to BEL or ST (`ESC \` or U+009C); `ESC` + intermediates
//   + final (`ESC ( B`, `ESC # 8`); two-character sequences (`ESC 7`, `ESC =`, `ESC c`).
// - The same as 8-bit C1 forms: U+009B CSI, U+009D OSC, U+0090 DCS, U+0098 SOS, U+009E PM, U+009F APC.
// - Then every other C0 control but newline, DEL, all of U+0080-U+009F, and the bidi embedding, override and
//   isolate characters (U+202A-U+202E, U+2066-U+2069).
// What changes: CRLF, lone CR, U+2028 and U+2029 become newline; tabs become spaces up to the next 8-column stop
// (display columns, per line); a lone surrogate becomes U+FFFD (what the UTF-8 encoder would print anyway, but
// now counted in the width).
//
// Malformed and unterminated sequences (decided, so a stray byte cannot eat a 10 MB body):
// - A CSI or `ESC` + intermediates sequence ends at the first character that cannot belong to it; what was read so
//   far is dropped and that character is kept (a letter stays visible, a control is dropped as usual).
// - A string sequence also ends at an ESC that does not start ST (dropped up to that ESC, which starts the next
//   sequence) and at CAN/SUB (dropped with it), as terminals do. If none of its terminators comes before the end
//   of its line, only the introducer is dropped and the rest of the line stays as (now harmless) text.
// - An ESC followed by anything else is dropped alone.
import {displayWidth} from './width.ts';

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const ST = 0x9c;

// Controls, line and paragraph separators, bidi controls, and lone surrogates (not valid pairs).
const needsAttention =
	/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const tabStop = 8;

function isLineEnd(code: number): boolean {
	return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function isStringIntroducer(code: number): boolean {
	// ] P X ^ _ after ESC; their 8-bit forms are handled by the caller.
	return code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f;
}

class Scanner {
	readonly parts: string[] = [];
	// A string sequence starting before this index is known to be unterminated (keeps the scan linear).
	private unterminatedBefore = -1;

	constructor(private readonly text: string) {}

	private code(index: number): number {
		return index < this.text.length ? this.text.charCodeAt(index) : -1;
	}

	/** Handles the code unit at `index`; returns where plain copying resumes. */
	step(index: number): number {
		const code = this.text.charCodeAt(index);
		if (code === ESC) return this.escape(index + 1);
		if (code === 0x9b) return this.csi(index + 1);
		if (code === 0x9d || code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f)
			return this.stringSequence(index + 1);
		if (code === 0x0d) {
			this.parts.push('\n');
			return this.code(index + 1) === 0x0a ? index + 2 : index + 1;
		}
		if (code === 0x2028 || code === 0x2029) {
			this.parts.push('\n');
			return index + 1;
		}
		if (code >= 0xd800 && code <= 0xdfff) this.parts.push('\ufffd');
		return index + 1;
	}

	private escape(index: number): number {
		const code = this.code(index);
		if (code === 0x5b) return this.csi(index + 1);
		if (isStringIntroducer(code)) return this.stringSequence(index + 1);
		if (code >= 0x20 && code <= 0x2f) {
			let end = index;
			while (this.code(end) >= 0x20 && this.code(end) <= 0x2f) end++;
			const final = this.code(end);
			return final >= 0x30 && final <= 0x7e ? end + 1 : end;
		}
		if (code >= 0x30 && code <= 0x7e) return index + 1;
		return index;
	}

	private csi(index: number): number {
		let end = index;
		while (this.code(end) >= 0x30 && this.code(end) <= 0x3f) end++;
		while (this.code(end) >= 0x20 && this.code(end) <= 0x2f) end++;
		const final = this.code(end);
		return final >= 0x40 && final <= 0x7e ? end + 1 : end;
	}

	private stringSequence(index: number): number {
		if (index < this.unterminatedBefore) return index;
		for (let end = index; end < this.text.length; end++) {
			const code = this.text.charCodeAt(end);
			if (code === BEL || code === ST || code === CAN || code === SUB) return end + 1;
			if (code === ESC) return this.code(end + 1) === 0x5c ? end + 2 : end;
			if (isLineEnd(code)) {
				this.unterminatedBefore = end;
				return index;
			}
		}
		this.unterminatedBefore = this.text.length;
		return index;
	}
}

function stripControls(text: string): string {
	needsAttention.lastIndex = 0;
	if (!needsAttention.test(text)) return text;
	const scanner = new Scanner(text);
	let copyFrom = 0;
	needsAttention.lastIndex = 0;
	for (let match = needsAttention.exec(text); match !== null; match = needsAttention.exec(text)) {
		scanner.parts.push(text.slice(copyFrom, match.index));
		copyFrom = scanner.step(match.index);
		needsAttention.lastIndex = copyFrom;
	}
	scanner.parts.push(text.slice(copyFrom));
	return scanner.parts.join('');
}

function expandTabs(line: string): string {
	if (!line.includes('\t')) return line;
	const [first = '', ...rest] = line.split('\t');
	let out = first;
	let column = displayWidth(first);
	for (const segment of rest) {
		const spaces = tabStop - (column % tabStop);
		out += ' '.repeat(spaces) + segment;
		column += spaces + displayWidth(segment);
	}
	return out;
}

/** Multi-line text for the terminal: escape sequences and controls out, line ends normalised, tabs expanded. */
export function sanitizeText(text: string): string {
	const clean = stripControls(text);
	return clean.includes('\t') ? clean.split('\n').map(expandTabs).join('\n') : clean;
}

// Characters that string-width (and so our width.ts) counts as zero columns but that Ink or the terminal may
// draw in a cell, or the other way round: zero-width space, LRM/RLM, word joiner and the invisible operators,
// soft hyphen, Arabic letter mark, the Hangul fillers (drawn one or two columns wide), the Mongolian vowel
// separator and the BOM. They carry no meaning a reader sees, so they are removed wherever leaf lays text out by
// columns. Zero-width joiners stay: emoji and Indic scripts need them, and every width measure agrees on them.
const invisible = /[\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2060-\u2064\u3164\ufeff\uffa0]/g;

/** `text` without the invisible characters above (rendered lines, after wrapping used U+200B as a break). */
export function stripInvisible(text: string): string {
	return text.replace(invisible, '');
}

/** A single-line field (title, author, category, file name): sanitized, invisible characters out, all whitespace
 * runs one space, trimmed. */
export function sanitizeLine(text: string): string {
	return stripInvisible(stripControls(text)).replace(/\s+/g, ' ').trim();
}
