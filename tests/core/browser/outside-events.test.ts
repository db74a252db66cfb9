// Transitions from outside the keyboard: articles arriving while indexing, a resize, an article's lines loaded.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {categoryTree} from '../../../src/core/browser/selectors.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {meta, run, stateWith} from '../../helpers/browser-state.ts';

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
