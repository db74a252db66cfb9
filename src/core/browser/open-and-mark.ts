// Transitions that read articles and change their marks: open, next/previous unread, m, and A (after y).
import type {BrowserState, PreparedLines, ReaderState} from './types.ts';
import {viewUnread} from './selectors.ts';
import {moveCursor} from './cursor.ts';
import {setRead} from './library.ts';
import {showNotice} from './notices.ts';
import {keepPosition, resumeOf, resumed} from './positions.ts';

export function openRow(current: BrowserState, row: number, prepared: PreparedLines | null = null): BrowserState {
	const item = current.rows[row];
	if (item === undefined) return current;
	// An article shown or being shown stays as it is; one that failed is read again.
	const same = current.reader?.item === item && current.reader.status !== 'failed';
	// The article being left keeps its place, for the next time it is opened.
	const state = same ? current : keepPosition(current);
	const reader: ReaderState = same && state.reader ? state.reader : readerFor(state, item, prepared);
	// A read mark follows a read: an article still loading is marked when its lines arrive (onReaderLoaded).
	const marked = reader.status === 'partial' || reader.status === 'ready' ? markItems(state, [item], true) : state;
	return {
		...marked,
		reader,
		focus: 'reader',
		list: moveCursor(state.list, row, state.rows.length, state.layout.bodyHeight),
	};
}

/** The reader for a newly opened article: the lines prepared for it when they fit the reader, else loading. */
function readerFor(state: BrowserState, item: number, prepared: PreparedLines | null): ReaderState {
	const resume = resumeOf(state, item);
	if (prepared?.item !== item || prepared.width !== state.layout.readerTextWidth)
		return {item, status: 'loading', lines: [], width: 0, scroll: 0, message: null, resume};
	const reader: ReaderState = {
		item,
		status: prepared.partial ? 'partial' : 'ready',
		lines: prepared.lines,
		width: prepared.width,
		scroll: 0,
		message: null,
		resume,
	};
	return resumed(reader, state.layout.bodyHeight);
}

export function openUnread(state: BrowserState, step: 1 | -1, prepared: PreparedLines | null = null): BrowserState {
	const {rows, list, library} = state;
	const cursorIsOpen = state.reader !== null && state.reader.item === rows[list.index];
	for (let row = cursorIsOpen ? list.index + step : list.index; row >= 0 && row < rows.length; row += step) {
		if (library.read[rows[row] as number] === 0) return openRow(state, row, prepared);
	}
	return showNotice(state, step === 1 ? 'No more unread articles below.' : 'No unread articles above.');
}

export function toggleRead(state: BrowserState): BrowserState {
	const item = state.rows[state.list.index];
	if (item === undefined) return state;
	return markItems(state, [item], state.library.read[item] === 0);
}

export function markItems(state: BrowserState, items: readonly number[], value: boolean): BrowserState {
	const {library, changed} = setRead(state.library, items, value);
	if (changed.length === 0) return state;
	const readChanges = changed.map((item) => ({id: library.items[item]?.id ?? '', read: value}));
	return {...state, library, readChanges};
}

export function askMarkViewRead(state: BrowserState): BrowserState {
	const count = viewUnread(state);
	if (count === 0) return showNotice(state, 'Every article here is read already.');
	return {...state, overlay: {kind: 'confirm', count}};
}

export function markViewRead(state: BrowserState): BrowserState {
	// setRead keeps only the marks that change: the unread ones.
	return {...markItems(state, Array.from(state.rows), true), overlay: null};
}
