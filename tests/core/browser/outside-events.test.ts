// Transitions from outside the keyboard: articles arriving while indexing, a resize, an article's lines loaded.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {categoryTree} from '../../../src/core/browser/selectors.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {bodyLines, meta, run, sessionWith, stateWith} from '../../helpers/browser-state.ts';

const categoryUnderCursor = (state: BrowserState) => categoryTree(state.library)[state.categories.index]?.name;

test('while indexing adds categories, the category cursor stays on its category', () => {
	const start = stateWith([meta('l.md', {categories: [['Life']]}), meta('t.md', {categories: [['Tech']]})]);
	const onTech = run(start, 'focusCategories', 'down', 'down');
	assert.equal(categoryUnderCursor(onTech), 'Tech');
	const grown = reducer(onTech, {
		type: 'articlesAdded',
		articles: [meta('a.md', {categories: [['Art']]}), meta('b.md', {categories: [['Biology']]})],
	});
	assert.deepEqual(
		categoryTree(grown.library).map((row) => row.name),
		['All', 'Art', 'Biology', 'Life', 'Tech'],
	);
	assert.equal(categoryUnderCursor(grown), 'Tech');
	assert.deepEqual(grown.categories, {index: 4, scroll: 0});
	const onAll = run(start, 'focusCategories');
	const stillAll = reducer(onAll, {type: 'articlesAdded', articles: [meta('a.md', {categories: [['Art']]})]});
	assert.deepEqual(stillAll.categories, {index: 0, scroll: 0});
});

test('on a short screen the category keeps its row while categories arrive above it', () => {
	const articles = ['Life', 'Tech', 'Zoo'].map((name) => meta(`${name}.md`, {categories: [[name]]}));
	const start = stateWith(articles, {rows: 5});
	assert.equal(start.layout.bodyHeight, 2);
	const onTechAtTop = run(start, 'focusCategories', 'down', 'down', 'down', 'up');
	assert.deepEqual(onTechAtTop.categories, {index: 2, scroll: 2});
	const grown = reducer(onTechAtTop, {
		type: 'articlesAdded',
		articles: [meta('a.md', {categories: [['Art']]}), meta('b.md', {categories: [['Biology']]})],
	});
	assert.equal(categoryUnderCursor(grown), 'Tech');
	assert.deepEqual(grown.categories, {index: 4, scroll: 4});
});

test('articles that add no category leave the category cursor as it was', () => {
	const start = stateWith([meta('l.md', {categories: [['Life']]}), meta('t.md', {categories: [['Tech']]})]);
	const onTech = run(start, 'focusCategories', 'down', 'down');
	const grown = reducer(onTech, {type: 'articlesAdded', articles: [meta('n.md', {categories: [['Life']]})]});
	assert.equal(grown.categories, onTech.categories);
});

test('progress alone updates the count and nothing else; an empty batch without progress changes nothing', () => {
	const start = stateWith([meta('a.md')]);
	const progressed = reducer(start, {type: 'articlesAdded', articles: [], progress: {done: 5, total: 9}});
	assert.deepEqual(progressed.loading, {...start.loading, done: 5, total: 9});
	assert.equal(progressed.library, start.library);
	assert.equal(reducer(start, {type: 'articlesAdded', articles: []}), start);
});

/** `count` articles `00.md`…, dated a day apart, newest first in that order. */
const daily = (count: number, prefix = '') =>
	Array.from({length: count}, (_, index) =>
		meta(`${prefix}${String(index).padStart(2, '0')}.md`, {
			date: new Date(Date.UTC(2022, 5, 30 - index)).toISOString(),
			categories: [[`${prefix}c${String(index).padStart(2, '0')}`]],
		}),
	);

test('articles arriving above the list cursor move it and its scroll with its article', () => {
	const start = stateWith(daily(30), {rows: 13});
	assert.equal(start.layout.bodyHeight, 10);
	const onFive = run(start, ...Array<'down'>(12).fill('down'), ...Array<'up'>(7).fill('up'));
	assert.deepEqual(onFive.list, {index: 5, scroll: 3});
	const grown = reducer(onFive, {
		type: 'articlesAdded',
		articles: [meta('new1.md', {date: '2023-01-01T00:00:00Z'}), meta('new2.md', {date: '2023-01-02T00:00:00Z'})],
	});
	assert.deepEqual(grown.list, {index: 7, scroll: 5});
	assert.equal(grown.library.items[grown.rows[grown.list.index]!]?.path, '05.md');
});

