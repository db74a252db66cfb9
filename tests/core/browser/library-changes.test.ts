import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {categoryTree, statusInfo} from '../../../src/core/browser/selectors.ts';
import {cursorPath, listedPaths, meta, run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const change = (state: BrowserState, removedIds: string[], articles = [] as ReturnType<typeof meta>[]) =>
	reducer(state, {type: 'articlesChanged', removedIds, articles, readIds: new Set<string>()});
const tree = (state: BrowserState) => categoryTree(state.library).map((row) => [row.name, row.total, row.unread]);

test('a deleted article leaves the list and every count; the cursor moves to the article after it', () => {
	let state = run(stateWith(sampleArticles(), {readIds: ['id:a.md']}), 'down', 'down');
	assert.equal(cursorPath(state), 'c.md');
	state = change(state, ['id:c.md']);
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md', 'e.md', 'f.md']);
	assert.equal(cursorPath(state), 'd.md');
	assert.deepEqual([statusInfo(state).total, statusInfo(state).count, statusInfo(state).unread], [5, 5, 4]);
	assert.deepEqual(tree(state), [
		['All', 5, 4],
		['Life', 1, 1],
		['Tech', 4, 3],
		['Go', 2, 1],
		['Rust', 1, 1],
	]);
});

test('a changed article is replaced in place or moved by its new date, and the cursor follows it', () => {
	let state = run(stateWith(sampleArticles()), 'down', 'down', 'down');
	assert.equal(cursorPath(state), 'd.md');
	const newer = meta('d.md', {title: 'D again', date: '2022-01-10T00:00:00Z', categories: [['Tech']]});
	state = change(state, ['id:d.md'], [newer]);
	assert.deepEqual(listedPaths(state), ['d.md', 'a.md', 'b.md', 'c.md', 'e.md', 'f.md']);
	assert.equal(cursorPath(state), 'd.md');
	assert.equal(state.list.index, 0);
	assert.equal(state.library.items[state.rows[0]!]!.title, 'D again');
	assert.equal(statusInfo(state).total, 6);
});

test('a new article above the cursor keeps the cursor on its article, at the top the cursor stays at the top', () => {
	const newest = meta('n.md', {date: '2023-01-01T00:00:00Z'});
	const moved = change(run(stateWith(sampleArticles()), 'down'), [], [newest]);
	assert.equal(cursorPath(moved), 'b.md');
	assert.equal(listedPaths(moved)[0], 'n.md');
	assert.equal(cursorPath(change(stateWith(sampleArticles()), [], [newest])), 'n.md');
});

test('a category whose last article is deleted leaves the tree, and comes back with a new one', () => {
	let state = stateWith(sampleArticles());
	state = change(state, ['id:b.md']);
	assert.deepEqual(
		tree(state).map(([name]) => name),
		['All', 'Life', 'Tech', 'Go'],
	);
	state = change(state, [], [meta('r.md', {categories: [['Tech', 'Rust']]})]);
	assert.deepEqual(
		tree(state).map(([name]) => name),
		['All', 'Life', 'Tech', 'Go', 'Rust'],
	);
});

test('in a filtered view the removed article leaves the rows, a changed one matching the filter comes back', () => {
	let state = run(stateWith(sampleArticles()), 'focusCategories', 'down', 'open');
	assert.deepEqual(listedPaths(state), ['c.md', 'e.md']);
	state = change(state, ['id:c.md', 'id:e.md'], [meta('e.md', {date: '2022-01-05T00:00:00Z', categories: [['Life']]})]);
	assert.deepEqual(listedPaths(state), ['e.md']);
	assert.equal(cursorPath(state), 'e.md');
});

test('the open article changed: the reader follows its new arrival index', () => {
	let state = run(stateWith(sampleArticles()), 'down', 'open');
	const opened = state.reader!.item;
	state = change(state, ['id:b.md'], [meta('b.md', {title: 'B2', date: '2022-01-08T00:00:00Z'})]);
	assert.notEqual(state.reader!.item, opened);
	assert.equal(state.library.items[state.reader!.item]!.title, 'B2');
});

test('a read article deleted takes nothing from the unread counts; the library before is left as it was', () => {
	const before = stateWith(sampleArticles(), {readIds: ['id:c.md', 'id:e.md']});
	const beforeTree = tree(before);
	const state = change(before, ['id:c.md', 'id:a.md']);
	assert.deepEqual(tree(state), [
		['All', 4, 3],
		['Life', 1, 0],
		['Tech', 3, 2],
		['Go', 1, 0],
		['Rust', 1, 1],
	]);
	assert.deepEqual(tree(before), beforeTree);
	assert.deepEqual(beforeTree, [
		['All', 6, 4],
		['Life', 2, 0],
		['Tech', 4, 3],
		['Go', 2, 1],
		['Rust', 1, 1],
	]);
});

test('at the top the cursor stays on the first row when a newer article arrives above', () => {
	const state = change(stateWith(sampleArticles()), [], [meta('new.md', {date: '2023-01-01T00:00:00Z'})]);
	assert.equal(cursorPath(state), 'new.md');
	assert.deepEqual(state.list, {index: 0, scroll: 0});
});

test('below the top the cursor keeps its article and its place on the screen', () => {
	const many = Array.from({length: 100}, (_, index) =>
		meta(`n${String(index).padStart(2, '0')}.md`, {date: new Date(Date.UTC(2022, 0, 100 - index)).toISOString()}),
	);
	const scrolled = {...stateWith(many), list: {index: 40, scroll: 30}};
	const state = change(scrolled, [], [meta('new.md', {date: '2023-01-01T00:00:00Z'})]);
	assert.equal(cursorPath(state), 'n40.md');
	assert.deepEqual(state.list, {index: 41, scroll: 31});
});

test('the category cursor stays on its category when one is added before it or one is emptied', () => {
	const onTech = run(stateWith(sampleArticles()), 'focusCategories', 'down', 'down');
	assert.equal(onTech.categories.index, 2, 'All, Life, Tech');
	const art = change(onTech, [], [meta('art.md', {categories: [['Art']]})]);
	assert.equal(art.categories.index, 3, 'All, Art, Life, Tech');
	const lifeGone = change(onTech, ['id:c.md', 'id:e.md']);
	assert.equal(lifeGone.categories.index, 1, 'All, Tech');
});

test('the open article deleted while the list has the keys: the reader closes and the focus stays', () => {
	const opened = run(stateWith(sampleArticles()), 'down', 'open', 'focusLeft');
	assert.equal(opened.focus, 'list');
	const state = change(opened, ['id:b.md']);
	assert.equal(state.reader, null);
	assert.equal(state.focus, 'list');
});

test('nothing known removed and nothing added: the same state, the progress alone when it comes', () => {
	const state = stateWith(sampleArticles());
	assert.equal(change(state, ['id:unknown.md']), state);
	const progressed = reducer(state, {
		type: 'articlesChanged',
		removedIds: ['id:unknown.md'],
		articles: [],
		progress: {done: 7, total: 9},
	});
	assert.deepEqual(progressed.loading, {done: 7, total: 9, finished: false});
	assert.equal(progressed.library, state.library);
});

test('a removal leaves the earlier counts alone, and the tree object when no category empties', () => {
	const before = stateWith(sampleArticles());
	const totals = Array.from(before.library.categoryTotals);
	const unread = Array.from(before.library.categoryUnread);
	const state = change(before, ['id:a.md']);
	assert.deepEqual(Array.from(before.library.categoryTotals), totals);
	assert.deepEqual(Array.from(before.library.categoryUnread), unread);
	assert.equal(state.library.tree, before.library.tree);
});

test('the only article of a category removed: the category leaves the tree', () => {
	const state = stateWith([meta('solo.md', {categories: [['Solo']]}), meta('other.md', {categories: [['Other']]})]);
	assert.deepEqual(
		tree(change(state, ['id:solo.md'])).map(([name]) => name),
		['All', 'Other'],
	);
});

test('with no article open, a change opens none', () => {
	const state = change(stateWith(sampleArticles()), ['id:b.md'], [meta('b.md', {title: 'B2'})]);
	assert.equal(state.reader, null);
});

test('the open article deleted from the category pane: the focus stays there, the links list closes', () => {
	const opened = run(stateWith(sampleArticles()), 'down', 'open', 'focusCategories');
	const gone = change(opened, ['id:b.md']);
	assert.equal(gone.reader, null);
	assert.equal(gone.focus, 'categories');
	const withLinks = {
		...run(stateWith(sampleArticles()), 'down', 'open'),
		overlay: {kind: 'links' as const, cursor: {index: 0, scroll: 0}},
	};
	assert.equal(change(withLinks, ['id:b.md']).overlay, null);
	const withHelp = run(stateWith(sampleArticles()), 'down', 'open', 'help');
	assert.deepEqual(change(withHelp, ['id:b.md']).overlay, {kind: 'help', scroll: 0});
});

test('the category cursor on the last category stays there through a change', () => {
	const onRust = run(stateWith(sampleArticles()), 'focusCategories', 'bottom');
	assert.equal(onRust.categories.index, 4, 'All, Life, Tech, Go, Rust');
	const changed = change(onRust, ['id:c.md'], [meta('c.md', {title: 'C2', categories: [['Life']]})]);
	assert.equal(changed.categories.index, 4);
});

test('on a short screen the category cursor keeps its row when a category comes before it', () => {
	const articles = Array.from({length: 30}, (_, index) =>
		meta(`${index}.md`, {categories: [[`c${String(index).padStart(2, '0')}`]]}),
	);
	const start = stateWith(articles, {rows: 13});
	const onTwelve = run(start, 'focusCategories', ...Array<'down'>(15).fill('down'), ...Array<'up'>(3).fill('up'));
	assert.deepEqual(onTwelve.categories, {index: 12, scroll: 6});
	const grown = change(onTwelve, [], [meta('x.md', {categories: [['a0']]})]);
	assert.deepEqual(grown.categories, {index: 13, scroll: 7});
});
