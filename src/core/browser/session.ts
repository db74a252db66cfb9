// Where you were: the category, the kept title filter, the article under the cursor, the article open in the
// reader (scrolled as it was left, positions.ts) and the sort, kept per library across runs. At start the session
// comes with the state store the first frame already loads; its sort and filter apply at once, and the rest each
// time articles arrive, as soon as what it names is there, until the library is loaded or a key is pressed (the
// reader's own moves win). What is gone falls back quietly: a category to All, an article to the list.
import {sanitizeLine} from '../text/sanitize.ts';
import {fitCursor} from './cursor.ts';
import {findRows} from './filter.ts';
import type {Library} from './library.ts';
import {KEY_SEPARATOR, sortLibrary} from './library.ts';
import {resumeOf} from './positions.ts';
import {starredCount} from './stars.ts';
import type {Action, BrowserState, Session} from './types.ts';
import type {ViewFilter} from './view.ts';
import {buildView} from './view.ts';

/** A kept filter longer than this is no filter anyone typed. */
const MAX_QUERY = 200;

/** The session and the positions kept from the last run; the session waits in `restore` for its articles. */
export function onRemembered(
	state: BrowserState,
	session: Session | null,
	positions: ReadonlyMap<string, number>,
): BrowserState {
	const next = {...state, positions};
	if (session === null) return next;
	// The filter is text for the status line from a file: it is cleaned like any other text shown.
	const query = sanitizeLine(session.query).slice(0, MAX_QUERY);
	const restore = {...session, query};
	return applyRestore({
		...next,
		library: sortLibrary(state.library, session.sort),
		find: {...state.find, query},
		restore,
	});
}

/** The first live article with `id` (removed ones stay in `items`, out of `order`), or -1. */
function findItem(library: Library, id: string | null): number {
	if (id === null) return -1;
	for (const item of library.order) if (library.items[item]?.id === id) return item;
	return -1;
}

/** The view the session names, if its category (or a starred article) is there yet; else null. */
function sessionFilter(state: BrowserState, session: Session): ViewFilter | null {
	const {library} = state;
	if (session.starred) return starredCount(library) > 0 ? {category: null, unreadOnly: false, starred: true} : null;
	if (session.category.length === 0) return null;
	const ordinal = library.categoryOrdinals.get(session.category.join(KEY_SEPARATOR));
	if (ordinal === undefined || (library.categoryTotals[ordinal] ?? 0) === 0) return null;
	return {category: ordinal, unreadOnly: false};
}

const sameFilter = (a: ViewFilter, b: ViewFilter) =>
	a.category === b.category && a.unreadOnly === b.unreadOnly && (a.starred === true) === (b.starred === true);

/** As much of the session as the articles so far allow. */
export function applyRestore(state: BrowserState): BrowserState {
	const session = state.restore;
	if (session === null) return state;
	let next = state;
	const filter = sessionFilter(state, session);
	if (filter !== null && !sameFilter(filter, state.filter)) {
		const rows = findRows(state.library, state.find, buildView(state.library, filter));
		next = {...next, filter, rows};
	}
	const height = next.layout.bodyHeight;
	const cursorItem = findItem(next.library, session.cursor);
	const row = cursorItem === -1 ? -1 : next.rows.indexOf(cursorItem);
	if (row !== -1 && next.rows[next.list.index] !== cursorItem) {
		// A third down the screen: the rows before it show where it is.
		const list = fitCursor({index: row, scroll: row - Math.floor(height / 3)}, next.rows.length, height);
		next = {...next, list};
	} else if (next.rows !== state.rows) {
		next = {...next, list: fitCursor(next.list, next.rows.length, height)};
	}
	const openItem =
		session.open === session.cursor && cursorItem !== -1 ? cursorItem : findItem(next.library, session.open);
	if (openItem !== -1 && next.reader?.item !== openItem) {
		const reader = {
			item: openItem,
			status: 'loading' as const,
			lines: [],
			width: 0,
			scroll: 0,
			message: null,
			resume: resumeOf(next, openItem),
			restored: true,
		};
		next = {...next, reader, focus: session.focus};
	}
	return next;
}

