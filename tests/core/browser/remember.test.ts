// What a transition changed of what is kept across runs (remember.ts): each part of the state a session is made of,
// moved alone, is told; nothing is told while the last session is still being applied.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {initialState, reducer} from '../../../src/core/browser/reducer.ts';
import {rememberChanges} from '../../../src/core/browser/remember.ts';
import {bodyLines, run, sampleArticles, sessionWith, stateWith} from '../../helpers/browser-state.ts';

const loaded = (state: BrowserState, count: number): BrowserState =>
	reducer(state, {
		type: 'readerLoaded',
		item: state.reader?.item ?? -1,
		width: state.layout.readerTextWidth,
		lines: bodyLines(count),
	});

test('the cursor moved: the session is told with it', () => {
	const state = stateWith(sampleArticles());
	assert.deepEqual(rememberChanges(state, run(state, 'down')), {session: sessionWith({cursor: 'id:b.md'})});
});

test('only the focus moved from the reader to the list: the session is told', () => {
	const reading = loaded(run(stateWith(sampleArticles()), 'open'), 10);
	const list = run(reading, 'focusLeft');
	assert.deepEqual(rememberChanges(reading, list), {session: sessionWith({cursor: 'id:a.md', open: 'id:a.md'})});
});

test('the last session let go at the end of loading: the state is told, once applied', () => {
	const start = reducer(initialState({columns: 120, rows: 40}), {
		type: 'remembered',
		session: sessionWith({cursor: 'id:b.md'}),
		positions: new Map(),
	});
	const arrived = reducer(start, {type: 'articlesAdded', articles: sampleArticles(), readIds: new Set()});
	assert.equal(rememberChanges(start, arrived), null, 'still being applied: nothing to tell');
	const finished = reducer(arrived, {type: 'loadingFinished'});
	assert.deepEqual(rememberChanges(arrived, finished), {session: sessionWith({cursor: 'id:b.md'})});
});

test('the reader rendered again where it was: its position is not told again', () => {
	const opened = run(loaded(run(stateWith(sampleArticles()), 'open'), 100), 'down');
	const again = loaded(opened, 100);
	assert.notEqual(again.reader, opened.reader);
	assert.equal(again.reader?.scroll, opened.reader?.scroll);
	assert.equal(rememberChanges(opened, again), null);
});

test('a filter of spaces kept (only the prompt closes), then left: the session is told each time', () => {
	const state = stateWith(sampleArticles());
	const typed = reducer(reducer(run(state, 'filter'), {type: 'promptKey', key: 'space'}), {
		type: 'promptKey',
		key: 'space',
	});
	assert.equal(typed.rows, state.rows, 'spaces narrow nothing');
	assert.equal(rememberChanges(state, typed), null, 'the filter being typed is not kept');
	const kept = reducer(typed, {type: 'promptKey', key: 'return'});
	assert.deepEqual(rememberChanges(typed, kept), {session: sessionWith({cursor: 'id:a.md', query: '  '})});
	const left = run(kept, 'back');
	assert.equal(left.rows, kept.rows);
	assert.deepEqual(rememberChanges(kept, left), {session: sessionWith({cursor: 'id:a.md'})});
});

test('a resize that only scrolls the list tells nothing', () => {
	const state = run(stateWith(sampleArticles(), {rows: 7}), 'bottom');
	assert.deepEqual(state.list, {index: 5, scroll: 2});
	const resized = reducer(state, {type: 'resized', columns: 120, rows: 6});
	assert.deepEqual(resized.list, {index: 5, scroll: 3});
	assert.notEqual(resized.list, state.list);
	assert.equal(rememberChanges(state, resized), null);
});

test('a rescan that finds no article tells nothing: the session from before stays', () => {
	const state = reducer(stateWith(sampleArticles()), {type: 'loadingFinished'});
	const emptied = reducer(state, {type: 'libraryReplaced', articles: []});
	assert.equal(emptied.library.order.length, 0);
	assert.equal(rememberChanges(state, emptied), null);
});
