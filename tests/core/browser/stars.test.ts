// Stars in the reducer: `s` on the list or in the reader, the `★ Starred` row and its view, stars kept from
// the last session and through a rescan.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {categoryRowCount, categoryRows, statusInfo} from '../../../src/core/browser/selectors.ts';
import {listedPaths, meta, run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

test('s stars the article under the list cursor, and s again unstars it; each is a change for the store', () => {
	const start = stateWith(sampleArticles());
	const starred = run(start, 'down', 'star');
	assert.deepEqual(starred.readChanges, [{id: 'id:b.md', starred: true}]);
	assert.deepEqual([...(starred.library.starred ?? [])], ['id:b.md']);
	assert.equal(starred.library.read[1], 0, 'a star marks nothing read');

	const unstarred = run(starred, 'star');
	assert.deepEqual(unstarred.readChanges, [{id: 'id:b.md', starred: false}]);
	assert.deepEqual([...(unstarred.library.starred ?? [])], []);
});

test('in the reader, s stars the open article even when the list cursor is elsewhere', () => {
	const open = run(stateWith(sampleArticles()), 'down', 'down', 'open');
	const moved = {...open, list: {...open.list, index: 0}};
	const starred = run(moved, 'star');
	assert.equal(starred.focus, 'reader');
	assert.deepEqual(
		starred.readChanges.filter((change) => change.starred !== undefined),
		[{id: 'id:c.md', starred: true}],
	);
});

test('the ★ Starred row heads the category pane while something is starred, with its count', () => {
	const start = stateWith(sampleArticles());
	assert.equal(categoryRows(start)[0]?.name, 'All', 'no row before the first star');
	const before = categoryRowCount(start);

	const two = run(start, 'star', 'down', 'down', 'star');
	const rows = categoryRows(two);
	assert.deepEqual(
		rows.slice(0, 2).map((row) => [row.name, row.total]),
		[
			['★ Starred', 2],
			['All', 6],
		],
	);
	assert.equal(categoryRowCount(two), before + 1);
});

test('choosing ★ Starred lists the starred articles; the view keeps a star removed there until chosen again', () => {
	const two = run(stateWith(sampleArticles()), 'star', 'down', 'down', 'star');
	// `c` puts the cursor on the category shown (All, under ★ Starred); up and Enter choose ★ Starred.
	const view = run(two, 'focusCategories', 'up', 'open');
	assert.deepEqual(listedPaths(view), ['a.md', 'c.md']);
	assert.equal(statusInfo(view).categoryPath, '★ Starred');
	assert.equal(view.focus, 'list');

	const removed = run(view, 'star');
	assert.deepEqual(listedPaths(removed), ['a.md', 'c.md'], 'the list does not jump under the cursor');
	const again = run(removed, 'focusCategories');
	assert.equal(again.categories.index, 0, 'the cursor comes back to ★ Starred, the view shown');
	assert.deepEqual(listedPaths(run(again, 'open')), ['c.md']);

	const all = run(view, 'focusCategories', 'down', 'open');
	assert.equal(listedPaths(all).length, 6);
	assert.equal(statusInfo(all).categoryPath, 'All');
	const tech = run(view, 'focusCategories', 'down', 'down', 'down', 'open');
	assert.equal(statusInfo(tech).categoryPath, 'Tech', 'a category below keeps its place under the new row');
});

test('stars kept from the last session arrive by id, and survive a rescan', () => {
	const start = stateWith(sampleArticles());
	const loaded = reducer(start, {type: 'starsLoaded', ids: ['id:d.md', 'id:gone.md']});
	assert.deepEqual(
		categoryRows(loaded)
			.slice(0, 1)
			.map((row) => [row.name, row.total]),
		[['★ Starred', 1]],
		'a starred article no longer in the library is not counted',
	);
	const rescanned = reducer(loaded, {type: 'libraryReplaced', articles: sampleArticles()});
	assert.equal(rescanned.library.starred?.has('id:d.md'), true);
	assert.equal(categoryRows(rescanned)[0]?.total, 1);
});

test('s says what it did; with nothing listed it does nothing', () => {
	const starred = run(stateWith(sampleArticles()), 'star');
	assert.equal(starred.notice, 'Starred (★ Starred in the categories).');
	assert.equal(run(starred, 'star').notice, 'Star removed.');
	const empty = stateWith([]);
	assert.equal(run(empty, 'star'), empty);
});

test('an empty list of kept stars clears the stars there are, and changes nothing when there are none', () => {
	const none = stateWith(sampleArticles());
	assert.equal(reducer(none, {type: 'starsLoaded', ids: []}).library, none.library);
	const starred = run(none, 'star');
	assert.deepEqual([...(reducer(starred, {type: 'starsLoaded', ids: []}).library.starred ?? [])], []);
});

test('articles arriving while a narrowed view is shown join it only when they belong', () => {
	const unread = run(stateWith(sampleArticles()), 'toggleUnreadOnly');
	const grown = reducer(unread, {
		type: 'articlesAdded',
		articles: [meta('new.md', {date: '2023-01-01T00:00:00Z'}), meta('old.md', {date: '2023-01-02T00:00:00Z'})],
		readIds: new Set(['id:old.md']),
	});
	assert.deepEqual(listedPaths(grown), ['new.md', 'a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']);
	const starred = run(stateWith(sampleArticles()), 'down', 'star', 'focusCategories', 'top', 'open');
	assert.deepEqual(listedPaths(starred), ['b.md']);
	const more = reducer(starred, {type: 'articlesAdded', articles: [meta('new.md', {date: '2023-01-01T00:00:00Z'})]});
	assert.deepEqual(listedPaths(more), ['b.md']);
});

test('the ★ Starred row stays while its view is shown, even with the last star removed', () => {
	const view = run(stateWith(sampleArticles()), 'star', 'focusCategories', 'up', 'open');
	assert.equal(statusInfo(view).categoryPath, '★ Starred');
	const none = run(view, 'star');
	assert.equal(none.library.starred?.size, 0);
	assert.equal(categoryRowCount(none), 6, '★ Starred, All, Life, Tech, Go, Rust');
	assert.equal(categoryRows(none)[0]?.name, '★ Starred');
	assert.equal(categoryRowCount(run(none, 'focusCategories', 'down', 'open')), 5, 'gone once All is chosen');
});
