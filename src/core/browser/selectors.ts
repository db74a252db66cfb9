// What the views draw, read from the state. Each is proportional to what is on screen (or to the
// number of categories), never to the number of articles, so a key press stays cheap at 100,000.
import type {ArticleMeta} from '../article/article.ts';
import type {BrowserState, Loading, PreparedLines} from './types.ts';
import type {Library} from './library.ts';
import type {SortOrder} from './sort.ts';
import {findStatus} from './find-status.ts';
import {STARRED_NAME, starRowShown, starredCount} from './stars.ts';

/** Rows of the category pane: `★ Starred` while shown, `All`, then the tree. */
export function categoryRowCount(state: BrowserState): number {
	return state.library.tree.length + 1 + categoryRowOffset(state);
}

/** Where `All` is in the category pane: under `★ Starred` while that is shown. */
export function categoryRowOffset(state: BrowserState): number {
	return starRowShown(state) ? 1 : 0;
}

const withStars = new WeakMap<Library, CategoryRow[]>();

/** Every row of the category pane, `★ Starred` first while it is shown. */
export function categoryRows(state: BrowserState): readonly CategoryRow[] {
	const tree = categoryTree(state.library);
	if (!starRowShown(state)) return tree;
	const known = withStars.get(state.library);
	if (known) return known;
	const count = starredCount(state.library);
	const rows = [
		{ordinal: null, name: STARRED_NAME, depth: 0, total: count, unread: count, starred: true as const},
		...tree,
	];
	withStars.set(state.library, rows);
	return rows;
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
	/** The `★ Starred` row (its count is of starred articles, read or not). */
	starred?: true;
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
	/** Unread articles in the current view, and in the whole library. */
	unread: number;
	unreadAll: number;
	/** How far the open article has been read, while the reader is on screen (else null). */
	reading: ReadingPosition | null;
	loading: Loading;
	/** The kept title filter or the search, with its count and progress (find-status.ts). */
	find?: string | null;
}

export function statusInfo(state: BrowserState): StatusInfo {
	const {filter, library, rows, list} = state;
	return {
		categoryPath: viewName(state),
		unreadOnly: filter.unreadOnly,
		sort: library.sort,
		position: rows.length === 0 ? 0 : list.index + 1,
		count: rows.length,
		total: library.order.length,
		unread: viewUnread(state),
		unreadAll: library.unreadTotal,
		reading: readerOnScreen(state) ? readingPosition(state) : null,
		loading: state.loading,
		find: findStatus(state),
	};
}

/** `All`, or the path of the category shown (`新媒体 › 趣头条`). */
export function viewName(state: BrowserState): string {
	const {category} = state.filter;
	if (state.filter.starred === true) return STARRED_NAME;
	const path = category === null ? null : state.library.categoryPaths[category];
	return path ? path.join(' › ') : 'All';
}

/** The open article is on screen: beside the list, or filling the screen. */
export function readerOnScreen(state: BrowserState): boolean {
	return state.reader !== null && (state.layout.mode === 'wide' || state.focus === 'reader');
}

export interface ReadingPosition {
	/** 1-based lines on screen (`first`-`last` of `total`). */
	first: number;
	last: number;
	total: number;
	/** 0 on the first screen, 100 on the last (and for an article that fits on one screen). */
	percent: number;
}

/** Where the reader is in the open article, once it is rendered whole. */
export function readingPosition(state: BrowserState): ReadingPosition | null {
	const {reader, layout} = state;
	if (!reader || reader.status !== 'ready') return null;
	const total = reader.lines.length;
	const height = Math.max(1, layout.bodyHeight);
	const last = Math.min(total, reader.scroll + height);
	const scrollable = total - height;
	const percent = scrollable <= 0 ? 100 : Math.round((100 * Math.min(reader.scroll, scrollable)) / scrollable);
	return {first: total === 0 ? 0 : reader.scroll + 1, last, total, percent};
}

/** The article open in the reader. */
export function openArticle(state: BrowserState): ArticleMeta | null {
	return state.reader ? (state.library.items[state.reader.item] ?? null) : null;
}

/** The lines the reader previews while no article is open: those of the article under the list cursor. */
export function previewLines(state: BrowserState): PreparedLines | null {
	const {preview} = state;
	if (state.reader || !preview) return null;
	return preview.item === state.rows[state.list.index] && preview.width === state.layout.readerTextWidth
		? preview
		: null;
}

/** The article under the list cursor. */
export function cursorArticle(state: BrowserState): ArticleMeta | null {
	const item = state.rows[state.list.index];
	return item === undefined ? null : (state.library.items[item] ?? null);
}