test('categories arriving above the category cursor move it and its scroll with its category', () => {
	const start = stateWith(daily(30), {rows: 13});
	const onTwelve = run(start, 'focusCategories', ...Array<'down'>(15).fill('down'), ...Array<'up'>(3).fill('up'));
	assert.deepEqual(onTwelve.categories, {index: 12, scroll: 6});
	assert.equal(categoryUnderCursor(onTwelve), 'c11');
	const grown = reducer(onTwelve, {type: 'articlesAdded', articles: [meta('x.md', {categories: [['a0']]})]});
	assert.equal(categoryUnderCursor(grown), 'c11');
	assert.deepEqual(grown.categories, {index: 13, scroll: 7});
});

test('a resize keeps the reader scroll within its article, and leaves no reader where none was', () => {
	const start = stateWith([meta('a.md')], {rows: 13});
	assert.equal(reducer(start, {type: 'resized', columns: 120, rows: 20}).reader, null);
	let state = run(start, 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(30)});
	state = run(state, 'bottom');
	assert.equal(state.reader?.scroll, 20);
	const taller = reducer(state, {type: 'resized', columns: 120, rows: 23});
	assert.equal(taller.reader?.scroll, 10);
	assert.equal(taller.reader?.item, 0);
	assert.equal(taller.reader?.lines.length, 30);
});

test('a resize keeps the help scroll within the help', () => {
	const help = run(stateWith([meta('a.md')], {rows: 10}), 'help', 'bottom');
	assert.equal(help.overlay?.kind, 'help');
	const scroll = help.overlay?.kind === 'help' ? help.overlay.scroll : -1;
	assert.ok(scroll > 10, `the help scrolled: ${scroll}`);
	const tall = reducer(help, {type: 'resized', columns: 120, rows: 200});
	assert.deepEqual(tall.overlay, {kind: 'help', scroll: 0});
	const short = reducer(help, {type: 'resized', columns: 120, rows: 9});
	assert.deepEqual(short.overlay, {kind: 'help', scroll});
});

test('lines at a new width: an article at its top stays at its top, one left midway keeps its place', () => {
	let state = run(stateWith([meta('a.md')], {rows: 13}), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 100, lines: bodyLines(5)});
	const narrower = reducer(state, {type: 'readerLoaded', item: 0, width: 30, lines: bodyLines(20)});
	assert.equal(narrower.reader?.scroll, 0);
	const empty = reducer(state, {type: 'readerLoaded', item: 0, width: 100, lines: []});
	const again = reducer(empty, {type: 'readerLoaded', item: 0, width: 30, lines: bodyLines(20)});
	assert.equal(again.reader?.scroll, 0);
});

test('a partly rendered article scrolled to the end of its part keeps its place at a new width', () => {
	let state = run(stateWith([meta('a.md')], {rows: 13}), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(20), partial: true});
	state = run(state, 'bottom');
	assert.equal(state.reader?.scroll, 10);
	const wider = reducer(state, {type: 'readerLoaded', item: 0, width: 90, lines: bodyLines(40), partial: true});
	assert.equal(wider.reader?.scroll, 20, 'half way down, as before');
});

test('lines again for an article marked unread while open leave it unread', () => {
	let state = run(stateWith([meta('a.md')]), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(state.library.read[0], 1);
	state = run(state, 'toggleRead');
	assert.equal(state.library.read[0], 0);
	const again = reducer(state, {type: 'readerLoaded', item: 0, width: 40, lines: bodyLines(4)});
	assert.equal(again.library.read[0], 0);
	assert.equal(again.readChanges, state.readChanges);
});

test('the article reopened by the start keeps its mark when its lines arrive', () => {
	let state = reducer(stateWith([]), {
		type: 'remembered',
		session: sessionWith({cursor: 'id:a.md', open: 'id:a.md', focus: 'reader'}),
		positions: new Map(),
	});
	state = reducer(state, {type: 'articlesAdded', articles: [meta('a.md')]});
	assert.equal(state.reader?.restored, true);
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	assert.equal(state.reader?.status, 'ready');
	assert.equal(state.library.read[0], 0);
});
