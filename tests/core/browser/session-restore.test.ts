// Applying the last session as articles arrive by every route (index-first changes, a rescan, stars loaded), and what
// falls back when the library is loaded.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Action, BrowserState, Session} from '../../../src/core/browser/types.ts';
import {initialState, reducer} from '../../../src/core/browser/reducer.ts';
import {statusInfo} from '../../../src/core/browser/selectors.ts';
import {cursorPath, listedPaths, meta, sessionWith} from '../../helpers/browser-state.ts';

function start(kept: Session, rows = 40): BrowserState {
	return reducer(initialState({columns: 120, rows}), {type: 'remembered', session: kept, positions: new Map()});
}

const apply = (state: BrowserState, ...actions: Action[]) => actions.reduce(reducer, state);
const finished: Action = {type: 'loadingFinished'};

/** `count` articles `${prefix}00.md`…, dated a day apart from `day`, newest first in that order. */
const daily = (count: number, prefix: string, day: number, categories: string[][] = []) =>
	Array.from({length: count}, (_, index) =>
		meta(`${prefix}${String(index).padStart(2, '0')}.md`, {
			date: new Date(Date.UTC(2022, 0, day - index)).toISOString(),
			categories,
		}),
	);

test('the session applies to articles that come as changes, as a new library, or once the stars are loaded', () => {
	const kept = sessionWith({category: ['Life'], cursor: 'id:l01.md', open: 'id:l01.md', focus: 'reader'});
	const life = daily(3, 'l', 20, [['Life']]);
	const changed = apply(start(kept), {type: 'articlesChanged', removedIds: [], articles: life});
	assert.equal(statusInfo(changed).categoryPath, 'Life');
	assert.equal(cursorPath(changed), 'l01.md');
	assert.equal(changed.reader?.item, 1);
	assert.deepEqual(changed.reader?.lines, []);
	assert.equal(changed.reader?.status, 'loading');
	const replaced = apply(start(kept), {type: 'libraryReplaced', articles: life});
	assert.equal(statusInfo(replaced).categoryPath, 'Life');
	assert.equal(cursorPath(replaced), 'l01.md');

	const starred = start(sessionWith({starred: true}));
	const arrived = apply(starred, {type: 'articlesAdded', articles: life});
	assert.equal(arrived.filter.starred, undefined, 'no stars yet');
	const stars = apply(arrived, {type: 'starsLoaded', ids: ['id:l02.md']});
	assert.equal(stars.filter.starred, true);
	assert.deepEqual(listedPaths(stars), ['l02.md']);
});

test('the cursor placed by the session keeps its row as newer articles arrive above it', () => {
	const kept = sessionWith({cursor: 'id:o01.md'});
	const first = apply(start(kept, 13), {type: 'articlesAdded', articles: daily(20, 'o', 20)});
	assert.equal(cursorPath(first), 'o01.md');
	assert.deepEqual(first.list, {index: 1, scroll: 0});
	const second = apply(first, {type: 'articlesAdded', articles: daily(5, 'n', 30)});
	assert.equal(cursorPath(second), 'o01.md');
	assert.deepEqual(second.list, {index: 6, scroll: 5});
});

test('the session category applied later: a cursor placed before on an article outside it stays within the rows', () => {
	const kept = sessionWith({category: ['Life'], cursor: 'id:t09.md'});
	const first = apply(start(kept, 13), {type: 'articlesAdded', articles: daily(12, 't', 20, [['Tech']])});
	assert.equal(cursorPath(first), 't09.md');
	assert.equal(first.list.index, 9);
	const second = apply(first, {type: 'articlesAdded', articles: daily(2, 'l', 30, [['Life']])});
	assert.equal(statusInfo(second).categoryPath, 'Life');
	assert.deepEqual(second.list, {index: 1, scroll: 0});
	assert.equal(cursorPath(second), 'l01.md');
});

test('a session view emptied before loading ends falls back to All', () => {
	const life = daily(2, 'l', 20, [['Life']]);
	const others = daily(2, 'o', 10);
	const category = apply(start(sessionWith({category: ['Life']})), {
		type: 'articlesAdded',
		articles: [...life, ...others],
	});
	assert.equal(statusInfo(category).categoryPath, 'Life');
	const emptied = apply(category, {type: 'articlesChanged', removedIds: ['id:l00.md', 'id:l01.md'], articles: []});
	const done = apply(emptied, finished);
	assert.equal(statusInfo(done).categoryPath, 'All');
	assert.deepEqual(listedPaths(done), ['o00.md', 'o01.md']);

	const starred = apply(
		start(sessionWith({starred: true})),
		{type: 'articlesAdded', articles: [...life, ...others]},
		{type: 'starsLoaded', ids: ['id:l00.md']},
	);
	assert.equal(starred.filter.starred, true);
	const unstarred = apply(starred, {type: 'articlesChanged', removedIds: ['id:l00.md'], articles: []}, finished);
	assert.notEqual(unstarred.filter.starred, true);
	assert.deepEqual(listedPaths(unstarred), ['l01.md', 'o00.md', 'o01.md']);
});

test('a session category not there yet lists every article meanwhile', () => {
	const state = apply(start(sessionWith({category: ['No such']})), {
		type: 'articlesAdded',
		articles: daily(2, 'a', 20),
	});
	assert.equal(statusInfo(state).categoryPath, 'All');
	assert.deepEqual(listedPaths(state), ['a00.md', 'a01.md']);
});
