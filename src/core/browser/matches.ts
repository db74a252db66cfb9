// Where the search's needle is in the open article's lines, for the reader to highlight (an overlay of
// ranges over each line's text, whatever styles the line carries) and for `]` / `[` to jump between.
// A match may run over a wrapped line's end: a space of the needle matches the line break, and so does
// nothing at all (Chinese and long words are broken between characters).
import type {Line} from '../render/lines.ts';
import {normalizeQuery} from '../search/needle.ts';
import type {BrowserState} from './types.ts';

export interface MatchRange {
	line: number;
	start: number;
	end: number;
}

export interface ReaderMatches {
	/** Every match, in reading order (a match over two lines counts once: its first part). */
	list: readonly MatchRange[];
	/** Ranges to draw, per line. */
	byLine: ReadonlyMap<number, readonly MatchRange[]>;
}

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The needle as a pattern over lines joined by '\n' (continuation lines may start with a margin). */
function patternOf(needle: string): RegExp {
	const lineBreak = '\\n[ │]*';
	const parts = [...needle].map((char) => (char === ' ' ? `(?:\\s|${lineBreak})+` : escape(char)));
	return new RegExp(parts.join(`(?:${lineBreak})?`), 'giu');
}

export function findMatches(lines: readonly Line[], query: string): ReaderMatches {
	const needle = normalizeQuery(query);
	const list: MatchRange[] = [];
	const byLine = new Map<number, MatchRange[]>();
	if (needle === '') return {list, byLine};
	const starts: number[] = [];
	let offset = 0;
	for (const line of lines) {
		starts.push(offset);
		offset += line.text.length + 1;
	}
	const flat = lines.map((line) => line.text).join('\n');
	const lower = flat.toLowerCase();
	const text = lower.length === flat.length ? lower : flat;
	const add = (range: MatchRange) => {
		const ranges = byLine.get(range.line) ?? [];
		ranges.push(range);
		byLine.set(range.line, ranges);
	};
	let line = 0;
	for (const found of text.matchAll(patternOf(needle))) {
		const from = found.index;
		const to = from + found[0].length;
		if (to === from) continue;
		while (line + 1 < starts.length && starts[line + 1]! <= from) line++;
		list.push({
			line,
			start: from - starts[line]!,
			end: Math.min(to, starts[line]! + lines[line]!.text.length) - starts[line]!,
		});
		for (let at = line; at < starts.length && starts[at]! < to; at++) {
			const start = Math.max(from, starts[at]!) - starts[at]!;
			const end = Math.min(to, starts[at]! + lines[at]!.text.length) - starts[at]!;
			if (end > start) add({line: at, start, end});
		}
	}
	return {list, byLine};
}

const memo = new WeakMap<readonly Line[], {query: string; matches: ReaderMatches}>();

/** The matches of the search in the open article; null when no search result is open. */
export function readerMatches(state: BrowserState): ReaderMatches | null {
	const {reader, find} = state;
	if (!reader || !find.search || find.search.hits[reader.item] !== 1) return null;
	const known = memo.get(reader.lines);
	if (known?.query === find.search.query) return known.matches;
	const matches = findMatches(reader.lines, find.search.query);
	memo.set(reader.lines, {query: find.search.query, matches});
	return matches;
}
