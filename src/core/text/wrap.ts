// Line breaking by display width: UAX #14 break opportunities (the linebreak package), tailored for a terminal
// reader, and a greedy fill that measures each piece between opportunities once.
//
// Tailoring of the UAX #14 opportunities:
// - No break before closing punctuation or after opening punctuation (kinsoku), whatever class UAX #14 gives it.
// - Latin words stay whole: a break with no whitespace (or U+200B, from <wbr>) before it is kept only next to a
//   wide character (an ideograph, kana, fullwidth form, emoji), so `and/or`, `well-known` and URLs are not
//   broken at `/` or `-`. A word wider than the line is hard-split by grapheme cluster, from a line of its own.
// - A hard split never starts a line with closing punctuation or ends one with opening punctuation: the last
//   cluster(s) move down with the punctuation. Only when even that cannot fit (a line of 1-3 columns) does the
//   width win over the punctuation rule.
// - A grapheme wider than the line (a 2-column ideograph at width 1) sits alone on its line, the only case
//   where a line is wider than `width`.
import {clusterWidths, displayWidth, isWideCodePoint, sliceWidth} from './width.ts';
import LineBreaker from 'linebreak';

// Kinsoku: what may not start a line (closing) and what may not end one (opening).
const closingPunctuation = new Set(
	Array.from('，。、！？；：）」』】》〉”’…‥ー・］｝〕〗〙〛｠｡｣､〞〟,.;:!?)]}', (char) => char.codePointAt(0)),
);
const openingPunctuation = new Set(Array.from('（「『【《〈“‘［｛〔〖〘〚｟｢〝([{', (char) => char.codePointAt(0)));

/** Whether a line may not start with this code point. */
export function isClosingPunctuation(codePoint: number): boolean {
	return closingPunctuation.has(codePoint);
}

/** Whether a line may not end with this code point. */
export function isOpeningPunctuation(codePoint: number): boolean {
	return openingPunctuation.has(codePoint);
}

/** A usable column count: at least 1, whole; Infinity means "never wrap". */
function columnsOf(width: number): number {
	return width >= 1 ? Math.floor(width) : 1;
}

/** Whitespace that a line may end in and that is dropped there (no-break spaces are not: they glue). */
function isSpace(code: number): boolean {
	return (
		code === 0x20 ||
		code === 0x3000 ||
		(code >= 0x09 && code <= 0x0d) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x85 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
		code === 0x205f
	);
}

/** Where the whitespace that ends text.slice(from, end) begins. */
function trimmedEnd(text: string, end: number, from = 0): number {
	let start = end;
	while (start > from && isSpace(text.charCodeAt(start - 1))) start--;
	return start;
}

/** Whether a line may end at `position` (the UAX #14 opportunity there, after our tailoring). */
function mayBreakAt(text: string, position: number): boolean {
	const end = trimmedEnd(text, position);
	if (!kinsokuAllows(text, end, position)) return false;
	// After whitespace or a zero-width space (<wbr>) a break is a word boundary.
	if (end < position || text.charCodeAt(end - 1) === 0x200b) return true;
	return isWideCodePoint(codePointBefore(text, end)) || isWideCodePoint(text.codePointAt(position) ?? 0);
}

/** Whether a line may end with text.slice(0, end) and the next start at `start` (spaces between are dropped). */
function kinsokuAllows(text: string, end: number, start: number): boolean {
	if (isClosingPunctuation(text.codePointAt(start) ?? 0)) return false;
	return end === 0 || !isOpeningPunctuation(codePointBefore(text, end));
}

function codePointBefore(text: string, end: number): number {
	const last = text.charCodeAt(end - 1);
	return last >= 0xdc00 && last <= 0xdfff && end >= 2 ? (text.codePointAt(end - 2) ?? 0) : last;
}

type Chunk = {text: string; width: number};

/** Cut a piece wider than `columns` into lines by grapheme cluster, keeping punctuation off the line edges. */
function splitByCluster(text: string, columns: number): Chunk[] {
	const {clusters, widths} = clusterWidths(text);
	const chunks: Chunk[] = [];
	let start = 0;
	let width = 0;
	for (let index = 0; index < clusters.length; index++) {
		const clusterColumns = widths[index] ?? 0;
		if (index > start && width + clusterColumns > columns) {
			const cut = kinsokuCut(clusters, widths, index, columns);
			chunks.push({text: clusters.slice(start, cut).join(''), width: sum(widths, start, cut)});
			start = cut;
			width = sum(widths, cut, index);
		}
		width += clusterColumns;
	}
	chunks.push({text: clusters.slice(start).join(''), width});
	return chunks;
}

/**
 * Where to start the next line when cluster `next` does not fit on the line [start, next): move clusters down
 * while the new line would start with closing or the old one end with opening punctuation, as long as the new
 * one still fits. If that is impossible, break at `next` anyway. The old line always keeps a cluster: all of
 * [start, next] together do not fit, which is why `next` had to go.
 */
function kinsokuCut(clusters: string[], widths: number[], next: number, columns: number): number {
	let cut = next;
	let carried = widths[next] ?? 0;
	while (startsClosingAfterSpaces(clusters, cut) || endsOpening(clusters[cut - 1])) {
		carried += widths[cut - 1] ?? 0;
		if (carried > columns) return next;
		cut--;
	}
	return cut;
}

const startsClosing = (cluster = '') => isClosingPunctuation(cluster.codePointAt(0) ?? 0);

/** Whether a line starting at cluster `from` begins with closing punctuation, spaces before it included: a
 * space in front of `，` must not let the comma open a line (` ，再比如`). */
