// The payload of an index file: the articles as columns (one array per field, typed arrays for the
// numbers), with authors, category lists and tag lists stored once in `table`. Columns deserialize
// faster than one array per article (see the README's speed section).
//
// What is read back must be exactly what parseArticleMeta could have produced; anything else
// means the file is not ours, and the whole index is ignored and rebuilt.
import type {ArticleMeta} from '../core/article/article.ts';

/** The articles of a library as last indexed. */
export interface LibraryIndex {
	/** Where each relative path is in `metas` (and, times 3, in `stats`). */
	positions: Map<string, number>;
	metas: ArticleMeta[];
	/** size, mtimeMs, ctimeMs of each article's file. */
	stats: Float64Array;
}

interface Payload {
	table: unknown[];
	paths: string[];
	ids: string[];
	titles: string[];
	/** Milliseconds; NaN for no date. */
	dates: Float64Array;
	/** size, mtimeMs, ctimeMs per article. */
	stats: Float64Array;
	/** Positions in `table` of author, categories and tags, per article. */
	refs: Uint32Array;
	images: (string | null)[];
	links: (string | null)[];
	warnings: (string | null)[];
}

/** The payload of `metas` (stats: 3 per article). An article the reader would refuse is left out. */
export function toPayload(metas: readonly ArticleMeta[], stats: ArrayLike<number>): Payload {
	const table: unknown[] = [];
	const tableRefs = new Map<string, number>();
	const ref = (value: unknown) => {
		const key = JSON.stringify(value);
		let position = tableRefs.get(key);
		if (position === undefined) {
			position = table.push(value) - 1;
			tableRefs.set(key, position);
		}
		return position;
	};
	const kept = metas.flatMap((meta, i) => (isStorable(meta, stats, i) ? [i] : []));
	const payload: Payload = {
		table,
		paths: [],
		ids: [],
		titles: [],
		dates: new Float64Array(kept.length),
		stats: new Float64Array(kept.length * 3),
		refs: new Uint32Array(kept.length * 3),
		images: [],
		links: [],
		warnings: [],
	};
	kept.forEach((from, to) => {
		const meta = metas[from]!;
		payload.paths.push(meta.path);
		payload.ids.push(meta.id);
		payload.titles.push(meta.title);
		payload.dates[to] = meta.date?.getTime() ?? Number.NaN;
		payload.images.push(meta.image);
		payload.links.push(meta.link);
		payload.warnings.push(meta.warning);
		for (let k = 0; k < 3; k++) payload.stats[to * 3 + k] = stats[from * 3 + k]!;
		payload.refs[to * 3] = ref(meta.author);
		payload.refs[to * 3 + 1] = ref(meta.categories);
		payload.refs[to * 3 + 2] = ref(meta.tags);
	});
	return payload;
}

/** The index in a deserialized payload, or null unless every part of it is as toPayload makes it. */
export function fromPayload(value: unknown): LibraryIndex | null {
	if (!isPayloadShape(value)) return null;
	const {table, paths, ids, titles, dates, stats, refs, images, links, warnings} = value;
	const kinds = tableKinds(table);
	const positions = new Map<string, number>();
	const metas = new Array<ArticleMeta>(paths.length);
	for (let i = 0; i < paths.length; i++) {
		const path = paths[i];
		const id = ids[i];
		const title = titles[i];
		const date = dates[i]!;
		const image = images[i];
		const link = links[i];
		const warning = warnings[i];
		const author = refs[i * 3]!;
		const categories = refs[i * 3 + 1]!;
		const tags = refs[i * 3 + 2]!;
		if (
			typeof path !== 'string' ||
			positions.has(path) ||
			typeof id !== 'string' ||
			!ID.test(id) ||
			!isField(title) ||
			!(Number.isNaN(date) || isTime(date)) ||
			!isCount(stats[i * 3]) ||
			!isTime(stats[i * 3 + 1]) ||
			!isTime(stats[i * 3 + 2]) ||
			!hasKind(kinds, author, AUTHOR) ||
			!hasKind(kinds, categories, CATEGORIES) ||
			!hasKind(kinds, tags, TAGS) ||
			!isOptionalField(image) ||
			!isOptionalField(link) ||
			!isOptionalField(warning)
		)
			return null;
		positions.set(path, i);
		// Same keys in the same order as parseArticleMeta's objects.
		metas[i] = {
			id,
			path,
			title,
			date: Number.isNaN(date) ? null : new Date(date),
			author: table[author] as string,
			categories: table[categories] as string[][],
			tags: table[tags] as string[],
			image,
			link,
			warning,
		};
	}
	// Shared between articles: a change through one must not show up in the others.
	for (const entry of table) deepFreeze(entry);
	return {positions, metas, stats};
}

function isPayloadShape(value: unknown): value is Payload {
	if (typeof value !== 'object' || value === null) return false;
	const payload = value as Partial<Payload>;
	const count = Array.isArray(payload.paths) ? payload.paths.length : -1;
	return (
		Array.isArray(payload.table) &&
		[payload.ids, payload.titles, payload.images, payload.links, payload.warnings].every(
			(column) => Array.isArray(column) && column.length === count,
		) &&
		payload.dates instanceof Float64Array &&
		payload.dates.length === count &&
		payload.stats instanceof Float64Array &&
		payload.stats.length === count * 3 &&
		payload.refs instanceof Uint32Array &&
		payload.refs.length === count * 3
	);
}

/** What each table entry can stand for (bit flags). */
const AUTHOR = 1;
const CATEGORIES = 2;
const TAGS = 4;

// What sanitizeLine never leaves in a field: a field holding any of it was not written by us.
const UNSAFE =
	/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ID = /^[0-9a-f]{16}$/;
/** The range of a JavaScript Date. */
const MAX_TIME = 8.64e15;

function tableKinds(table: readonly unknown[]): Uint8Array {
	const kinds = new Uint8Array(table.length);
	table.forEach((entry, i) => {
		if (isField(entry)) kinds[i] = AUTHOR;
		else if (isNames(entry)) kinds[i] = TAGS | (entry.length === 0 ? CATEGORIES : 0);
		else if (isCategories(entry)) kinds[i] = CATEGORIES;
	});
	return kinds;
}

function isStorable(meta: ArticleMeta, stats: ArrayLike<number>, i: number): boolean {
	const date = meta.date?.getTime() ?? Number.NaN;
	return (
		typeof meta.path === 'string' &&
		ID.test(meta.id) &&
		isField(meta.title) &&
		(Number.isNaN(date) || isTime(date)) &&
		isCount(stats[i * 3]) &&
		isTime(stats[i * 3 + 1]) &&
		isTime(stats[i * 3 + 2]) &&
		isField(meta.author) &&
		isCategories(meta.categories) &&
		isNames(meta.tags) &&
		isOptionalField(meta.image) &&
		isOptionalField(meta.link) &&
		isOptionalField(meta.warning)
	);
}

function hasKind(kinds: Uint8Array, position: number, kind: number): boolean {
	return ((kinds[position] ?? 0) & kind) !== 0;
}

function isCount(value: unknown): boolean {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTime(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME;
}

function isField(value: unknown): value is string {
	return typeof value === 'string' && !UNSAFE.test(value);
}

function isOptionalField(value: unknown): value is string | null {
	return value === null || (isField(value) && value !== '');
}

function isNames(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((name) => isField(name) && name !== '');
}

function isCategories(value: unknown): value is string[][] {
	return Array.isArray(value) && value.every((names) => isNames(names) && names.length > 0);
}

function deepFreeze(value: unknown): void {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const item of Object.values(value)) deepFreeze(item);
}
