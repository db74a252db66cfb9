import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Command} from '../../../src/core/browser/keymap.ts';
import type {Line} from '../../../src/core/render/lines.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {initialState, reducer} from '../../../src/core/browser/reducer.ts';
import {computeLayout} from '../../../src/core/browser/layout.ts';
import {categoryTree, statusInfo, visibleArticles} from '../../../src/core/browser/selectors.ts';
import {cursorPath, listedPaths, meta, run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const lines = (count: number, prefix = 'line'): Line[] =>
	Array.from({length: count}, (_, index) => ({text: `${prefix} ${index}`, style: 'body'}));

/** The open article's lines arrived (it was read): only now is it marked read. */
function loaded(state: BrowserState): BrowserState {
	const width = state.layout.readerTextWidth;
	return reducer(state, {type: 'readerLoaded', item: state.reader?.item ?? -1, width, lines: lines(3)});
}

/** The state with the article under the cursor opened and its lines loaded. */
function openWithLines(state: BrowserState, count: number, width = state.layout.readerTextWidth): BrowserState {
	const opened = run(state, 'open');
	return reducer(opened, {type: 'readerLoaded', item: opened.reader?.item ?? -1, width, lines: lines(count)});
}

test('articles arriving in any order and in batches are listed newest first, undated last', () => {
	const articles = sampleArticles();
	const shuffled = [articles[4], articles[0], articles[5], articles[2], articles[1], articles[3]].map(
		(article) => article!,
	);
	let state = initialState({columns: 120, rows: 40});
	state = reducer(state, {type: 'articlesAdded', articles: shuffled.slice(0, 2), progress: {done: 2, total: 6}});
	assert.deepEqual(listedPaths(state), ['a.md', 'e.md']);
	assert.deepEqual(state.loading, {done: 2, total: 6, finished: false});
	state = reducer(state, {type: 'articlesAdded', articles: shuffled.slice(2), progress: {done: 6, total: 6}});
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']);
	state = reducer(state, {type: 'loadingFinished'});
	assert.equal(state.loading.finished, true);
	assert.equal(statusInfo(state).total, 6);
});

test('equal dates are ordered by path', () => {
	const state = stateWith([meta('z.md'), meta('m.md'), meta('b.md')]);
	assert.deepEqual(listedPaths(state), ['b.md', 'm.md', 'z.md']);
});

test('the category tree: All first, children under parents, siblings by name, counts include children', () => {
	const state = stateWith(sampleArticles(), {readIds: ['id:a.md']});
	const rows = categoryTree(state.library).map((row) => [row.name, row.depth, row.total, row.unread]);
	assert.deepEqual(rows, [
		['All', 0, 6, 5],
		['Life', 0, 2, 2],
		['Tech', 0, 4, 3],
		['Go', 1, 2, 1],
		['Rust', 1, 1, 1],
	]);
});

test('cursor moves in the list: lines, pages, top and bottom, always on screen', () => {
	const articles = Array.from({length: 50}, (_, index) => meta(`${String(index).padStart(2, '0')}.md`));
	const start = stateWith(articles, {columns: 60, rows: 13});
	const height = start.layout.bodyHeight;
	assert.equal(height, 10);
	const cases: [Command[], number, number][] = [
		[['down'], 1, 0],
		[['up'], 0, 0],
		[['down', 'down', 'up'], 1, 0],
		[Array<Command>(10).fill('down'), 10, 1],
		[['pageDown'], 10, 10],
		[['pageDown', 'down', 'pageUp'], 1, 0],
		[['bottom'], 49, 40],
		[['bottom', 'down'], 49, 40],
		[['bottom', 'top'], 0, 0],
	];
	for (const [commands, index, scroll] of cases) {
		const state = run(start, ...commands);
		assert.deepEqual(state.list, {index, scroll}, commands.join(' '));
		assert.equal(visibleArticles(state).filter((row) => row.selected).length, 1, commands.join(' '));
	}
});

test('moving the cursor rebuilds nothing: the rows and the library stay the same objects', () => {
	const articles = Array.from({length: 1000}, (_, index) => meta(`${index}.md`, {categories: [['c']]}));
	const state = stateWith(articles);
	for (const command of ['down', 'pageDown', 'bottom', 'up'] as Command[]) {
		const next = run(state, command);
		assert.equal(next.rows, state.rows, command);
		assert.equal(next.library, state.library, command);
	}
	assert.equal(visibleArticles(state).length, state.layout.bodyHeight);
});

test('a category applied from the category pane filters the list, cursor on its first article', () => {
	const state = run(stateWith(sampleArticles()), 'down', 'down', 'focusCategories');
	assert.equal(state.focus, 'categories');
	assert.equal(state.categories.index, 0, 'the cursor starts on the category shown (All)');
	// Rows: All, Life, Tech, Go, Rust.
	const cases: [number, string[], string][] = [
		[1, ['c.md', 'e.md'], 'Life'],
		[2, ['a.md', 'b.md', 'd.md', 'e.md'], 'Tech'],
		[3, ['a.md', 'e.md'], 'Tech › Go'],
		[0, ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'], 'All'],
	];
	for (const [row, paths, label] of cases) {
		const applied = run(state, ...Array<Command>(row).fill('down'), 'open');
		assert.deepEqual(listedPaths(applied), paths, label);
		assert.equal(applied.focus, 'list');
		assert.equal(applied.list.index, 0);
		assert.equal(statusInfo(applied).categoryPath, label);
		assert.equal(statusInfo(applied).count, paths.length);
		assert.equal(run(applied, 'focusCategories').categories.index, row, 'c returns to the category shown');
	}
});

test('unread only: read articles leave the list, one read meanwhile stays until the filter is applied again', () => {
	const state = stateWith(sampleArticles(), {readIds: ['id:b.md', 'id:d.md']});
	const unreadOnly = run(state, 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(unreadOnly), ['a.md', 'c.md', 'e.md', 'f.md']);
	assert.equal(statusInfo(unreadOnly).unreadOnly, true);
	const readOne = run(loaded(run(unreadOnly, 'down', 'open')), 'back');
	assert.deepEqual(listedPaths(readOne), ['a.md', 'c.md', 'e.md', 'f.md'], 'the list does not jump under the cursor');
	assert.equal(statusInfo(readOne).unread, 3);
	const reapplied = run(readOne, 'toggleUnreadOnly', 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(reapplied), ['a.md', 'e.md', 'f.md']);
	assert.equal(cursorPath(run(readOne, 'toggleUnreadOnly')), 'c.md', 'the cursor stays on its article');
});

test('n and p open the next and previous unread article, or say there is none', () => {
	const state = stateWith(sampleArticles(), {readIds: ['id:a.md', 'id:b.md', 'id:d.md']});
	const first = loaded(run(state, 'nextUnread'));
	assert.equal(cursorPath(first), 'c.md');
	assert.equal(first.reader?.item, first.rows[first.list.index], 'the article is open');
	assert.equal(first.focus, 'reader');
	const second = loaded(run(first, 'nextUnread'));
	assert.equal(cursorPath(second), 'e.md');
	const back = run(second, 'previousUnread');
	assert.equal(cursorPath(back), 'e.md', 'c was read by opening it: nothing unread above');
	assert.match(back.notice ?? '', /No unread articles above/);
	const last = loaded(run(second, 'nextUnread'));
	assert.equal(cursorPath(last), 'f.md');
	const none = run(last, 'nextUnread');
	assert.equal(cursorPath(none), 'f.md');
	assert.match(none.notice ?? '', /No more unread/);
	assert.equal(run(none, 'down').notice, null, 'a notice goes with the next key');
	const fromBottom = run(state, 'bottom', 'previousUnread');
	assert.equal(
		cursorPath(fromBottom),
		'f.md',
		'an unread article under the cursor, not open yet, is the first candidate',
	);
});

test('m toggles the mark of the article under the cursor, counts follow', () => {
	const state = stateWith(sampleArticles());
	const read = run(state, 'toggleRead');
	assert.deepEqual(read.readChanges, [{id: 'id:a.md', read: true}]);
	assert.equal(statusInfo(read).unread, 5);
	assert.equal(categoryTree(read.library).find((row) => row.name === 'Go')?.unread, 1);
	const unread = run(read, 'toggleRead');
	assert.deepEqual(unread.readChanges, [{id: 'id:a.md', read: false}]);
	assert.equal(statusInfo(unread).unread, 6);
});

test('A asks before marking the view read: y marks, n and Esc do not', () => {
	const tech = run(stateWith(sampleArticles(), {readIds: ['id:a.md']}), 'focusCategories', 'down', 'down', 'open');
	const asking = run(tech, 'markAllRead');
	assert.deepEqual(asking.overlay, {kind: 'confirm', count: 3});
	for (const answer of ['cancel', 'back'] as Command[]) {
		const declined = run(asking, answer);
		assert.equal(declined.overlay, null);
		assert.equal(declined.readChanges, asking.readChanges);
	}
	assert.equal(run(asking, 'down').overlay, asking.overlay, 'other keys wait for an answer');
	const marked = run(asking, 'confirm');
	assert.equal(marked.overlay, null);
	assert.deepEqual(marked.readChanges.map((change) => change.id).sort(), ['id:b.md', 'id:d.md', 'id:e.md']);
	assert.equal(statusInfo(marked).unread, 0);
	assert.equal(marked.library.unreadTotal, 2, 'articles outside the view keep their marks');
	assert.match(run(marked, 'markAllRead').notice ?? '', /read already/);
});

test('layout: too small below 20x5, one pane below 100 columns, three side by side from 100; frames one row short', () => {
	const cases: [number, number, string][] = [
		[19, 40, 'tooSmall'],
		[80, 4, 'tooSmall'],
		[20, 5, 'narrow'],
		[60, 24, 'narrow'],
		[99, 30, 'narrow'],
		[100, 30, 'wide'],
		[300, 80, 'wide'],
	];
	for (const [columns, rows, mode] of cases) {
		const layout = computeLayout(columns, rows);
		assert.equal(layout.mode, mode, `${columns}x${rows}`);
		if (mode === 'tooSmall') continue;
		assert.equal(layout.frameHeight, rows - 1);
		assert.equal(layout.bodyHeight, rows - 3);
		assert.ok(layout.readerTextWidth >= 20 && layout.readerTextWidth <= layout.readerWidth);
		if (mode === 'wide') assert.equal(layout.categoryWidth + layout.listWidth + layout.readerWidth + 2, columns);
		else assert.equal(layout.listWidth, columns);
	}
});

test('a resize keeps the cursor on screen and the reader within its lines', () => {
	const articles = Array.from({length: 100}, (_, index) => meta(`${String(index).padStart(3, '0')}.md`));
	const state = openWithLines(run(stateWith(articles, {rows: 40}), ...Array<Command>(30).fill('down')), 50);
	const scrolled = run(state, 'bottom');
	const shrunk = reducer(scrolled, {type: 'resized', columns: 60, rows: 10});
	assert.equal(shrunk.layout.mode, 'narrow');
	assert.equal(shrunk.list.index, 30);
	assert.ok(shrunk.list.scroll <= 30 && shrunk.list.scroll + shrunk.layout.bodyHeight > 30);
	const grown = reducer(shrunk, {type: 'resized', columns: 120, rows: 60});
	assert.ok((grown.reader?.scroll ?? -1) <= Math.max(0, 50 - grown.layout.bodyHeight));
	assert.equal(reducer(state, {type: 'resized', columns: 10, rows: 3}).layout.mode, 'tooSmall');
});

test('while indexing, the cursor keeps its article as newer ones arrive above it, or stays at the top', () => {
	const older = [meta('old1.md', {date: '2020-01-02T00:00:00Z'}), meta('old2.md', {date: '2020-01-01T00:00:00Z'})];
	const newer = [meta('new.md', {date: '2023-01-01T00:00:00Z'})];
	const moved = run(stateWith(older), 'down');
	assert.equal(cursorPath(reducer(moved, {type: 'articlesAdded', articles: newer})), 'old2.md');
	const atTop = stateWith(older);
	assert.equal(cursorPath(reducer(atTop, {type: 'articlesAdded', articles: newer})), 'new.md');
	const filtered = run(
		stateWith(older.map((article) => ({...article, categories: [['x']]}))),
		'focusCategories',
		'down',
		'open',
		'down',
	);
	const extended = reducer(filtered, {
		type: 'articlesAdded',
		articles: [meta('x-new.md', {categories: [['x']]}), meta('y.md', {categories: [['y']]})],
	});
	assert.deepEqual(
		listedPaths(extended),
		['x-new.md', 'old1.md', 'old2.md'],
		'a filtered view takes only matching newcomers',
	);
	assert.equal(cursorPath(extended), 'old2.md');
	assert.equal(categoryTree(extended.library).length, 3);
});

test('read marks given with the articles count as read', () => {
	const state = stateWith(sampleArticles(), {readIds: ['id:c.md', 'id:e.md']});
	assert.deepEqual(
		visibleArticles(state).map((row) => row.read),
		[false, false, true, false, true, false],
	);
	assert.equal(categoryTree(state.library).find((row) => row.name === 'Life')?.unread, 0);
});

test('a failed read shows its message; notices are shown until the next key', () => {
	const opened = run(stateWith(sampleArticles()), 'open');
	const failed = reducer(opened, {
		type: 'readerFailed',
		item: opened.reader?.item ?? -1,
		message: 'cannot read a.md: EACCES',
	});
	assert.equal(failed.reader?.status, 'failed');
	assert.equal(failed.reader?.message, 'cannot read a.md: EACCES');
	const noticed = reducer(failed, {type: 'noticeShown', text: 'state file kept aside'});
	assert.equal(noticed.notice, 'state file kept aside');
	assert.equal(reducer(noticed, {type: 'articlesAdded', articles: [meta('z.md')]}).notice, 'state file kept aside');
	assert.equal(run(noticed, 'up').notice, null);
});