/** After an action, while a session is being applied: articles arrived, or the library is loaded. */
export function afterArrivals(state: BrowserState, action: Action): BrowserState {
	switch (action.type) {
		case 'articlesAdded':
		case 'articlesChanged':
		case 'libraryReplaced':
		case 'starsLoaded':
			return applyRestore(state);
		case 'loadingFinished':
			return finishRestore(state);
		default:
			return state;
	}
}

/** The library is loaded: the last of the session applies, what it names that is not there is let go. */
export function finishRestore(state: BrowserState): BrowserState {
	if (state.restore === null) return state;
	const applied = {...applyRestore(state), restore: null};
	const {category} = applied.filter;
	const emptied =
		(category !== null && (applied.library.categoryTotals[category] ?? 0) === 0) ||
		(applied.filter.starred === true && starredCount(applied.library) === 0);
	if (!emptied) return applied;
	const filter = {category: null, unreadOnly: applied.filter.unreadOnly};
	const rows = findRows(applied.library, applied.find, buildView(applied.library, filter));
	return {...applied, filter, rows, list: fitCursor({index: 0, scroll: 0}, rows.length, applied.layout.bodyHeight)};
}

/** Rows the first frame may show below the restored cursor (a third down a screen): more than a tall terminal's. */
const ROWS_BELOW_CURSOR = 128;

/**
 * Whether the first frame of a start that restores `session` can be drawn from the library's newest articles alone
 * (`newest`, their ids newest first; `complete`: they are all of it): the All view, newest first and unfiltered,
 * with the cursor and the open article among them, a screen's worth of rows below. Else that frame would change
 * as soon as the rest arrived.
 */
export function firstFrameWithin(session: Session | null, newest: readonly string[], complete: boolean): boolean {
	if (session === null) return true;
	if (session.category.length > 0 || session.starred || session.query !== '' || session.sort !== 'newest') return false;
	const shows = (id: string | null) => {
		if (id === null) return true;
		const row = newest.indexOf(id);
		return row !== -1 && (complete || row + ROWS_BELOW_CURSOR < newest.length);
	};
	return shows(session.cursor) && shows(session.open);
}

/** A key: from now on the reader decides where things are. */
export function endRestore(state: BrowserState): BrowserState {
	return state.restore === null ? state : {...state, restore: null};
}

/** The restored article could not be read (deleted while leaf was closed): back to the list, without a word. */
export function restoredFailed(state: BrowserState): BrowserState {
	const restore = state.restore && {...state.restore, open: null};
	return {...state, reader: null, focus: 'list', restore};
}

/**
 * What to keep of the state as the session: null while the last one is still being applied, or before any article
 * is listed (quitting then keeps the one from before).
 */
export function sessionOf(state: BrowserState): Session | null {
	if (state.restore !== null || state.library.order.length === 0) return null;
	const {filter, library, find} = state;
	const idOf = (item: number | undefined) => (item === undefined ? null : (library.items[item]?.id ?? null));
	return {
		category: filter.category === null ? [] : (library.categoryPaths[filter.category] ?? []),
		starred: filter.starred === true,
		// While the filter is typed, the one kept before it (Esc would go back to it).
		query: find.prompt ? find.prompt.saved.query : find.query,
		cursor: idOf(state.rows[state.list.index]),
		open: idOf(state.reader?.item),
		focus: state.reader !== null && state.focus === 'reader' ? 'reader' : 'list',
		sort: library.sort,
	};
}

export function sameSession(a: Session | null, b: Session | null): boolean {
	if (a === null || b === null) return a === b;
	return (
		a.starred === b.starred &&
		a.query === b.query &&
		a.cursor === b.cursor &&
		a.open === b.open &&
		a.focus === b.focus &&
		a.sort === b.sort &&
		a.category.length === b.category.length &&
		a.category.every((name, depth) => name === b.category[depth])
	);
}