function startsClosingAfterSpaces(clusters: string[], from: number): boolean {
	let index = from;
	while (index < clusters.length && isSpace((clusters[index] ?? '').charCodeAt(0))) index++;
	return startsClosing(clusters[index]);
}
const endsOpening = (cluster = '') => isOpeningPunctuation(cluster.codePointAt(0) ?? 0);

function sum(widths: number[], from: number, to: number): number {
	let total = 0;
	for (let index = from; index < to; index++) total += widths[index] ?? 0;
	return total;
}

// A piece wider than the line is first broken at the spaces inside it (dropped, as at any break) before any word
// is hard-split: UAX #14 glues `x = y;   // note` (no break before `/`), and no-break spaces glue words, while
// scraped HTML uses &nbsp; as an ordinary space.
const innerSpaceRun = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Greedy fill over index ranges of the text (every line is a slice of it): pieces are added while they fit;
 * whitespace where a line ends is dropped. A line holding only the leading indent has lineEnd === lineStart and
 * the indent as its pending space: it goes if the first word does not fit after it, like any space at a break.
 */
class LineFiller {
	readonly lines: string[] = [];
	private lineStart = 0;
	private lineEnd = 0;
	private lineWidth = 0;
	private spaceWidth = 0;
	private started = false;

	constructor(
		private readonly text: string,
		private readonly columns: number,
	) {}

	/** The piece [start, end) between break opportunities: a word (or ideograph) and the whitespace after it. */
	add(start: number, end: number, required: boolean): void {
		this.place(start, trimmedEnd(this.text, end, start), end, true);
		if (required) this.finishLine();
	}

	private place(start: number, contentEnd: number, spaceEnd: number, maySplitAtSpaces: boolean): void {
		const contentWidth = sliceWidth(this.text, start, contentEnd);
		if (contentWidth > this.columns && maySplitAtSpaces) {
			this.placeSplitAtSpaces(start, contentEnd, spaceEnd);
			return;
		}
		if (this.started && this.lineWidth + this.spaceWidth + contentWidth <= this.columns) {
			this.lineEnd = contentEnd;
			this.lineWidth += this.spaceWidth + contentWidth;
		} else {
			if (this.lineEnd > this.lineStart) this.lines.push(this.text.slice(this.lineStart, this.lineEnd));
			this.started = true;
			this.lineEnd = contentEnd;
			if (contentWidth <= this.columns) {
				this.lineStart = start;
				this.lineWidth = contentWidth;
			} else {
				const chunks = splitByCluster(this.text.slice(start, contentEnd), this.columns);
				const last = chunks.pop() ?? {text: '', width: 0};
				for (const chunk of chunks) this.lines.push(chunk.text);
				this.lineStart = contentEnd - last.text.length;
				this.lineWidth = last.width;
			}
		}
		this.spaceWidth = sliceWidth(this.text, contentEnd, spaceEnd);
	}

	/** Places the words of [start, contentEnd) split at inner spaces (with none, the piece as one word). */
	private placeSplitAtSpaces(start: number, contentEnd: number, spaceEnd: number): void {
		const spaces: [number, number][] = [];
		innerSpaceRun.lastIndex = start;
		for (
			let match = innerSpaceRun.exec(this.text);
			match !== null && match.index < contentEnd;
			match = innerSpaceRun.exec(this.text)
		) {
			const runEnd = match.index + match[0].length;
			if (match.index > start && kinsokuAllows(this.text, match.index, runEnd)) spaces.push([match.index, runEnd]);
		}
		let wordStart = start;
		for (const [runStart, runEnd] of spaces) {
			this.place(wordStart, runStart, runEnd, false);
			wordStart = runEnd;
		}
		this.place(wordStart, contentEnd, spaceEnd, false);
	}

	finishLine(): void {
		if (this.started) this.lines.push(this.text.slice(this.lineStart, this.lineEnd));
		this.started = false;
		this.lineStart = this.lineEnd;
		this.lineWidth = 0;
		this.spaceWidth = 0;
	}
}

/**
 * Wrap one logical line into lines of at most `width` columns (see the tailoring notes above). Text that fits
 * is returned unchanged as the only line; '' gives ['']. A leading indent is kept on the first line; whitespace
 * where the wrapper breaks is dropped, nothing else. Newlines, if any, are honoured as forced breaks.
 */
export function wrapLine(text: string, width: number): string[] {
	const columns = columnsOf(width);
	if (text.includes('\n')) return text.split('\n').flatMap((line) => wrapLine(line, columns));
	if (displayWidth(text) <= columns) return [text];
	const filler = new LineFiller(text, columns);
	const breaker = new LineBreaker(text);
	let pieceStart = 0;
	for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
		const {position, required} = next;
		if (position < text.length && !required && !mayBreakAt(text, position)) continue;
		filler.add(pieceStart, position, required);
		pieceStart = position;
	}
	// Never empty: the text is not, and its last piece starts a line that finishLine ends.
	filler.finishLine();
	return filler.lines;
}

/**
 * Verbatim text (code): split by grapheme cluster only where a line would pass `width`, keeping every space;
 * punctuation follows the same rule as in prose (no line starts with closing or ends with opening punctuation,
 * unless the width leaves no other way).
 */
export function hardWrap(text: string, width: number): string[] {
	const columns = columnsOf(width);
	if (text.includes('\n')) return text.split('\n').flatMap((line) => hardWrap(line, columns));
	if (displayWidth(text) <= columns) return [text];
	return splitByCluster(text, columns).map((chunk) => chunk.text);
}
