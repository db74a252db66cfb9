// The prefilter's fast path (prefilter.ts) on a file's bytes, before they are decoded: decoding UTF-8 that is
// mostly Chinese into a string costs about as much as reading the file, and most files of a search are ruled out
// by a few comparisons at the needle's first character. UTF-8 is self-synchronising, so the first character's
// bytes are found exactly where the decoded text has it. Each start is followed as matchesAt follows it, one code
// point at a time; whatever matchesAt would hand to its general walk (a special character, a character with case,
// an entity anywhere in the file, bytes that are not UTF-8) is left to the decoded text.
import type {Needle} from './prefilter.ts';
import {isSpecial} from './prefilter.ts';

/** Bytes with a fast search for a run of bytes (a Node Buffer is one). */
export interface Bytes extends Uint8Array {
	indexOf(value: Uint8Array | number, byteOffset?: number): number;
}

/** The needle as UTF-8: its starts' bytes, its code points, and what begins an entity that may stand for them. */
export interface ByteNeedle {
	starts: Uint8Array[];
	codes: number[];
	entity: Uint8Array;
}

const encoder = new TextEncoder();

export function byteNeedle(needle: Needle): ByteNeedle {
	return {
		starts: needle.starts.map((start) => encoder.encode(start)),
		codes: Array.from(needle.text, (char) => char.codePointAt(0)!),
		entity: encoder.encode(needle.numericEntityOnly ? '&#' : '&'),
	};
}

/**
 * false: the shown text of the file cannot hold the needle (mightContain would say false); true: it may (it would
 * say true); null: decode it and ask mightContain.
 */
export function mightContainBytes(bytes: Bytes, needle: ByteNeedle): boolean | null {
	if (bytes.indexOf(needle.entity) !== -1) return null;
	let undecided = false;
	for (const start of needle.starts) {
		for (let at = bytes.indexOf(start); at !== -1; at = bytes.indexOf(start, at + 1)) {
			const found = matchesAtBytes(bytes, at, needle.codes);
			if (found === true) return true;
			if (found === null) undecided = true;
		}
	}
	return undecided ? null : false;
}

/** matchesAt on bytes: true and false where it would say so without its walk; null where it would walk. */
function matchesAtBytes(bytes: Uint8Array, at: number, codes: readonly number[]): boolean | null {
	let i = at;
	let passedSpecial = false;
	for (let j = 0; j < codes.length; j++) {
		if (i >= bytes.length) return passedSpecial ? null : false;
		const decoded = codePointAt(bytes, i);
		if (decoded === null) return null;
		const [code, length] = decoded;
		const wanted = codes[j]!;
		i += length;
		if (code === wanted || (code >= 0x41 && code <= 0x5a && (code | 0x20) === wanted)) {
			passedSpecial ||= isSpecial(code);
			continue;
		}
		// A plain character that is its own lower case and not the one wanted: no walk gets past it.
		if (passedSpecial || isSpecial(code) || j === 0 || !isOwnLowerCase(code)) return null;
		return false;
	}
	return true;
}

function isOwnLowerCase(code: number): boolean {
	if (code < 0x80) return code < 0x41 || code > 0x5a;
	const char = String.fromCodePoint(code);
	return char.toLowerCase() === char && char.toUpperCase() === char;
}

/** The code point whose UTF-8 starts at `i` and its length in bytes; null for bytes that are not UTF-8. */
function codePointAt(bytes: Uint8Array, i: number): [number, number] | null {
	const first = bytes[i]!;
	if (first < 0x80) return [first, 1];
	const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 ? 2 : 0;
	if (length === 0 || first > 0xf4 || i + length > bytes.length) return null;
	let code = first & (0xff >> (length + 1));
	for (let k = 1; k < length; k++) {
		const next = bytes[i + k]!;
		if ((next & 0xc0) !== 0x80) return null;
		code = (code << 6) | (next & 0x3f);
	}
	// Overlong forms, surrogates and code points past U+10FFFF decode to U+FFFD, not to themselves.
	const smallest = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
	if (code < smallest || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
	return [code, length];
}
