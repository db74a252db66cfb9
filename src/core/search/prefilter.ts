// A cheap test on an article file's raw text that is never wrong in the one way that matters: when it says no,
// the text the reader shows (extract.ts) cannot hold the needle. It may say yes for a file that does not match
// (the needle inside a URL, an attribute, the front matter): those are confirmed by extracting their text.
//
// A match in the shown text comes from the raw text with, between two of its characters, only things the
// renderer takes away: tags (quoted attributes, comments, a skipped element's content), markdown punctuation,
// a link target in parentheses, entities (which may also stand for one or two of the needle's characters),
// control characters and escape sequences. Spaces in the needle match any run of white space. So a match starts
// where the needle's first character stands (in either case) or where an entity does, and from there the
// raw text is walked allowing every one of those skips. Most files cost a few indexOf calls: the walk leaves
// the fast path only at one of the characters above.
import {normalizeQuery} from './needle.ts';

export interface Needle {
	/** The normalised query (needle.ts). */
	text: string;
	/** The characters whose lower case starts the needle (both cases, and such as U+212A for `k`). */
	starts: readonly string[];
	/** Whether an entity can stand for the first character only in its numeric form (`&#...;`). */
	numericEntityOnly: boolean;
}

/** Characters whose lower case starts with `first`: found once per search over the planes that have case. */
function startsOf(first: string): string[] {
	const found = new Set([first]);
	const upper = first.toUpperCase();
	if ([...upper].length === 1) found.add(upper);
	for (let code = 0; code < 0x20000; code++) {
		if (code === 0xd800) code = 0xe000;
		const char = String.fromCodePoint(code);
		if (char.toLowerCase().startsWith(first)) found.add(char);
	}
	return [...found];
}

export function prepareNeedle(query: string): Needle | null {
	const text = normalizeQuery(query);
	if (text === '') return null;
	const first = String.fromCodePoint(text.codePointAt(0)!);
	const code = first.codePointAt(0)!;
	return {
		text,
		starts: startsOf(first),
		// No named entity stands for a Latin letter, a digit or a CJK ideograph.
		numericEntityOnly: /^[a-z0-9]$/.test(first) || (code >= 0x3400 && code <= 0x9fff),
	};
}

/** Whether the shown text of the article in `source` may hold the needle (false only when it cannot). */
export function mightContain(source: string, needle: Needle): boolean {
	for (const start of needle.starts) {
		for (let at = source.indexOf(start); at !== -1; at = source.indexOf(start, at + 1))
			if (matchesAt(source, at, needle.text)) return true;
	}
	const entity = needle.numericEntityOnly ? '&#' : '&';
	for (let at = source.indexOf(entity); at !== -1; at = source.indexOf(entity, at + 1))
		if (walk(source, at, needle.text)) return true;
	return false;
}

