// The reducer's smaller transitions: repaint, loading finished, a failed read, edit and rescan, previews, keys that
// move nothing, the cursor kept by a filter, and a kept find narrowing articles that arrive.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer} from '../../../src/core/browser/reducer.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {bodyLines, cursorPath, listedPaths, meta, run, stateWith} from '../../helpers/browser-state.ts';

/** `count` articles `00.md`…, dated a day apart, newest first in that order. */
const daily = (count: number) =>
	Array.from({length: count}, (_, index) =>
		meta(`${String(index).padStart(2, '0')}.md`, {date: new Date(Date.UTC(2022, 5, 30 - index)).toISOString()}),
	);

test('repaint: one empty frame is asked for, then the whole frame again', () => {
	const state = initialState({columns: 120, rows: 40});
	assert.equal(state.repainting, false);
	const wiped = reducer(state, {type: 'repaint'});
	assert.equal(wiped.repainting, true);
	assert.equal(reducer(wiped, {type: 'repaint'}), wiped);
	const drawn = reducer(wiped, {type: 'repainted'});
	assert.equal(drawn.repainting, false);
	assert.equal(reducer(drawn, {type: 'repainted'}), drawn);
});

test('loading finished counts every article as done', () => {
	let state = reducer(initialState({columns: 120, rows: 40}), {
		type: 'articlesAdded',
		articles: [meta('a.md')],
		progress: {done: 3, total: 5},
	});
	state = reducer(state, {type: 'loadingFinished'});
	assert.deepEqual(state.loading, {done: 5, total: 5, finished: true});
	assert.equal(reducer(state, {type: 'loadingFinished'}), state);
});

test('changed articles arrive read or unread as the store says', () => {
	const state = stateWith([meta('a.md')]);
	const changed = reducer(state, {
		type: 'articlesChanged',
		removedIds: [],
		articles: [meta('b.md'), meta('c.md')],
		readIds: new Set(['id:b.md']),
	});
	assert.deepEqual(Array.from(changed.library.read), [0, 1, 0]);
	const unmarked = reducer(state, {type: 'articlesChanged', removedIds: [], articles: [meta('d.md')]});
	assert.deepEqual(Array.from(unmarked.library.read), [0, 0]);
});

