// The orders the article list can be sorted in (`S` cycles them). Articles without a date stay last in
// either date order: "oldest first" means the oldest dated article, not the ones nobody dated.
export type SortOrder = 'newest' | 'oldest' | 'title';

const cycle: readonly SortOrder[] = ['newest', 'oldest', 'title'];

/** How the status line and notices name an order. */
export const sortLabels: Readonly<Record<SortOrder, string>> = {
	newest: 'newest first',
	oldest: 'oldest first',
	title: 'by title',
};

export function nextSort(order: SortOrder): SortOrder {
	return cycle[(cycle.indexOf(order) + 1) % cycle.length] ?? 'newest';
}

// Numeric (`2` before `10`) and blind to case and accents, like the category tree; Chinese titles compare by
// code point under the root collation, which at least keeps them together and stable.
const titleCollator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Compares two dates in ms (-Infinity when undated): undated last, then newest or oldest first. */
export function compareTimes(timeA: number, timeB: number, order: SortOrder): number {
	if (timeA === timeB) return 0;
	if (timeA === Number.NEGATIVE_INFINITY) return 1;
	if (timeB === Number.NEGATIVE_INFINITY) return -1;
	const newerFirst = timeB > timeA ? 1 : -1;
	return order === 'oldest' ? -newerFirst : newerFirst;
}

export function compareTitles(titleA: string, titleB: string): number {
	if (titleA === titleB) return 0;
	return titleCollator.compare(titleA, titleB) || (titleA < titleB ? -1 : 1);
}
