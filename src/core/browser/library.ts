// The articles the browser knows, grown batch by batch while the library is indexed. An article is
// named everywhere in the state by its arrival index (its place in `items`), which never changes.
// Per-category and read counts are kept up to date incrementally, so marking an article read costs
// the depth of its categories, not the size of the library.
import type {ArticleMeta} from '../article/article.ts';
import {compareNewestFirst, sortTime} from '../article/order.ts';
import type {SortOrder} from './sort.ts';
import {compareNames, compareTimes, compareTitles, titleKeyOf} from './sort.ts';

/** One node of the category tree (a hexo hierarchy prefix such as `新媒体 › 趣头条`). */
export interface CategoryNode {
	/** Index into the library's per-category counts. */
	ordinal: number;
	name: string;
	path: readonly string[];
	depth: number;
}

/** Arrival indices of articles, in list order. */
export type Rows = Int32Array;

/**
 * The rows for which `keep` holds, in order. A loop: Int32Array's own filter gathers what it keeps in a plain array
 * first, 15-20 ms for 100,000 rows that mostly stay (a title filter's first letter), where this takes 2-3 ms.
 */
export function keepRows(rows: Rows, keep: (item: number) => boolean): Rows {
	const kept = new Int32Array(rows.length);
	let count = 0;
	for (let i = 0; i < rows.length; i++) if (keep(rows[i]!)) kept[count++] = rows[i]!;
	return count === rows.length ? kept : kept.slice(0, count);
}

export interface Library {
	/**
	 * Arrival order. A removed article (library-changes.ts) stays here, out of `order` and of every count,
	 * so that arrival indices never change.
	 */
	readonly items: readonly ArticleMeta[];
	/** Per item, the sort key: its date in ms, -Infinity when it has none. */
	readonly times: Float64Array;
	/** 1 when read, per item. */
	readonly read: Uint8Array;
	/** Per item: ordinals of every category node it belongs to (each of its paths and their prefixes). */
	readonly memberOf: readonly (readonly number[])[];
	/** Every item not removed, in `sort` order (newest first by default, as `leaf list`), undated last, then by path. */
	readonly order: Rows;
	readonly sort: SortOrder;
	/** Category node ordinal by key (the path joined by U+001F). */
	readonly categoryOrdinals: ReadonlyMap<string, number>;
	/** Category paths by ordinal. */
	readonly categoryPaths: readonly (readonly string[])[];
	/** Articles per category ordinal. */
	readonly categoryTotals: Int32Array;
	/** Unread articles per category ordinal. */
	readonly categoryUnread: Int32Array;
	readonly unreadTotal: number;
	/** The category nodes in display order: depth first, siblings by name. */
	readonly tree: readonly CategoryNode[];
	/** Ids of the starred articles (core/browser/stars.ts); absent: none. Kept by id, so rescans keep them. */
	readonly starred?: ReadonlySet<string>;
}

/** Joins a category path into its key in `categoryOrdinals`. */
export const KEY_SEPARATOR = '\u001f';
const noCategories: readonly number[] = Object.freeze([]);

export const emptyLibrary: Library = {
	items: [],
	times: new Float64Array(0),
	read: new Uint8Array(0),
	memberOf: [],
	order: new Int32Array(0),
	sort: 'newest',
	categoryOrdinals: new Map(),
	categoryPaths: [],
	categoryTotals: new Int32Array(0),
	categoryUnread: new Int32Array(0),
	unreadTotal: 0,
	tree: [],
};

const noTitle = {title: ''};

/**
 * Sort order of items: by the library's `sort` (newest first as `leaf list`, oldest first, or title then newest
 * first), undated (or invalid dates) last, then by path, then by arrival.
 */
