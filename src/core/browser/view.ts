// The list's views of a library: which of its articles a filter (category, unread only, starred) shows.
import type {Library, Rows} from './library.ts';
import {compareItems, keepRows, mergeSorted} from './library.ts';

const noCategories: readonly number[] = Object.freeze([]);

/** Filter of the article list: a category node (null: all) and whether only unread articles show. */
export interface ViewFilter {
	category: number | null;
	unreadOnly: boolean;
	/** Only starred articles (the `★ Starred` row); then `category` is null. */
	starred?: boolean;
}

function matches(library: Library, filter: ViewFilter, item: number): boolean {
	if (filter.unreadOnly && library.read[item] === 1) return false;
	if (filter.starred === true && library.starred?.has(library.items[item]?.id ?? '') !== true) return false;
	return filter.category === null || (library.memberOf[item] ?? noCategories).includes(filter.category);
}

/** The rows of a filtered view, in library order. The unfiltered view is `order` itself (shared, not copied). */
export function buildView(library: Library, filter: ViewFilter): Rows {
	if (filter.category === null && !filter.unreadOnly && filter.starred !== true) return library.order;
	return keepRows(library.order, (item) => matches(library, filter, item));
}

/** `rows` with the matching ones of `added` (sorted, just added to `library`) merged in. */
export function extendView(library: Library, filter: ViewFilter, rows: Rows, added: readonly number[]): Rows {
	if (filter.category === null && !filter.unreadOnly && filter.starred !== true) return library.order;
	const matching = added.filter((item) => matches(library, filter, item));
	if (matching.length === 0) return rows;
	return mergeSorted(rows, matching, (a, b) => compareItems(library, a, b));
}
