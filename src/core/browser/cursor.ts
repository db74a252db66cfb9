// A cursor in a scrolling list: the selected row and the first row on screen.

export interface Cursor {
	index: number;
	scroll: number;
}

export const topCursor: Cursor = {index: 0, scroll: 0};

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** `cursor` within `count` rows, its row on a screen of `height` rows. */
export function fitCursor(cursor: Cursor, count: number, height: number): Cursor {
	const index = clamp(cursor.index, 0, Math.max(0, count - 1));
	const rows = Math.max(1, height);
	let scroll = clamp(cursor.scroll, 0, Math.max(0, count - rows));
	if (index < scroll) scroll = index;
	else if (index >= scroll + rows) scroll = index - rows + 1;
	return index === cursor.index && scroll === cursor.scroll ? cursor : {index, scroll};
}

/**
 * The cursor moved to `target`. A page move also scrolls by the distance moved, so the cursor keeps its
 * row on screen (as less and newsboat do); a line move scrolls only when the cursor would leave the screen.
 * `cursor` itself when it does not move, so that a key which moves nothing leaves the state as it was.
 */
export function moveCursor(cursor: Cursor, target: number, count: number, height: number, page = false): Cursor {
	const index = clamp(target, 0, Math.max(0, count - 1));
	const scroll = page ? cursor.scroll + (index - cursor.index) : cursor.scroll;
	const moved = fitCursor({index, scroll}, count, height);
	return moved.index === cursor.index && moved.scroll === cursor.scroll ? cursor : moved;
}

/** A plain scroll offset (the reader) within `count` lines on a screen of `height`. */
export function clampScroll(scroll: number, count: number, height: number): number {
	return clamp(scroll, 0, Math.max(0, count - Math.max(1, height)));
}