export function compareItems(library: Pick<Library, 'items' | 'times' | 'sort'>, a: number, b: number): number {
	const pathA = library.items[a]?.path ?? '';
	const pathB = library.items[b]?.path ?? '';
	if (library.sort === 'newest') {
		const order = compareNewestFirst(library.times[a] ?? 0, pathA, library.times[b] ?? 0, pathB);
		return order !== 0 ? order : a - b;
	}
	if (library.sort === 'title') {
		const byTitle = compareTitles(library.items[a] ?? noTitle, library.items[b] ?? noTitle);
		if (byTitle !== 0) return byTitle;
	}
	const byTime = compareTimes(library.times[a] ?? 0, library.times[b] ?? 0, library.sort);
	if (byTime !== 0) return byTime;
	if (pathA !== pathB) return pathA < pathB ? -1 : 1;
	return a - b;
}

/** Merge two lists already sorted by `compare`. */
export function mergeSorted(base: Rows, added: ArrayLike<number>, compare: (a: number, b: number) => number): Rows {
	const merged = new Int32Array(base.length + added.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < base.length && j < added.length) {
		const left = base[i] as number;
		const right = added[j] as number;
		if (compare(left, right) <= 0) {
			merged[k++] = left;
			i++;
		} else {
			merged[k++] = right;
			j++;
		}
	}
	if (i < base.length) merged.set(base.subarray(i), k);
	else while (j < added.length) merged[k++] = added[j++] as number;
	return merged;
}

/** Position of `item` in `rows` (sorted by `compare`), or where it would go. */
export function searchSorted(rows: ArrayLike<number>, item: number, compare: (a: number, b: number) => number): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (compare(rows[middle] as number, item) < 0) low = middle + 1;
		else high = middle;
	}
	return low;
}

function grow(array: Int32Array, length: number): Int32Array {
	if (array.length >= length) return array.slice();
	const grown = new Int32Array(length);
	grown.set(array);
	return grown;
}

/**
 * The library with `articles` added (their ids must be new). `readIds`: which of them are already read.
 * Returns the new library and the arrival indices of the added articles, sorted like `order`.
 */
export function addArticles(
	library: Library,
	articles: readonly ArticleMeta[],
	readIds: ReadonlySet<string>,
): {library: Library; added: number[]} {
	if (articles.length === 0) return {library, added: []};
	const start = library.items.length;
	const items = library.items.concat(articles);
	const read = new Uint8Array(items.length);
	read.set(library.read);
	const times = new Float64Array(items.length);
	times.set(library.times);
	articles.forEach((meta, offset) => {
		times[start + offset] = sortTime(meta);
	});
	let categoryOrdinals = library.categoryOrdinals;
	let categoryPaths = library.categoryPaths;
	const newCategories: (readonly string[])[] = [];
	const ordinalOf = (key: string, path: readonly string[], depth: number): number => {
		const known = categoryOrdinals.get(key);
		if (known !== undefined) return known;
		if (categoryOrdinals === library.categoryOrdinals) categoryOrdinals = new Map(categoryOrdinals);
		const ordinal = categoryPaths.length + newCategories.length;
		(categoryOrdinals as Map<string, number>).set(key, ordinal);
		newCategories.push(path.slice(0, depth));
		return ordinal;
	};
	const memberships: (readonly number[])[] = [];
	for (const meta of articles) {
		const ordinals: number[] = [];
		for (const path of meta.categories) {
			let key = '';
			for (let depth = 1; depth <= path.length; depth++) {
				key = depth === 1 ? (path[0] ?? '') : key + KEY_SEPARATOR + path[depth - 1];
				const ordinal = ordinalOf(key, path, depth);
				// Two paths of one article may share a prefix (`[a, b]` and `[a, c]`): count it once.
				if (meta.categories.length === 1 || !ordinals.includes(ordinal)) ordinals.push(ordinal);
			}
		}
		memberships.push(ordinals.length === 0 ? noCategories : ordinals);
	}
	if (newCategories.length > 0) categoryPaths = categoryPaths.concat(newCategories);
	const categoryTotals = grow(library.categoryTotals, categoryPaths.length);
	const categoryUnread = grow(library.categoryUnread, categoryPaths.length);
	let unreadTotal = library.unreadTotal;
	// A category emptied by removed articles (library-changes.ts) is out of the tree until one comes back.
	let revived = false;
	articles.forEach((meta, offset) => {
		const isRead = readIds.has(meta.id);
		read[start + offset] = isRead ? 1 : 0;
		if (!isRead) unreadTotal++;
		for (const ordinal of memberships[offset] as readonly number[]) {
			if (categoryTotals[ordinal] === 0 && ordinal < library.categoryPaths.length) revived = true;
			categoryTotals[ordinal]!++;
			if (!isRead) categoryUnread[ordinal]!++;
		}
	});
	const next: Library = {
		items,
		times,
		read,
		memberOf: library.memberOf.concat(memberships),
		order: library.order,
		sort: library.sort,
		categoryOrdinals,
		categoryPaths,
		categoryTotals,
		categoryUnread,
		unreadTotal,
		tree: newCategories.length > 0 || revived ? buildTree(categoryPaths, categoryTotals) : library.tree,
		...(library.starred ? {starred: library.starred} : {}),
	};
	const compare = (a: number, b: number) => compareItems(next, a, b);
	const added = articles.map((_, offset) => start + offset).sort(compare);
	return {library: {...next, order: mergeSorted(library.order, added, compare)}, added};
}

