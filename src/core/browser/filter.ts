// The rows the list shows once the title filter and the search results narrow the view. Each article's
// haystack (title, author, category paths, lower-cased) is made once and kept per library state, so a key
// in the filter prompt costs one `includes` per listed article, and a query that grows only looks again
// at the rows it already kept.
import type {ArticleMeta} from '../article/article.ts';
import {fitCursor} from './cursor.ts';
import type {FindState} from './find-types.ts';
import {keepRows, type Library, type Rows} from './library.ts';
import {buildView} from './view.ts';
import type {BrowserState} from './types.ts';

/** Between fields: a query (typed on one line) cannot match across two of them. */
const FIELD_BREAK = '\n';

export function haystackOf(meta: ArticleMeta): string {
	const paths = meta.categories.map((path) => path.join('/'));
	return [meta.title, meta.author, ...paths].join(FIELD_BREAK).toLowerCase();
}

let cached: {items: readonly ArticleMeta[]; haystacks: string[]} = {items: [], haystacks: []};

/** The haystacks of every article, by arrival index; those of articles already seen are reused. */
export function haystacksOf(library: Library): readonly string[] {
	if (cached.items === library.items) return cached.haystacks;
	const previous = cached;
	const haystacks = library.items.map((meta, item) =>
		previous.items[item] === meta ? previous.haystacks[item]! : haystackOf(meta),
	);
	cached = {items: library.items, haystacks};
	return haystacks;
}

export const filterNeedle = (query: string): string => query.trim().toLowerCase();

/** `rows` whose articles' haystacks hold `query`. */
export function narrowByQuery(library: Library, rows: Rows, query: string): Rows {
	const needle = filterNeedle(query);
	if (needle === '') return rows;
	const haystacks = haystacksOf(library);
	return keepRows(rows, (item) => haystacks[item]!.includes(needle));
}

/** The view's rows narrowed by the search results and the title filter. */
export function findRows(library: Library, find: FindState, base: Rows): Rows {
	const hits = find.search?.hits;
	const rows = hits ? keepRows(base, (item) => hits[item] === 1) : base;
	return narrowByQuery(library, rows, find.query);
}

/** The rows for the state's view and find state, the cursor kept on its article while it is listed. */
export function refreshRows(state: BrowserState, find: FindState = state.find): BrowserState {
	return withRows({...state, find}, findRows(state.library, find, buildView(state.library, state.filter)));
}

/** `state` listing `rows`, the cursor on the same article if it is among them (else on the same row). */
export function withRows(state: BrowserState, rows: Rows): BrowserState {
	const item = state.rows[state.list.index];
	const height = state.layout.bodyHeight;
	const index = item === undefined ? -1 : rows.indexOf(item);
	const cursor = index === -1 ? state.list : {index, scroll: state.list.scroll + (index - state.list.index)};
	return {...state, rows, list: fitCursor(cursor, rows.length, height)};
}
