// The library's incremental bookkeeping: read counts, order and filtered views (its category tree:
// library-categories.test.ts).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	addArticles,
	compareItems,
	emptyLibrary,
	keepRows,
	mergeSorted,
	searchSorted,
	setRead,
	sortLibrary,
} from '../../../src/core/browser/library.ts';
import {buildView, extendView} from '../../../src/core/browser/view.ts';
import {categoryCounts, itemPaths, meta} from '../../helpers/browser-state.ts';

test('setRead changes only marks that differ, and ignores items past the end', () => {
	const {library} = addArticles(
		emptyLibrary,
		[meta('a.md', {categories: [['x']]}), meta('b.md', {categories: [['x']]})],
		new Set(['id:a.md']),
	);
	const unchanged = setRead(library, [0, 7], true);
	assert.equal(unchanged.library, library);
	assert.deepEqual(unchanged.changed, []);
	const unread = setRead(library, [0, 1], false);
	assert.deepEqual(unread.changed, [0]);
	assert.deepEqual(categoryCounts(unread.library), [['x', 2, 2]]);
	assert.equal(unread.library.unreadTotal, 2);
	assert.deepEqual(Array.from(library.read), [1, 0], 'the earlier library is not changed');
	assert.deepEqual(Array.from(library.categoryUnread), [1]);
});

test('order: newest first, undated and invalid dates last, then by path, then by arrival', () => {
	const {library, added} = addArticles(
		emptyLibrary,
		[
			meta('undated.md', {date: null}),
			{...meta('invalid.md'), date: new Date(Number.NaN)},
			meta('b.md', {date: '2022-01-01T00:00:00Z'}),
			meta('old.md', {date: '1999-01-01T00:00:00Z'}),
			meta('a.md', {date: '2022-01-01T00:00:00Z'}),
			meta('new.md', {date: '2023-01-01T00:00:00Z'}),
			meta('a.md', {date: '2022-01-01T00:00:00Z'}),
		],
		new Set(),
	);
	assert.deepEqual(itemPaths(library, library.order), [
		'new.md',
		'a.md',
		'a.md',
		'b.md',
		'old.md',
		'invalid.md',
		'undated.md',
	]);
	assert.deepEqual(Array.from(library.order), [5, 4, 6, 2, 3, 1, 0]);
	assert.deepEqual(added, [5, 4, 6, 2, 3, 1, 0]);
	assert.equal(compareItems(library, 4, 6), -2);
	assert.equal(compareItems(library, 6, 4), 2);
	assert.equal(compareItems(library, 2, 4), 1);
	assert.equal(compareItems(library, 3, 2), 1);
	assert.equal(compareItems(library, 2, 3), -1);
});

test('keepRows keeps the rows that pass, in order, as rows of their own', () => {
	const rows = Int32Array.of(5, 2, 8, 2, 9);
	const odd = keepRows(rows, (item) => item % 2 === 1);
	assert.ok(odd instanceof Int32Array);
	assert.deepEqual(Array.from(odd), [5, 9]);
	assert.deepEqual(Array.from(keepRows(rows, () => false)), []);
	const all = keepRows(rows, () => true);
	assert.deepEqual(Array.from(all), [5, 2, 8, 2, 9]);
	all[0] = 0;
	assert.equal(rows[0], 5, 'never the rows given');
	assert.deepEqual(Array.from(keepRows(new Int32Array(0), () => true)), []);
});

test('mergeSorted and searchSorted', () => {
	const byValue = (a: number, b: number) => a - b;
	assert.deepEqual(
		Array.from(mergeSorted(Int32Array.of(1, 4, 9), [0, 4, 5, 10, 11], byValue)),
		[0, 1, 4, 4, 5, 9, 10, 11],
	);
	assert.deepEqual(Array.from(mergeSorted(Int32Array.of(3, 6), [1], byValue)), [1, 3, 6]);
	assert.deepEqual(Array.from(mergeSorted(new Int32Array(0), [2, 3], byValue)), [2, 3]);
	const rows = Int32Array.of(1, 3, 3, 7);
	assert.deepEqual(
		[0, 1, 2, 3, 4, 7, 8].map((item) => searchSorted(rows, item, byValue)),
		[0, 0, 1, 1, 3, 3, 4],
	);
});