function isSpace(code: number): boolean {
	return (
		(code >= 9 && code <= 13) ||
		code === 32 ||
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/** Characters the renderer may drop (controls, bidi controls, leaf's marks) or markdown may consume. */
function isDroppable(code: number): boolean {
	return (
		code < 0x20 ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		(code >= 0xfdd0 && code <= 0xfdef) ||
		MARKDOWN_PUNCTUATION.has(code)
	);
}

const MARKDOWN_PUNCTUATION = new Set([...'*_~`\\[]!<>|()'].map((char) => char.charCodeAt(0)));

/** Characters that make the walk leave its fast path. */
export function isSpecial(code: number): boolean {
	return isSpace(code) || isDroppable(code) || code === 0x26; /* & */
}

/** Characters with no case at all, so that a mismatch on them is final: ASCII, kana and CJK ideographs, hangul. */
function isCaseless(code: number): boolean {
	return code < 0x80 || (code >= 0x3040 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3);
}

/** The fast path from a literal start: plain characters compared one by one; anything else goes to walk(). */
function matchesAt(source: string, at: number, needle: string): boolean {
	let i = at;
	// Once a special character was taken as itself, a mismatch may still be a match that skips it.
	let passedSpecial = false;
	for (let j = 0; j < needle.length; j++, i++) {
		if (i >= source.length) return passedSpecial && walk(source, at, needle);
		const code = source.charCodeAt(i);
		const wanted = needle.charCodeAt(j);
		if (code === wanted || (code >= 0x41 && code <= 0x5a && (code | 0x20) === wanted)) {
			passedSpecial ||= isSpecial(code);
			continue;
		}
		if (passedSpecial || isSpecial(code) || !isCaseless(code) || j === 0) return walk(source, at, needle);
		return false;
	}
	return true;
}

/** Every state the walk may visit from one start; past it, the file is taken as a candidate. */
const WALK_LIMIT = 20_000;
/** How far a link target, an escape sequence or an entity may reach. */
const TARGET_REACH = 2048;
const ESCAPE_REACH = 256;
const ENTITY_REACH = 32;

/**
 * The general walk: a search over (position in source, characters of the needle matched), each state
 * visited once, from `at` with nothing matched yet.
 */
function walk(source: string, at: number, needle: string): boolean {
	const k = needle.length;
	const seen = new Set<number>();
	const stack: number[] = [];
	let found = false;
	const push = (i: number, j: number) => {
		if (j >= k) {
			if (j === k) found = true;
			return;
		}
		if (i >= source.length) return;
		const key = i * (k + 1) + j;
		if (seen.has(key)) return;
		seen.add(key);
		stack.push(i, j);
	};
	push(at, 0);
	while (stack.length > 0 && !found) {
		if (seen.size > WALK_LIMIT) return true;
		const j = stack.pop()!;
		const i = stack.pop()!;
		step(source, i, j, needle, push);
	}
	return found;
}

function step(source: string, i: number, j: number, needle: string, push: (i: number, j: number) => void): void {
	const code = source.charCodeAt(i);
	const afterSpace = j > 0 && needle.charCodeAt(j - 1) === 0x20;
	// The character itself.
	if (isSpace(code)) {
		if (needle.charCodeAt(j) === 0x20) push(i + 1, j + 1);
		if (afterSpace) push(i + 1, j);
	} else {
		const codePoint = source.codePointAt(i)!;
		const width = codePoint > 0xffff ? 2 : 1;
		const lower =
			code < 0x80
				? String.fromCharCode(code >= 0x41 && code <= 0x5a ? code | 0x20 : code)
				: String.fromCodePoint(codePoint).toLowerCase();
		if (needle.startsWith(lower, j)) push(i + width, j + lower.length);
		// Final sigma: the lower case of Σ depends on what follows it.
		if (codePoint === 0x3a3 && needle.charCodeAt(j) === 0x3c2) push(i + 1, j + 1);
	}
	if (j === 0 && code !== 0x26) return;
	// What the renderer may take away between two characters of the match (or stand for some of them).
	if (j > 0 && isDroppable(code)) push(i + 1, j);
	if (code === 0x28 /* ( */) {
		// A markdown link target: `](url "title")`, its URL possibly holding one pair of parentheses.
		const close = source.indexOf(')', i + 1);
		if (close !== -1 && close - i < TARGET_REACH) {
			push(close + 1, j);
			const next = source.indexOf(')', close + 1);
			if (next !== -1 && next - i < TARGET_REACH) push(next + 1, j);
		}
	} else if (code === 0x3c /* < */) {
		for (const end of tagEnds(source, i)) push(end, j);
	} else if (code === 0x26 /* & */) {
		let end = i + 1;
		while (end < source.length && end - i <= ENTITY_REACH && /[#0-9a-z]/i.test(source[end]!)) end++;
		for (let stop = i + 2; stop <= end; stop++) {
			const after = source.charCodeAt(stop) === 0x3b /* ; */ ? [stop, stop + 1] : [stop];
			for (const next of after) for (let taken = j > 0 ? 0 : 1; taken <= 4; taken++) push(next, j + taken);
		}
	} else if (
		code === 0x1b ||
		code === 0x9b ||
		code === 0x9d ||
		code === 0x90 ||
		code === 0x98 ||
		code === 0x9e ||
		code === 0x9f
	) {
		// An escape sequence: the sanitiser drops it whole, up to a length the walk need not know.
		for (let end = i + 1; end < source.length && end - i <= ESCAPE_REACH && source[end] !== '\n'; end++) push(end, j);
	}
}

const SKIPPED_ELEMENTS = /^(script|style|iframe|noscript|template|head|title|frame|frameset)\b/i;

/** Where a tag starting at `at` may end (exclusive): the tag itself, and past the content of a skipped element. */
function tagEnds(source: string, at: number): number[] {
	const next = source[at + 1] ?? '';
	if (source.startsWith('<!--', at)) {
		const close = source.indexOf('-->', at + 4);
		return close === -1 ? [] : [close + 3];
	}
	if (!/[a-z/!?]/i.test(next)) return [];
	let quote = '';
	let end = -1;
	for (let i = at + 1; i < source.length; i++) {
		const char = source[i]!;
		if (quote !== '') {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '>') {
			end = i + 1;
			break;
		}
	}
	// A quote never closed: the first '>' may end the tag after all.
	const plain = source.indexOf('>', at);
	const ends = [end, plain + 1].filter((value, index, all) => value > 0 && all.indexOf(value) === index);
	const name = SKIPPED_ELEMENTS.exec(source.slice(at + 1, at + 12));
	if (name) {
		const closing = new RegExp(`</${name[1]!}[^>]*>`, 'gi');
		closing.lastIndex = at;
		const close = closing.exec(source);
		if (close) ends.push(close.index + close[0].length);
	}
	return ends;
}
