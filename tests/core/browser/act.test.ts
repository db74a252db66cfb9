// The pipe prompt, edit, sort and rescan as the reducer sees them: what they ask the outside world to do.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {statusInfo} from '../../../src/core/browser/selectors.ts';
import {compareTitles} from '../../../src/core/browser/sort.ts';
import {cursorPath, listedPaths, meta, run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const type = (state: BrowserState, text: string) => reducer(state, {type: 'typed', text});
const done = (state: BrowserState) => reducer(state, {type: 'loadingFinished'});

test('| asks for a command; typing, Backspace, Enter asks to pipe the current article at the reader width', () => {
	let state = run(stateWith(sampleArticles()), 'down', 'pipe');
	assert.deepEqual(state.overlay, {kind: 'input', purpose: 'pipe', text: ''});
	state = type(state, 'wc -w');
	state = type(state, 'x');
	state = run(state, 'deleteBack');
	assert.deepEqual(state.overlay, {kind: 'input', purpose: 'pipe', text: 'wc -w'});
	// Keys that are commands elsewhere are text here only through `typed`; a command such as `up` does nothing.
	assert.equal(run(state, 'up'), state);
	const piped = run(state, 'confirm');
	assert.equal(piped.overlay, null);
	assert.deepEqual(piped.request, {kind: 'pipe', command: 'wc -w', meta: state.library.items[1], width: 50});
	assert.equal(run(state, 'cancel').overlay, null);
	assert.equal(run(state, 'cancel').request, null);
	// An empty command runs nothing.
	assert.equal(run(run(stateWith(sampleArticles()), 'pipe'), 'confirm').request, null);
});

test('e asks to edit the article in the reader, or the one under the list cursor', () => {
	const list = run(stateWith(sampleArticles()), 'down', 'down', 'edit');
	assert.deepEqual(list.request, {kind: 'edit', meta: list.library.items[2]});
	const reader = run(stateWith(sampleArticles()), 'open', 'edit');
	assert.deepEqual(reader.request, {kind: 'edit', meta: reader.library.items[0]});
	assert.equal(run(stateWith([]), 'edit').request, null);
});

test('S cycles newest first, oldest first, by title; undated stays last; the cursor stays on its article', () => {
	const articles = [
		meta('a.md', {title: 'beta', date: '2022-01-03T00:00:00Z'}),
		meta('b.md', {title: 'Alpha 10', date: '2022-01-01T00:00:00Z'}),
		meta('c.md', {title: 'alpha 2', date: '2022-01-02T00:00:00Z'}),
		meta('d.md', {title: 'Gamma', date: null}),
	];
	let state = run(stateWith(articles), 'down');
	assert.deepEqual(listedPaths(state), ['a.md', 'c.md', 'b.md', 'd.md']);
	assert.equal(cursorPath(state), 'c.md');
	state = run(state, 'sort');
	assert.deepEqual(listedPaths(state), ['b.md', 'c.md', 'a.md', 'd.md']);
	assert.equal(cursorPath(state), 'c.md');
	assert.equal(statusInfo(state).sort, 'oldest');
	assert.equal(state.notice, 'Sorted oldest first.');
	state = run(state, 'sort');
	assert.deepEqual(listedPaths(state), ['c.md', 'b.md', 'a.md', 'd.md']);
	assert.equal(state.notice, 'Sorted by title.');
	assert.equal(cursorPath(state), 'c.md');
	// Articles arriving later go to their place in the order in force.
	state = reducer(state, {type: 'articlesAdded', articles: [meta('e.md', {title: 'Alpha 3'})]});
	assert.deepEqual(listedPaths(state), ['c.md', 'e.md', 'b.md', 'a.md', 'd.md']);
	state = run(state, 'sort');
	assert.equal(statusInfo(state).sort, 'newest');
	assert.deepEqual(listedPaths(state), ['a.md', 'c.md', 'b.md', 'e.md', 'd.md']);
	assert.equal(state.notice, 'Sorted newest first.');
});

test('R asks for a rescan once the library is read; a rescan keeps the view and the open article', () => {
	assert.equal(run(stateWith(sampleArticles()), 'rescan').request, null, 'not while indexing');
	let state = done(run(stateWith(sampleArticles()), 'focusCategories', 'down', 'down', 'open'));
	assert.equal(statusInfo(state).categoryPath, 'Tech');
	state = run(state, 'down', 'open');
	assert.equal(cursorPath(state), 'b.md');
	const reader = reducer(state, {
		type: 'readerLoaded',
		item: state.reader!.item,
		width: 57,
		lines: [{text: 'b', style: 'body'}],
	});
	assert.deepEqual(run(reader, 'rescan').request, {kind: 'rescan'});
	// a.md is deleted, b.md changed its title, g.md is new.
	const articles = sampleArticles().filter((article) => article.path !== 'a.md');
	articles[0] = {...articles[0]!, title: 'b renamed'};
	articles.push(meta('g.md', {date: '2023-01-01T00:00:00Z', categories: [['Tech']]}));
	const after = reducer(reader, {type: 'libraryReplaced', articles, readIds: new Set(['id:c.md'])});
	assert.equal(statusInfo(after).categoryPath, 'Tech');
	assert.deepEqual(listedPaths(after), ['g.md', 'b.md', 'd.md', 'e.md']);
	assert.equal(cursorPath(after), 'b.md');
	assert.equal(after.library.items[after.reader!.item]?.title, 'b renamed');
	// Rendered again (the file may have changed), the lines on screen kept until then.
	assert.equal(after.reader?.status, 'partial');
	assert.equal(after.reader?.lines, reader.reader?.lines);
	assert.equal(statusInfo(after).total, 6);
});

test('a rescan without the open article or the category falls back to the list and All', () => {
	let state = done(run(stateWith(sampleArticles()), 'focusCategories', 'down', 'open', 'open'));
	assert.equal(statusInfo(state).categoryPath, 'Life');
	assert.equal(state.focus, 'reader');
	const articles = sampleArticles().filter((article) => !article.categories.some((path) => path[0] === 'Life'));
	state = reducer(state, {type: 'libraryReplaced', articles});
	assert.equal(statusInfo(state).categoryPath, 'All');
	assert.equal(state.reader, null);
	assert.equal(state.focus, 'list');
	assert.deepEqual(listedPaths(state), ['a.md', 'b.md', 'd.md', 'f.md']);
});

test('titles sort blind to case and accents, numbers by value, Chinese together', () => {
	const titles = ['zebra', 'Écoles', 'item 10', '文章', 'apple', 'Item 9', 'ecole', 'Apple'];
	const sorted = titles.map((title) => ({title})).sort(compareTitles);
	assert.deepEqual(
		sorted.map((meta) => meta.title),
		['Apple', 'apple', 'ecole', 'Écoles', 'Item 9', 'item 10', 'zebra', '文章'],
	);
});
