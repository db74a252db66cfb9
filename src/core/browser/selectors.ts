// What the views draw, read from the state. Each is proportional to what is on screen (or to the
// number of categories), never to the number of articles, so a key press stays cheap at 100,000.
import type {ArticleMeta} from '../article/article.ts';
import type {BrowserState, Loading} from './types.ts';
import type {Library} from './library.ts';
import type {SortOrder} from './sort.ts';
import {findStatus} from './find-status.ts';

/** Rows of the category pane: `All`, then the tree. */
export function categoryRowCount(state: BrowserState): number {
	return state.library.tree.length + 1;
}

/** Unread articles in the current view. */
export function viewUnread(state: BrowserState): number {
	const {category} = state.filter;
	return category === null ? state.library.unreadTotal : (state.library.categoryUnread[category] ?? 0);
}

export interface ArticleRow {
	/** Arrival index of the article. */
	item: number;
	meta: ArticleMeta;
	read: boolean;
	/** Under the list cursor. */
	selected: boolean;
}

/** The list rows on screen. */
export function visibleArticles(state: BrowserState): ArticleRow[] {
	const {rows, list, library, layout} = state;
	const end = Math.min(rows.length, list.scroll + Math.max(0, layout.bodyHeight));
	const visible: ArticleRow[] = [];
	for (let row = list.scroll; row < end; row++) {
		const item = rows[row] as number;
		const meta = library.items[item];
		if (meta) visible.push({item, meta, read: library.read[item] === 1, selected: row === list.index});
	}
	return visible;
}

export interface CategoryRow {
	/** null for `All`. */
	ordinal: number | null;
	name: string;
	depth: number;
	total: number;
	unread: number;
}

const treeRows = new WeakMap<Library, CategoryRow[]>();

/** `All`, then the category tree, each with its article and unread counts (memoised per library state). */
export function categoryTree(library: Library): readonly CategoryRow[] {
	const known = treeRows.get(library);
	if (known) return known;
	const rows: CategoryRow[] = [
		{ordinal: null, name: 'All', depth: 0, total: library.order.length, unread: library.unreadTotal},
	];
	for (const node of library.tree) {
		rows.push({
			ordinal: node.ordinal,
			name: node.name,
			depth: node.depth,
			total: library.categoryTotals[node.ordinal] ?? 0,
			unread: library.categoryUnread[node.ordinal] ?? 0,
		});
	}
	treeRows.set(library, rows);
	return rows;
}

export interface StatusInfo {
	/** `All`, or the category path shown (`新媒体 › 趣头条`). */
	categoryPath: string;
	unreadOnly: boolean;
	sort: SortOrder;
	/** 1-based cursor position in the list (0 when empty), and the rows in the list. */
	position: number;
	count: number;
	/** Articles in the library. */
	total: number;
	/** Unread articles in the current view. */
	unread: number;
	/** How far the reader has got, when an article is open. */
	readerPercent: number | null;
	loading: Loading;
	/** The kept title filter or the search, with its count and progress (find-status.ts). */
	find?: string | null;
}

export function statusInfo(state: BrowserState): StatusInfo {
	const {filter, library, rows, list} = state;
	const path = filter.category === null ? null : library.categoryPaths[filter.category];
	return {
		categoryPath: path ? path.join(' › ') : 'All',
		unreadOnly: filter.unreadOnly,
		sort: library.sort,
		position: rows.length === 0 ? 0 : list.index + 1,
		count: rows.length,
		total: library.order.length,
		unread: viewUnread(state),
		readerPercent: readerPercent(state),
		loading: state.loading,
		find: findStatus(state),
	};
}

/** Percent of the open article above the bottom of the reader pane (100 when it all fits). */
export function readerPercent(state: BrowserState): number | null {
	const {reader, layout} = state;
	if (!reader || reader.status !== 'ready') return null;
	const total = reader.lines.length;
	if (total <= layout.bodyHeight) return 100;
	return Math.min(100, Math.round((100 * (reader.scroll + layout.bodyHeight)) / total));
}
