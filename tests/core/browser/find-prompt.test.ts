// The find prompt's keys and search results arriving (find.ts), beside find.test.ts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {cursorPath, listedPaths, meta, run, stateWith} from '../../helpers/browser-state.ts';

const articles = [
	meta('a.md', {title: 'Rust lifetimes', date: '2022-01-09T00:00:00Z'}),
	meta('b.md', {title: 'Go generics', date: '2022-01-08T00:00:00Z'}),
	meta('c.md', {title: 'Tea at home', date: '2022-01-07T00:00:00Z'}),
	meta('d.md', {title: 'Trusting trust', date: '2022-01-06T00:00:00Z'}),
];
const library = (columns = 120) => stateWith(articles, {columns});

const type = (state: BrowserState, ...keys: string[]) =>
	keys.reduce((current, key) => reducer(current, {type: 'promptKey', key}), state);
const promptText = (state: BrowserState) => state.find.prompt?.text;
const found = (state: BrowserState, items: number[], finished = false) =>
	reducer(state, {type: 'searchFound', id: state.find.search!.id, items, done: 1, total: 4, finished});

test('/ again shows the kept filter to edit; F starts empty', () => {
	const kept = type(run(library(), 'filter'), 't', 'r', 'return');
	assert.equal(promptText(run(kept, 'filter')), 'tr');
	assert.equal(promptText(run(kept, 'search')), '');
});

test('the prompt takes the list’s keys on a narrow screen, and leaves the reader its focus on a wide one', () => {
	const narrow = run(library(80), 'open');
	assert.equal(narrow.focus, 'reader');
	assert.equal(run(narrow, 'filter').focus, 'list');
	const wide = run(library(120), 'open');
	assert.equal(wide.focus, 'reader');
	assert.equal(run(wide, 'filter').focus, 'reader');
});

test('Space types a space; a named key that is not text, or a key with no prompt open, changes nothing', () => {
	const open = type(run(library(), 'filter'), 'a', 'space', 'a');
	assert.equal(promptText(open), 'a a');
	assert.deepEqual(listedPaths(open), ['c.md']);
	assert.equal(type(open, 'up'), open);
	assert.equal(type(open, 'pagedown'), open);
	const closed = library();
	assert.equal(type(closed, 'x'), closed);
});

test('text typed for a search does not filter the list', () => {
	const typing = type(run(library(), 'search'), 'z', 'z');
	assert.equal(promptText(typing), 'zz');
	assert.deepEqual(listedPaths(typing), ['a.md', 'b.md', 'c.md', 'd.md']);
});

test('an empty or blank search starts nothing', () => {
	assert.equal(type(run(library(), 'search'), 'return').find.search, null);
	assert.equal(type(run(library(), 'search'), 'space', 'space', 'return').find.search, null);
});

test('a search runs over every article, unread or not, and counts each result once', () => {
	const unreadOnly = run(library(), 'toggleUnreadOnly');
	assert.equal(unreadOnly.filter.unreadOnly, true);
	let state = type(run(unreadOnly, 'search'), 't', 'return');
	assert.equal(state.filter.unreadOnly, false);
	assert.equal(state.find.search?.status, 'running');
	const before = state;
	state = found(state, [1, 3]);
	assert.equal(state.find.search?.found, 2);
	assert.equal(state.find.search?.status, 'running');
	assert.deepEqual(Array.from(before.find.search!.hits), [0, 0, 0, 0], 'earlier results are left as they were');
	state = found(state, [3, 9], true);
	assert.equal(state.find.search?.found, 2, 'one already found, one past the library');
	assert.equal(state.find.search?.status, 'done');
	assert.deepEqual(listedPaths(state), ['b.md', 'd.md']);
});

test('results arriving keep the cursor on the first row until it moved, then on its article', () => {
	let state = type(run(library(), 'search'), 't', 'return');
	state = found(state, [2]);
	assert.deepEqual(state.list, {index: 0, scroll: 0});
	state = found(state, [0]);
	assert.equal(cursorPath(state), 'a.md', 'a newer result lands above: the cursor stays on the first row');
	state = run(state, 'down');
	assert.equal(cursorPath(state), 'c.md');
	state = found(state, [1]);
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'c.md']);
	assert.equal(cursorPath(state), 'c.md');
	assert.equal(state.list.index, 2);
});
