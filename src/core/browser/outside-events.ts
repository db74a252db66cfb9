// Transitions fed from outside the keyboard: articles found while indexing, a new terminal size, and the
// open article's lines rendered (again, at a new width).
import type {ArticleMeta} from '../article/article.ts';
import type {Line} from '../render/lines.ts';
import type {BrowserState, Progress} from './types.ts';
import {categoryRowCount} from './selectors.ts';
import {clampScroll, fitCursor} from './cursor.ts';
import type {Layout} from './layout.ts';
import {addArticles, compareItems, searchSorted} from './library.ts';
import {extendView} from './view.ts';
import {clampHelpScroll} from './overlay.ts';
import {fitLinksCursor} from './links.ts';
import {markItems} from './open-and-mark.ts';
import {resumed} from './positions.ts';

export function onArticlesAdded(
	state: BrowserState,
	articles: readonly ArticleMeta[],
	readIds: ReadonlySet<string>,
	progress: Progress | undefined,
): BrowserState {
	const loading = progress ? {...state.loading, done: progress.done, total: progress.total} : state.loading;
	if (articles.length === 0) return progress ? {...state, loading} : state;
	const {library, added} = addArticles(state.library, articles, readIds);
	const rows = extendView(library, state.filter, state.rows, added);
	const height = state.layout.bodyHeight;
	let list = state.list;
	const item = state.rows[list.index];
	// The cursor stays on its article as newer ones arrive above it, unless it has not left the top yet.
	if (rows !== state.rows && item !== undefined && (list.index > 0 || list.scroll > 0)) {
		const index = searchSorted(rows, item, (a, b) => compareItems(library, a, b));
		list = {index, scroll: list.scroll + (index - list.index)};
	}
	let categories = state.categories;
	const node = state.library.tree[categories.index - 1];
	if (library.tree !== state.library.tree && node) {
		const index = 1 + library.tree.findIndex((candidate) => candidate.ordinal === node.ordinal);
		categories = {index, scroll: categories.scroll + (index - categories.index)};
	}
	return {
		...state,
		library,
		rows,
		loading,
		list: fitCursor(list, rows.length, height),
		categories: fitCursor(categories, library.tree.length + 1, height),
	};
}

export function onResized(state: BrowserState, layout: Layout): BrowserState {
	const height = layout.bodyHeight;
	const reader = state.reader && {
		...state.reader,
		scroll: clampScroll(state.reader.scroll, state.reader.lines.length, height),
	};
	const overlay =
		state.overlay?.kind === 'help'
			? {...state.overlay, scroll: clampHelpScroll({...state, layout}, state.overlay.scroll)}
			: state.overlay?.kind === 'links'
				? {...state.overlay, cursor: fitLinksCursor({...state, layout}, state.overlay.cursor)}
				: state.overlay;
	return {
		...state,
		layout,
		list: fitCursor(state.list, state.rows.length, height),
		categories: fitCursor(state.categories, categoryRowCount(state), height),
		reader,
		overlay,
	};
}

export function onReaderLoaded(
	state: BrowserState,
	item: number,
	width: number,
	lines: readonly Line[],
	partial: boolean,
): BrowserState {
	const reader = state.reader;
	if (!reader || reader.item !== item) return state;
	const height = state.layout.bodyHeight;
	// Lines on screen (a loading or failed reader holds none).
	const shown = reader.lines.length > 0;
	const atEnd = reader.status === 'ready' && reader.scroll > 0 && reader.scroll >= reader.lines.length - height;
	// The whole article after its beginning, at the same width: the lines on screen are the same ones.
	// At a new width, the reading position is kept: the same fraction of the article stays at the top
	// (and the end stays the end).
	const scroll = !shown
		? 0
		: reader.width === width
			? reader.scroll
			: atEnd
				? lines.length
				: Math.round((reader.scroll * lines.length) / reader.lines.length);
	// The first lines of an article that was loading: it has been read, and is marked so. One reopened by the start
	// was read before, and may have been marked unread since while open: it keeps its mark.
	const marked = reader.status === 'loading' && !reader.restored ? markItems(state, [item], true) : state;
	const next = {
		item,
		status: partial ? ('partial' as const) : ('ready' as const),
		lines,
		width,
		scroll: clampScroll(scroll, lines.length, height),
		message: null,
		resume: reader.resume,
	};
	return {...marked, reader: resumed(next, height)};
}