test('a failed read shows in the reader of its article only', () => {
	const none = stateWith([meta('a.md'), meta('b.md')]);
	assert.equal(reducer(none, {type: 'readerFailed', item: 0, message: 'gone'}), none);
	let state = run(none, 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(reducer(state, {type: 'readerFailed', item: 1, message: 'gone'}), state);
	const failed = reducer(state, {type: 'readerFailed', item: 0, message: 'gone'});
	assert.deepEqual(failed.reader, {...state.reader, status: 'failed', lines: [], scroll: 0, message: 'gone'});
});

test('e with no article under the cursor asks for nothing', () => {
	const state = stateWith([meta('a.md'), meta('b.md')], {readIds: ['id:a.md', 'id:b.md']});
	const empty = run(state, 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(empty), []);
	assert.equal(run(empty, 'edit').request, null);
	assert.deepEqual(run(state, 'edit').request, {kind: 'edit', meta: state.library.items[0]});
});

test('the view widened again from an empty list puts the cursor on its first row', () => {
	const state = stateWith(daily(3), {readIds: ['id:00.md', 'id:01.md', 'id:02.md']});
	const empty = run(state, 'toggleUnreadOnly');
	const all = run(empty, 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(all), ['00.md', '01.md', '02.md']);
	assert.deepEqual(all.list, {index: 0, scroll: 0});
	assert.equal(all.focus, 'list');
});

test('R says it waits for indexing, then asks for the library again', () => {
	const indexing = stateWith([meta('a.md')]);
	assert.equal(run(indexing, 'rescan').notice, 'Still indexing: R works once it is done.');
	assert.equal(run(indexing, 'rescan').request, null);
	const done = run(reducer(indexing, {type: 'loadingFinished'}), 'rescan');
	assert.equal(done.notice, 'Reading the library again…');
	assert.deepEqual(done.request, {kind: 'rescan'});
});

test('prompt keys outside a prompt, and keys that move nothing, leave the state as it was', () => {
	const state = stateWith(daily(3));
	for (const command of ['confirm', 'cancel', 'deleteBack', 'up', 'top'] as const) {
		assert.equal(run(state, command), state, command);
	}
	let open = run(state, 'open');
	open = reducer(open, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(run(open, 'up'), open, 'the reader at its top');
});

test('Enter with the reader focused opens nothing, wherever the list cursor is', () => {
	let state = run(stateWith(daily(3)), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	const moved = {...state, list: {index: 2, scroll: 0}};
	assert.equal(run(moved, 'open').reader?.item, 0);
});

test('h in the category pane keeps its cursor where it was moved', () => {
	const state = run(
		stateWith([meta('l.md', {categories: [['Life']]}), meta('t.md', {categories: [['Tech']]})]),
		'focusCategories',
		'down',
	);
	assert.deepEqual(run(state, 'focusLeft').categories, {index: 1, scroll: 0});
	assert.equal(run(state, 'focusLeft').focus, 'categories');
});

test('a preview already shown is not taken again', () => {
	const state = stateWith([meta('a.md')]);
	const prepared = {item: 0, width: 60, lines: bodyLines(2), partial: false};
	const shown = reducer(state, {type: 'previewLoaded', prepared});
	assert.equal(shown.preview, prepared);
	assert.equal(reducer(shown, {type: 'previewLoaded', prepared}), shown);
});

test('unread only: the cursor keeps its article and its row on screen', () => {
	const start = stateWith(daily(30), {rows: 13, readIds: ['id:00.md', 'id:01.md']});
	const onTwelve = run(start, ...Array<'down'>(12).fill('down'));
	assert.deepEqual(onTwelve.list, {index: 12, scroll: 3});
	const unread = run(onTwelve, 'toggleUnreadOnly');
	assert.equal(cursorPath(unread), '12.md');
	assert.deepEqual(unread.list, {index: 10, scroll: 1});
});

test('unread only: an article read since stays listed when more arrive', () => {
	let state = run(stateWith(daily(3)), 'toggleUnreadOnly', 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	state = run(state, 'back');
	assert.equal(state.library.read[0], 1);
	const grown = reducer(state, {type: 'articlesAdded', articles: [meta('new.md', {date: '2023-01-01T00:00:00Z'})]});
	assert.deepEqual(listedPaths(grown), ['new.md', '00.md', '01.md', '02.md']);
});

/** A full-text search for `needle` that found `paths`. */
function searched(state: BrowserState, needle: string, paths: string[]): BrowserState {
	let next = run(state, 'search');
	for (const key of needle) next = reducer(next, {type: 'promptKey', key});
	next = reducer(next, {type: 'promptKey', key: 'return'});
	const id = next.find.search?.id ?? -1;
	const items = paths.map((path) => next.library.items.findIndex((meta) => meta.path === path));
	return reducer(next, {type: 'searchFound', id, items, done: 3, total: 3, finished: true});
}

test('search results stay narrowed when articles arrive', () => {
	const state = searched(stateWith(daily(3)), 'tea', ['01.md']);
	assert.deepEqual(listedPaths(state), ['01.md']);
	const grown = reducer(state, {type: 'articlesAdded', articles: [meta('new.md', {date: '2023-01-01T00:00:00Z'})]});
	assert.deepEqual(listedPaths(grown), ['01.md']);
});

test('] and [ go to the next and the previous match, round the ends', () => {
	const state = searched(stateWith(daily(3), {rows: 13}), 'tea', ['00.md']);
	const lines = bodyLines(60).map((line, index) => (index % 20 === 5 ? {...line, text: 'a cup of tea'} : line));
	let open = run(state, 'open');
	open = reducer(open, {type: 'readerLoaded', item: 0, width: 60, lines});
	assert.equal(open.reader?.scroll, 4, 'the first match a line below the top');
	assert.equal(run(open, 'nextMatch').reader?.scroll, 24);
	assert.equal(run(open, 'nextMatch', 'nextMatch').reader?.scroll, 44);
	assert.equal(run(open, 'previousMatch').reader?.scroll, 44);
	assert.equal(run(open, 'nextMatch', 'previousMatch').reader?.scroll, 4);
});

test('l with the reader already focused leaves the state as it was', () => {
	let state = run(stateWith(daily(2)), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(state.focus, 'reader');
	assert.equal(run(state, 'focusRight'), state);
});