/** The library in another order (`order` sorted again; arrival indices, marks and counts unchanged). */
export function sortLibrary(library: Library, sort: SortOrder): Library {
	if (sort === library.sort) return library;
	const next = {...library, sort};
	if (sort !== 'title') return {...next, order: library.order.slice().sort((a, b) => compareItems(next, a, b))};
	// Each title's key looked up once, not twice per comparison.
	const keys: string[] = [];
	for (const item of library.order) keys[item] = titleKeyOf(library.items[item] ?? noTitle);
	const order = library.order.slice().sort((a, b) => {
		const keyA = keys[a] as string;
		const keyB = keys[b] as string;
		return keyA !== keyB ? (keyA < keyB ? -1 : 1) : compareItems(next, a, b);
	});
	return {...next, order};
}

/** The library with `items` set to `value`; `changed` lists the items whose mark really changed. */
export function setRead(
	library: Library,
	items: readonly number[],
	value: boolean,
): {library: Library; changed: number[]} {
	const flag = value ? 1 : 0;
	const changed = items.filter((item) => item < library.items.length && library.read[item] !== flag);
	if (changed.length === 0) return {library, changed};
	const read = library.read.slice();
	const categoryUnread = library.categoryUnread.slice();
	const delta = value ? -1 : 1;
	for (const item of changed) {
		read[item] = flag;
		for (const ordinal of library.memberOf[item] ?? noCategories) categoryUnread[ordinal]! += delta;
	}
	return {
		library: {...library, read, categoryUnread, unreadTotal: library.unreadTotal + delta * changed.length},
		changed,
	};
}

/** The category nodes of `paths` that hold articles (`totals` per ordinal), in display order. */
export function buildTree(paths: readonly (readonly string[])[], totals: Int32Array): CategoryNode[] {
	const children = new Map<string, {ordinal: number; path: readonly string[]}[]>();
	paths.forEach((path, ordinal) => {
		if (totals[ordinal] === 0) return;
		const parent = path.slice(0, -1).join(KEY_SEPARATOR);
		const siblings = children.get(parent) ?? [];
		siblings.push({ordinal, path});
		children.set(parent, siblings);
	});
	const nodes: CategoryNode[] = [];
	const visit = (parentKey: string) => {
		const siblings = children.get(parentKey);
		if (!siblings) return;
		const nameOf = (path: readonly string[]) => path[path.length - 1] ?? '';
		siblings.sort((a, b) => compareNames(nameOf(a.path), nameOf(b.path)));
		for (const {ordinal, path} of siblings) {
			nodes.push({ordinal, name: nameOf(path), path, depth: path.length - 1});
			visit(path.join(KEY_SEPARATOR));
		}
	};
	visit('');
	return nodes;
}
