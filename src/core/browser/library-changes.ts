// Articles the walk found changed or gone since the index was written: an index-first start shows the
// indexed articles at once, then takes these back (a changed article comes back in the same action with
// its new metadata). The cursor stays on its article — on its new version when it changed, on the next
// one when it is gone — and the category cursor on its category.
import type {ArticleMeta} from '../article/article.ts';
import {fitCursor} from './cursor.ts';
import type {Library, Rows} from './library.ts';
import {addArticles, buildTree, compareItems, keepRows, searchSorted} from './library.ts';
import {extendView} from './view.ts';
import type {BrowserState, Progress} from './types.ts';

/** The library without the articles of `ids` (unknown ids are ignored); returns the items taken out. */
export function removeArticles(library: Library, ids: ReadonlySet<string>): {library: Library; removed: Uint8Array} {
	const removed = new Uint8Array(library.items.length);
	let count = 0;
	for (const item of library.order) {
		if (!ids.has(library.items[item]!.id)) continue;
		removed[item] = 1;
		count++;
	}
	if (count === 0) return {library, removed};
	const categoryTotals = library.categoryTotals.slice();
	const categoryUnread = library.categoryUnread.slice();
	let unreadTotal = library.unreadTotal;
	let emptied = false;
	removed.forEach((flag, item) => {
		if (flag === 0) return;
		const unread = library.read[item] === 0;
		if (unread) unreadTotal--;
		for (const ordinal of library.memberOf[item] ?? []) {
			if (--categoryTotals[ordinal]! === 0) emptied = true;
			if (unread) categoryUnread[ordinal]!--;
		}
	});
	return {
		library: {
			...library,
			order: keepRows(library.order, (item) => removed[item] === 0),
			categoryTotals,
			categoryUnread,
			unreadTotal,
			tree: emptied ? buildTree(library.categoryPaths, categoryTotals) : library.tree,
		},
		removed,
	};
}

export function onArticlesChanged(
	state: BrowserState,
	removedIds: readonly string[],
	articles: readonly ArticleMeta[],
	readIds: ReadonlySet<string>,
	progress: Progress | undefined,
): BrowserState {
	const loading = progress ? {...state.loading, done: progress.done, total: progress.total} : state.loading;
	const taken = removeArticles(state.library, new Set(removedIds));
	const {library, added} = addArticles(taken.library, articles, readIds);
	if (library === state.library) return progress ? {...state, loading} : state;
	const replacement = (item: number | undefined): number | undefined => {
		if (item === undefined || taken.removed[item] !== 1) return item;
		const id = state.library.items[item]!.id;
		return added.find((candidate) => library.items[candidate]!.id === id) ?? item;
	};
	const kept: Rows =
		taken.library === state.library ? state.rows : keepRows(state.rows, (item) => taken.removed[item] !== 1);
	const rows = extendView(library, state.filter, kept, added);
	const compare = (a: number, b: number) => compareItems(library, a, b);
	const height = state.layout.bodyHeight;

	let list = state.list;
	const atTop = list.index === 0 && list.scroll === 0;
	const item = replacement(state.rows[list.index]);
	if (item !== undefined && !atTop) {
		// A removed item still sorts where it was: the cursor lands on the article that followed it.
		const index = Math.min(searchSorted(rows, item, compare), Math.max(0, rows.length - 1));
		list = {index, scroll: list.scroll + (index - list.index)};
	}
	const node = state.library.tree[state.categories.index - 1];
	let categories = state.categories;
	if (library.tree !== state.library.tree && node) {
		const index = 1 + library.tree.findIndex((candidate) => candidate.ordinal === node.ordinal);
		categories = {index, scroll: categories.scroll + (index - categories.index)};
	}
	const readerItem = state.reader && replacement(state.reader.item);
	// The open article is gone (deleted while leaf was closed, found by the walk): back to the list, as after `R`.
	const readerGone = readerItem != null && taken.removed[readerItem] === 1;
	const shown = readerGone
		? {
				...state,
				reader: null,
				focus: state.focus === 'reader' ? ('list' as const) : state.focus,
				overlay: state.overlay?.kind === 'links' ? null : state.overlay,
			}
		: state;
	return {
		...shown,
		library,
		rows,
		loading,
		list: fitCursor(list, rows.length, height),
		categories: fitCursor(categories, library.tree.length + 1, height),
		reader: shown.reader && readerItem !== shown.reader.item ? {...shown.reader, item: readerItem!} : shown.reader,
	};
}
