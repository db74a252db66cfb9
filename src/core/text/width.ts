// Display width of terminal text, equal to string-width 8 (too slow to call per piece of a 10 MB body). Printable ASCII is its length. Other code points are looked up once each: a "simple" one is a
// grapheme cluster by itself and has its East Asian Width (or 0 if invisible); around a "complex" one (marks,
// joiners, emoji, jamo) a short window of whole clusters is measured by string-width, and remembered.
// Escape sequences are not interpreted (string-width strips them): text is sanitized before it is measured.
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007e]*$/;
// Made on first use: an Intl.Segmenter costs about 20 ms to create, and text of simple code points needs none.
let segmenter: Intl.Segmenter | undefined;
const SEGMENT_WINDOW = 512;

// A code point is complex when it may join a grapheme cluster with a neighbour: anything outside Grapheme_Base
// (marks, joiners, surrogates, private use, unassigned) except the controls and format characters that always
// stand alone; spacing marks (and Thai and Lao AM); emoji pieces; Hangul jamo; CR (CR LF is one cluster); the
// Prepend letters, which glue to what follows. Two simple code points always have a cluster boundary between
// them, so their widths add up. Built with `new RegExp`: TypeScript's ES2023 target rejects the `v` flag in a literal.
const complexCodePoint = new RegExp(
	'[^\\p{Grapheme_Base}\\p{Cc}[\\p{Cf}--[\\u200c\\u200d\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2' +
		'\\u{110bd}\\u{110cd}\\u{e0020}-\\u{e007f}]]]' +
		'|\\p{Mc}|\\p{Extended_Pictographic}|\\p{Regional_Indicator}|\\p{Emoji_Modifier}' +
		'|[\\r\\u0e33\\u0eb3\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\u0d4e\\u{111c2}\\u{111c3}\\u{1193f}\\u{11941}\\u{11a3a}' +
		'\\u{11a84}-\\u{11a89}\\u{11d46}\\u{11f02}]',
	'v',
);
// What string-width counts as zero columns when it stands alone.
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}]/u;
const pictographic = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u;

// Per code point, filled lazily: 0 unknown, 1 + width (1..3) for a simple code point, COMPLEX otherwise.
const COMPLEX = 4;
const kinds = new Uint8Array(0x110000);

function kindOf(codePoint: number): number {
	const known = kinds[codePoint] ?? 0;
	if (known !== 0) return known;
	const char = String.fromCodePoint(codePoint);
	// For a code point that is a cluster by itself string-width gives its East Asian Width (ambiguous as narrow),
	// or 0 if invisible; asking get-east-asian-width directly spares string-width's slow first call and its
	// cost per new character (a Chinese article has a thousand or more).
	const kind = complexCodePoint.test(char) ? COMPLEX : 1 + (invisible.test(char) ? 0 : eastAsianWidth(codePoint));
	kinds[codePoint] = kind;
	return kind;
}

/** The code point starting at `index`; a lone surrogate is returned as itself. */
function codePointAt(text: string, index: number): number {
	return text.codePointAt(index) ?? 0;
}

/** Whether every code point of `text` stands alone as a grapheme cluster of known width. */
function isSimple(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const codePoint = codePointAt(text, index);
		if (codePoint > 0xffff) index++;
		if (kindOf(codePoint) === COMPLEX) return false;
	}
	return true;
}

/** Width of one grapheme cluster. */
export function clusterWidth(cluster: string): number {
	if (cluster.length === 1 || (cluster.length === 2 && codePointAt(cluster, 0) > 0xffff)) {
		const kind = kindOf(codePointAt(cluster, 0));
		if (kind !== COMPLEX) return kind - 1;
	}
	return windowWidth(cluster);
}

/** Columns a terminal uses for `text` (CJK and fullwidth 2, combining marks and joiners 0, an emoji sequence 2). */
export function displayWidth(text: string): number {
	if (printableAscii.test(text)) return text.length;
	let width = 0;
	let index = 0;
	let kind = kindOf(codePointAt(text, 0));
	while (index < text.length) {
		const next = index + (codePointAt(text, index) > 0xffff ? 2 : 1);
		const nextKind = next < text.length ? kindOf(codePointAt(text, next)) : 0;
		if (kind !== COMPLEX && nextKind !== COMPLEX) {
			width += kind - 1;
			index = next;
			kind = nextKind;
			continue;
		}
		// A window of clusters from a boundary to a boundary, measured by string-width.
		const end = windowEnd(text, next);
		width += windowWidth(text.slice(index, end));
		index = end;
		if (index < text.length) kind = kindOf(codePointAt(text, index));
	}
	return width;
}

/** displayWidth(text.slice(start, end)) without the slice: the wrapper measures each piece of a line this way. */
export function sliceWidth(text: string, start: number, end: number): number {
	let width = 0;
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0x20 && code < 0x7f) {
			width++;
			continue;
		}
		// Something that may join its neighbours (met here or as the next code unit), or a surrogate pair (a lone
		// surrogate is complex): measure the slice as a whole.
		const kind = kindOf(code);
		if (kind === COMPLEX) return displayWidth(text.slice(start, end));
		width += kind - 1;
	}
	return width;
}

