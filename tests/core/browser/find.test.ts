import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {statusInfo} from '../../../src/core/browser/selectors.ts';
import {findPromptText} from '../../../src/core/browser/find-status.ts';
import {cursorPath, listedPaths, meta, run, stateWith} from '../../helpers/browser-state.ts';

const library = () =>
	stateWith([
		meta('a.md', {title: 'Rust lifetimes', date: '2022-01-09T00:00:00Z', categories: [['Tech', 'Rust']]}),
		meta('b.md', {title: 'Go generics', date: '2022-01-08T00:00:00Z', author: 'Rob', categories: [['Tech', 'Go']]}),
		meta('c.md', {title: '中国的茶', date: '2022-01-07T00:00:00Z', categories: [['生活', '茶']]}),
		meta('d.md', {title: 'Trusting trust', date: '2022-01-06T00:00:00Z'}),
		meta('e.md', {title: 'Slow cooking', date: '2022-01-05T00:00:00Z', categories: [['Life']]}),
	]);

const type = (state: BrowserState, ...keys: string[]) =>
	keys.reduce((current, key) => reducer(current, {type: 'promptKey', key}), state);

test('/ filters as you type: case-insensitive, title, author and category path, Chinese by substring', () => {
	let state = run(library(), 'filter');
	state = type(state, 'R', 'U', 's', 't');
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md']);
	state = type(state, 'backspace', 'backspace', 'backspace', 'backspace', 'r', 'o', 'b');
	assert.deepEqual(listedPaths(state), ['b.md'], 'the author');
	state = type(state, 'backspace', 'backspace', 'backspace', 't', 'e', 'c', 'h', '/', 'g');
	assert.deepEqual(listedPaths(state), ['b.md'], 'the category path');
	state = type(state, ...Array(6).fill('backspace'), '国');
	assert.deepEqual(listedPaths(state), ['c.md']);
	assert.equal(findPromptText(state), 'Filter: 国_   1 listed · Enter keeps · Esc cancels');
});

test('Enter keeps the filter (on the status line, with its count); Esc in the list clears it', () => {
	let state = type(run(library(), 'filter'), 't', 'r', 'u', 's', 't', 'return');
	assert.equal(state.find.prompt, null);
	assert.equal(statusInfo(state).find, 'filter "trust": 1');
	state = run(state, 'back');
	assert.equal(state.find.query, '');
	assert.equal(listedPaths(state).length, 5);
});

test('Esc in the prompt cancels: the list and the cursor are as before', () => {
	const before = run(library(), 'down', 'down');
	const state = type(run(before, 'filter'), 'g', 'o', 'escape');
	assert.equal(state.find.prompt, null);
	assert.equal(state.find.query, '');
	assert.deepEqual(listedPaths(state), listedPaths(before));
	assert.equal(cursorPath(state), 'c.md');
});

test('the cursor stays on its article while it is still listed', () => {
	const state = type(run(library(), 'down', 'down', 'down', 'filter'), 't');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md']);
	assert.equal(cursorPath(state), 'd.md');
});

test('the filter composes with the category and with unread only', () => {
	let state = type(run(library(), 'filter'), 't', 'return');
	state = run(state, 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md']);
	state = reducer(state, {
		type: 'articlesAdded',
		articles: [meta('f.md', {title: 'Hidden', date: '2022-02-01T00:00:00Z'})],
	});
	assert.equal(listedPaths(state).includes('f.md'), false, 'new articles are filtered too');
});

test('F: results stream into the list, progress on the status line, Esc stops, a second Esc leaves the results', () => {
	let state = type(run(library(), 'down', 'search'), 'r', 'u', 's', 't');
	assert.equal(findPromptText(state), 'Search the text of every article: rust_   Enter searches · Esc cancels');
	state = type(state, 'return');
	const id = state.find.search!.id;
	assert.deepEqual(listedPaths(state), []);
	state = reducer(state, {type: 'searchFound', id, items: [3], done: 2, total: 5, finished: false});
	assert.deepEqual(listedPaths(state), ['d.md']);
	assert.equal(statusInfo(state).find, 'search "rust": 1 found · 2 / 5');
	state = reducer(state, {type: 'searchFound', id, items: [0], done: 4, total: 5, finished: false});
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md']);
	state = reducer(state, {type: 'searchFound', id: id + 100, items: [4], done: 5, total: 5, finished: true});
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md'], 'another search is ignored');
	state = run(state, 'back');
	assert.equal(statusInfo(state).find, 'search "rust": 2 found (stopped)');
	state = reducer(state, {type: 'searchFound', id, items: [4], done: 5, total: 5, finished: true});
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md'], 'nothing arrives after Esc');
	state = run(state, 'back');
	assert.equal(state.find.search, null);
	assert.equal(listedPaths(state).length, 5);
});

test('a search result opens at its first match; ] and [ go round the matches', () => {
	let state = type(run(library(), 'search'), 'k', 'e', 'y', 'return');
	const id = state.find.search!.id;
	state = reducer(state, {type: 'searchFound', id, items: [0], done: 5, total: 5, finished: true});
	state = run(state, 'open');
	const lines = Array.from({length: 100}, (_, index) => ({
		text: index === 50 || index === 80 ? `the key is here ${index}` : `line ${index}`,
		style: 'body' as const,
	}));
	state = reducer(state, {type: 'readerLoaded', item: 0, width: state.layout.readerTextWidth, lines});
	assert.equal(state.reader?.scroll, 49, 'a line of context above the first match');
	assert.match(statusInfo(state).find ?? '', /match 1\/2$/);
	state = run(state, 'nextMatch');
	assert.equal(state.reader?.scroll, 63, 'the last page');
	assert.match(statusInfo(state).find ?? '', /match 2\/2$/);
	state = run(state, 'nextMatch');
	assert.equal(state.reader?.scroll, 49, 'round to the first');
	state = run(state, 'previousMatch');
	assert.match(statusInfo(state).find ?? '', /match 2\/2$/);
});

test('a search starts from the whole library: a kept title filter goes, so it cannot hide the results', () => {
	let state = type(run(library(), 'filter'), 'g', 'o', 'return');
	assert.deepEqual(listedPaths(state), ['b.md']);
	state = type(run(state, 'search'), 'r', 'u', 's', 't', 'return');
	const id = state.find.search!.id;
	state = reducer(state, {type: 'searchFound', id, items: [0, 3], done: 5, total: 5, finished: true});
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md']);
	assert.equal(statusInfo(state).find, 'search "rust": 2 found');
});

test('Backspace in the filter prompt goes back to the rows of the shorter filter, unless the library changed', () => {
	let state = type(run(library(), 'filter'), 'r');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md']);
	state = type(state, 'u');
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md']);
	assert.deepEqual(listedPaths(type(state, 'backspace')), ['a.md', 'b.md', 'd.md'], 'back to the rows of r');
	// An article arriving while the prompt is open: the rows kept for "r" are stale and made again.
	state = reducer(state, {
		type: 'articlesAdded',
		articles: [meta('f.md', {title: 'Rugged run', date: '2022-01-10T00:00:00Z'})],
		readIds: new Set(),
		progress: {done: 6, total: 6},
	});
	assert.deepEqual(listedPaths(state), ['f.md', 'a.md', 'd.md']);
	state = type(state, 'backspace');
	assert.deepEqual(listedPaths(state), ['f.md', 'a.md', 'b.md', 'd.md'], 'r, with the new article');
	assert.equal(listedPaths(type(state, 'backspace')).length, 6, 'no filter: all six');
});