test('views: the unfiltered view is the order itself; filters by category and unread; new items merged in', () => {
	const {library} = addArticles(
		emptyLibrary,
		[
			meta('a.md', {date: '2022-01-03T00:00:00Z', categories: [['x']]}),
			meta('b.md', {date: '2022-01-02T00:00:00Z', categories: [['y']]}),
			meta('c.md', {date: '2022-01-01T00:00:00Z', categories: [['x']]}),
		],
		new Set(['id:c.md']),
	);
	const x = library.categoryOrdinals.get('x')!;
	const all = {category: null, unreadOnly: false};
	assert.equal(buildView(library, all), library.order);
	assert.deepEqual(itemPaths(library, buildView(library, {category: x, unreadOnly: false})), ['a.md', 'c.md']);
	assert.deepEqual(itemPaths(library, buildView(library, {category: x, unreadOnly: true})), ['a.md']);
	assert.deepEqual(itemPaths(library, buildView(library, {category: null, unreadOnly: true})), ['a.md', 'b.md']);

	const xView = buildView(library, {category: x, unreadOnly: false});
	const grown = addArticles(
		library,
		[meta('d.md', {date: '2022-01-02T12:00:00Z', categories: [['x']]}), meta('e.md', {categories: [['y']]})],
		new Set(),
	);
	const extended = extendView(grown.library, {category: x, unreadOnly: false}, xView, grown.added);
	assert.deepEqual(itemPaths(grown.library, extended), ['a.md', 'd.md', 'c.md']);
	assert.equal(extendView(grown.library, all, xView, grown.added), grown.library.order);
	const none = addArticles(grown.library, [meta('f.md', {categories: [['y']]})], new Set());
	assert.equal(extendView(none.library, {category: x, unreadOnly: false}, extended, none.added), extended);
});

test('adding to a library leaves the earlier one as it was, starred set included', () => {
	const first = {
		...addArticles(emptyLibrary, [meta('a.md', {categories: [['x']]})], new Set()).library,
		starred: new Set(['id:a.md']),
	};
	const second = addArticles(first, [meta('b.md', {categories: [['x']]})], new Set()).library;
	assert.deepEqual(Array.from(first.categoryTotals), [1]);
	assert.deepEqual(Array.from(first.categoryUnread), [1]);
	assert.deepEqual(Array.from(second.categoryTotals), [2]);
	assert.deepEqual(Array.from(second.categoryUnread), [2]);
	assert.deepEqual([...(second.starred ?? [])], ['id:a.md']);
});

test('setRead ignores the item just past the end', () => {
	const {library} = addArticles(emptyLibrary, [meta('a.md', {categories: [['x']]})], new Set());
	const result = setRead(library, [1], true);
	assert.equal(result.library, library);
	assert.deepEqual(result.changed, []);
	assert.equal(library.unreadTotal, 1);
});

test('mergeSorted keeps the base first among equals', () => {
	const byTens = (a: number, b: number) => Math.floor(a / 10) - Math.floor(b / 10);
	assert.deepEqual(Array.from(mergeSorted(Int32Array.of(10, 20), [11, 21], byTens)), [10, 11, 20, 21]);
});

test('compareItems in the oldest and title orders: ties broken by date, then path, then arrival', () => {
	const articles = [
		meta('b.md', {title: 'Same', date: '2022-01-01T00:00:00Z'}),
		meta('a.md', {title: 'Same', date: '2022-01-01T00:00:00Z'}),
		meta('c.md', {title: 'Same', date: '2023-01-01T00:00:00Z'}),
		meta('a.md', {title: 'Same', date: '2022-01-01T00:00:00Z'}),
	];
	const base = addArticles(emptyLibrary, articles, new Set()).library;
	const oldest = sortLibrary(base, 'oldest');
	assert.equal(compareItems(oldest, 0, 1), 1, 'same date: a.md before b.md');
	assert.equal(compareItems(oldest, 1, 0), -1);
	assert.equal(compareItems(oldest, 1, 3), -2, 'same date and path: by arrival');
	assert.equal(compareItems(oldest, 3, 1), 2);
	assert.equal(compareItems(oldest, 0, 2), -1, 'oldest first');
	assert.deepEqual(Array.from(oldest.order), [1, 3, 0, 2]);
	const title = sortLibrary(base, 'title');
	assert.equal(compareItems(title, 2, 0), -1, 'same title: newest first');
	assert.equal(compareItems(title, 0, 2), 1);
	assert.equal(compareItems(title, 0, 1), 1);
	assert.deepEqual(Array.from(title.order), [2, 1, 3, 0]);
});

test('sortLibrary: the same order is the same library; another leaves the earlier order alone', () => {
	const {library} = addArticles(
		emptyLibrary,
		[
			meta('x.md', {title: 'Beta', date: '2022-01-01T00:00:00Z'}),
			meta('y.md', {title: 'alpha', date: '2021-01-01T00:00:00Z'}),
			meta('z.md', {title: 'Gamma', date: '2023-01-01T00:00:00Z'}),
		],
		new Set(),
	);
	assert.equal(sortLibrary(library, 'newest'), library);
	assert.deepEqual(Array.from(sortLibrary(library, 'oldest').order), [1, 0, 2]);
	assert.deepEqual(Array.from(sortLibrary(library, 'title').order), [1, 0, 2]);
	assert.equal(sortLibrary(library, 'title').sort, 'title');
	assert.deepEqual(Array.from(library.order), [2, 0, 1]);
	assert.equal(library.sort, 'newest');
});
