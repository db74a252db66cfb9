// Finding, the less travelled paths: a kept filter shortened in a new prompt, unread-only rows under a new filter,
// search results arriving while a filter is typed, and ] / [ where there is nothing to jump to.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {findPromptText, findStatus} from '../../../src/core/browser/find-status.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {bodyLines, listedPaths, meta, run, stateWith} from '../../helpers/browser-state.ts';

const library = () =>
	stateWith([
		meta('a.md', {title: 'Rust lifetimes', date: '2022-01-09T00:00:00Z'}),
		meta('b.md', {title: 'Go generics', date: '2022-01-08T00:00:00Z', author: 'Rob'}),
		meta('c.md', {title: '中国的茶', date: '2022-01-07T00:00:00Z'}),
		meta('d.md', {title: 'Trusting trust', date: '2022-01-06T00:00:00Z'}),
		meta('e.md', {title: 'Slow cooking', date: '2022-01-05T00:00:00Z'}),
	]);

const type = (state: BrowserState, ...keys: string[]) =>
	keys.reduce((current, key) => reducer(current, {type: 'promptKey', key}), state);

/** A search for `needle` started (its results still to come). */
const searching = (state: BrowserState, needle: string) => type(run(state, 'search'), ...needle, 'return');

test('a kept filter shortened in a new prompt lists from the whole view again', () => {
	const kept = type(run(library(), 'filter'), 'r', 'u', 's', 't', 'return');
	assert.deepEqual(listedPaths(kept), ['a.md', 'd.md']);
	const shorter = type(run(kept, 'filter'), 'backspace', 'backspace', 'backspace');
	assert.deepEqual(listedPaths(shorter), ['a.md', 'b.md', 'd.md']);
});

test('the first letter of a filter takes the rows afresh: with unread only, one read since goes', () => {
	let state = run(library(), 'toggleUnreadOnly', 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(2)});
	state = run(state, 'back');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'], 'a.md, read, stays for now');
	assert.deepEqual(listedPaths(type(run(state, 'filter'), 'r')), ['b.md', 'd.md']);
});

test('search results arriving while a filter is typed are filtered too, Backspace included', () => {
	let state = searching(library(), 'o');
	const id = state.find.search!.id;
	const found = (items: number[], done: number) =>
		reducer(state, {type: 'searchFound', id, items, done, total: 5, finished: done === 5});
	state = found([0], 1);
	state = type(run(state, 'filter'), 'r');
	assert.deepEqual(listedPaths(state), ['a.md']);
	state = found([1], 2);
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md']);
	state = type(state, 'u');
	assert.deepEqual(listedPaths(state), ['a.md']);
	state = found([3], 5);
	assert.deepEqual(listedPaths(state), ['a.md', 'd.md']);
	state = type(state, 'backspace');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md'], 'r: the results that came meanwhile included');
});

test('] in an article that is not a search result does nothing; in a result without a match it says so', () => {
	let plain = run(library(), 'open');
	plain = reducer(plain, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(30)});
	assert.equal(run(plain, 'nextMatch').reader?.scroll, 0);
	assert.equal(run(plain, 'nextMatch').notice, null);

	// A search that found b.md; a.md opened all the same (the rows as they were before the search).
	let state = searching(library(), 'tea');
	const id = state.find.search!.id;
	state = reducer(state, {type: 'searchFound', id, items: [1], done: 5, total: 5, finished: true});
	state = run({...state, rows: Int32Array.of(0, 1), list: {index: 0, scroll: 0}}, 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(30)});
	assert.equal(state.reader?.scroll, 0);
	assert.equal(state.find.match, null);
	assert.equal(run(state, 'nextMatch').reader?.scroll, 0);
	assert.equal(run(state, 'nextMatch').notice, null);

	// The result itself, whose lines do not hold the needle (it was in the front matter).
	let hit = run(state, 'focusLeft', 'down', 'open');
	assert.equal(hit.reader?.item, 1);
	hit = reducer(hit, {type: 'readerLoaded', item: 1, width: 60, lines: bodyLines(30)});
	assert.equal(run(hit, 'nextMatch').notice, 'No match in this article.');
	assert.equal(run(hit, 'nextMatch').reader?.scroll, 0);
});

test('the status line: nothing without a find, the match only in a result with matches, both finds joined', () => {
	assert.equal(findStatus(library()), null);
	assert.equal(findPromptText(library()), null);
	let state = searching(library(), 'tea');
	const id = state.find.search!.id;
	state = reducer(state, {type: 'searchFound', id, items: [1], done: 5, total: 5, finished: true});
	let other = run({...state, rows: Int32Array.of(0, 1), list: {index: 0, scroll: 0}}, 'open');
	other = reducer(other, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(findStatus(other), 'search "tea": 1 found');
	let hit = run(other, 'focusLeft', 'down', 'open');
	hit = reducer(hit, {type: 'readerLoaded', item: 1, width: 60, lines: bodyLines(3)});
	assert.equal(findStatus(hit), 'search "tea": 1 found', 'no match in its lines: no match count');
	const filtered = type(run(state, 'filter'), 'g', 'return');
	assert.equal(findStatus(filtered), 'search "tea": 1 found · filter "g": 1');
});
