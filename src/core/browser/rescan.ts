// The library read again (`R`, and after the editor closes): the new articles replace the old ones, and the
// browser stays where it was — the same category, the cursor on the same article, the open article kept (and
// rendered again, as it may have changed) with its reading position. What is gone falls back quietly: a deleted
// category to All, a deleted article's reader to the list.
import type {ArticleMeta} from '../article/article.ts';
import {fitCursor, topCursor} from './cursor.ts';
import {addArticles, buildView, emptyLibrary} from './library.ts';
import type {BrowserState, ReaderState} from './types.ts';

const KEY_SEPARATOR = '\u001f';

export function onLibraryReplaced(
	state: BrowserState,
	articles: readonly ArticleMeta[],
	readIds: ReadonlySet<string>,
): BrowserState {
	const {library} = addArticles({...emptyLibrary, sort: state.library.sort}, articles, readIds);
	const itemById = new Map<string, number>();
	library.items.forEach((meta, item) => itemById.set(meta.id, item));
	const find = (oldItem: number | undefined) => {
		const id = oldItem === undefined ? undefined : state.library.items[oldItem]?.id;
		return id === undefined ? undefined : itemById.get(id);
	};
	const oldPath = state.filter.category === null ? null : state.library.categoryPaths[state.filter.category];
	const category = oldPath ? (library.categoryOrdinals.get(oldPath.join(KEY_SEPARATOR)) ?? null) : null;
	const filter = {...state.filter, category};
	const rows = buildView(library, filter);
	const height = state.layout.bodyHeight;
	const cursorItem = find(state.rows[state.list.index]);
	const index = cursorItem === undefined ? -1 : rows.indexOf(cursorItem);
	const list =
		index < 0
			? fitCursor({index: Math.min(state.list.index, rows.length - 1), scroll: state.list.scroll}, rows.length, height)
			: fitCursor({index, scroll: state.list.scroll + (index - state.list.index)}, rows.length, height);
	const readerItem = state.reader ? find(state.reader.item) : undefined;
	// `partial` has the loader render the whole article again; the lines on screen stay until then.
	const reader: ReaderState | null =
		state.reader && readerItem !== undefined
			? {...state.reader, item: readerItem, status: state.reader.status === 'failed' ? 'loading' : 'partial'}
			: null;
	const categoryRow = category === null ? 0 : 1 + library.tree.findIndex((node) => node.ordinal === category);
	return {
		...state,
		library,
		filter,
		rows,
		list: rows.length === 0 ? topCursor : list,
		categories: fitCursor({...state.categories, index: categoryRow}, library.tree.length + 1, height),
		reader,
		focus: reader === null && state.focus === 'reader' ? 'list' : state.focus,
		overlay: reader === null && state.overlay?.kind === 'links' ? null : state.overlay,
		loading: {done: articles.length, total: articles.length, finished: true},
	};
}