// Complex windows repeat (e + U+0301, an emoji with VS16): remember the short ones, within a bound. A long
// window is measured cluster by cluster: string-width segments the whole string it is given, and
// Intl.Segmenter is superlinear on long input (figures in the README).
const windowWidths = new Map<string, number>();

function windowWidth(window: string): number {
	if (window.length <= 64) return shortWindowWidth(window);
	let width = 0;
	for (const cluster of segmentClusters(window)) {
		width += cluster.length <= 64 ? shortWindowWidth(cluster) : stringWidth(cluster);
	}
	return width;
}

function shortWindowWidth(window: string): number {
	const known = windowWidths.get(window);
	if (known !== undefined) return known;
	const width = stringWidth(window);
	if (windowWidths.size >= 4096) windowWidths.clear();
	windowWidths.set(window, width);
	return width;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Intl.Segmenter over windows of bounded size. Each window starts at a cluster boundary; its last segment may
 * be cut by the window's end, so it is dropped and the next window starts there (a window holding a single
 * cluster is widened instead).
 */
function segmentClusters(text: string): string[] {
	const clusters: string[] = [];
	let start = 0;
	let size = SEGMENT_WINDOW;
	while (start < text.length) {
		let end = Math.min(text.length, start + size);
		// Never cut a surrogate pair: its lone halves would hide the boundary before them.
		if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
		const segments = Array.from(
			(segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text.slice(start, end)),
			({segment}) => segment,
		);
		if (end === text.length) {
			for (const segment of segments) clusters.push(segment);
			break;
		}
		if (segments.length < 2) {
			size *= 2;
			continue;
		}
		const cut = segments.pop() ?? '';
		for (const segment of segments) clusters.push(segment);
		start = end - cut.length;
		size = SEGMENT_WINDOW;
	}
	return clusters;
}

function isComplexAt(text: string, index: number): boolean {
	return kindOf(codePointAt(text, index)) === COMPLEX;
}

/**
 * The end of the clusters that start before `index`, where a complex code point sits: past the complex run and
 * the simple code point after it (it may still join: a consonant after a virama, a syllable after a jamo), at
 * the first place where a simple code point is followed by another simple one or by the end of the text.
 */
function windowEnd(text: string, index: number): number {
	let end = index;
	while (end < text.length) {
		const codePoint = codePointAt(text, end);
		end += codePoint > 0xffff ? 2 : 1;
		if (kindOf(codePoint) !== COMPLEX && (end >= text.length || !isComplexAt(text, end))) return end;
	}
	return end;
}

/** Whether a code point is East Asian wide (or an emoji piece): a break next to it is a CJK-style break. */
export function isWideCodePoint(codePoint: number): boolean {
	const kind = kindOf(codePoint);
	if (kind === COMPLEX) return pictographic.test(String.fromCodePoint(codePoint));
	return kind === 3;
}

/** The grapheme clusters of `text`, as a terminal shows them. */
export function graphemes(text: string): string[] {
	if (printableAscii.test(text)) return text.split('');
	if (isSimple(text)) return Array.from(text);
	return segmentClusters(text);
}

/** The grapheme clusters of `text` with the width of each, measured once. */
export function clusterWidths(text: string): {clusters: string[]; widths: number[]} {
	const clusters = graphemes(text);
	return {clusters, widths: clusters.map(clusterWidth)};
}

/** Cut `text` by grapheme to at most `width` columns, ending with `ellipsis` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (!(width > 0)) return '';
	if (displayWidth(text) <= width) return text;
	const ellipsisWidth = displayWidth(ellipsis);
	// An ellipsis wider than the room is left out rather than overflowing.
	const suffix = ellipsisWidth <= width ? ellipsis : '';
	const room = width - (suffix === '' ? 0 : ellipsisWidth);
	if (printableAscii.test(text)) return text.slice(0, Math.floor(room)) + suffix;
	return fittingPrefix(text, room) + suffix;
}

/** The longest run of whole clusters at the start of `text` within `columns`, segmenting only what it needs. */
function fittingPrefix(text: string, columns: number): string {
	for (let size = 2 * columns + 64; ; size *= 2) {
		let end = Math.min(text.length, size);
		if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
		const whole = end >= text.length;
		const clusters = graphemes(text.slice(0, end));
		// The last cluster of a slice may be cut short.
		if (!whole) clusters.pop();
		let kept = '';
		let used = 0;
		for (const cluster of clusters) {
			const columnsOfCluster = clusterWidth(cluster);
			if (used + columnsOfCluster > columns) return kept;
			kept += cluster;
			used += columnsOfCluster;
		}
		if (whole) return kept;
	}
}

/** `text` truncated to `width` columns, then padded with spaces to exactly `width` columns. */
export function padEnd(text: string, width: number): string {
	if (width === Number.POSITIVE_INFINITY) return text;
	const columns = width > 0 ? Math.floor(width) : 0;
	const cut = truncate(text, columns);
	return cut + ' '.repeat(Math.max(0, columns - displayWidth(cut)));
}
