// Reading positions: where each article was left, so that opening it again returns there. A position is the
// fraction of the article's lines above the reader's top line, not a line number: the same article at another pane
// width has another number of lines, and the same fraction is the same place in its text (as a resize keeps it,
// outside-events.ts). The top of an article is no position at all: only articles actually scrolled are kept.
import {clampScroll} from './cursor.ts';
import type {BrowserState, ReaderState} from './types.ts';

/** Fractions are kept to this precision: exact back to the line for articles of up to a million lines. */
const PRECISION = 1e6;

export interface ArticlePosition {
	id: string;
	/** 0 for the top (no position kept). */
	fraction: number;
}

/** The fraction for `scroll` over `length` lines; above 0 for any scroll past the top. */
export function scrollFraction(scroll: number, length: number): number {
	if (scroll <= 0 || length <= 0) return 0;
	return Math.max(1 / PRECISION, Math.round((scroll / length) * PRECISION) / PRECISION);
}

/** The reader's scroll for a kept `fraction` of an article of `length` lines on a screen of `height`. */
export function scrollFor(fraction: number, length: number, height: number): number {
	return clampScroll(Math.round(fraction * length), length, height);
}

/** Where the open article is, once it is whole and not waiting for a kept position; else null. */
export function readerPosition(state: BrowserState): ArticlePosition | null {
	const {reader} = state;
	if (!reader || reader.status !== 'ready' || reader.resume !== undefined) return null;
	const id = state.library.items[reader.item]?.id;
	return id === undefined ? null : {id, fraction: scrollFraction(reader.scroll, reader.lines.length)};
}

/** `state.positions` with the open article's position in it: called as the reader closes or changes article. */
export function keepPosition(state: BrowserState): BrowserState {
	const position = readerPosition(state);
	if (position === null) return state;
	const known = state.positions.get(position.id) ?? 0;
	if (known === position.fraction) return state;
	const positions = new Map(state.positions);
	if (position.fraction === 0) positions.delete(position.id);
	else positions.set(position.id, position.fraction);
	return {...state, positions};
}

/**
 * The kept position of the article `item` when it is opened, or undefined. An article opened from search results
 * goes to its first match instead (find.ts), not to where it was left.
 */
export function resumeOf(state: BrowserState, item: number): number | undefined {
	if (state.find.search !== null) return undefined;
	const id = state.library.items[item]?.id;
	return id === undefined ? undefined : state.positions.get(id);
}

/** A reader whose whole article has just arrived: scrolled to its kept position, which is then used up. */
export function resumed(reader: ReaderState, height: number): ReaderState {
	if (reader.resume === undefined || reader.status !== 'ready') return reader;
	const {resume: fraction, ...rest} = reader;
	return {...rest, scroll: scrollFor(fraction, reader.lines.length, height)};
}
