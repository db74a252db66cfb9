import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compareTimes, compareTitles, nextSort, sortLabels, titleKeyOf} from '../../../src/core/browser/sort.ts';

test('S cycles newest first, oldest first, by title, and back', () => {
	assert.equal(nextSort('newest'), 'oldest');
	assert.equal(nextSort('oldest'), 'title');
	assert.equal(nextSort('title'), 'newest');
	assert.deepEqual(sortLabels, {newest: 'newest first', oldest: 'oldest first', title: 'by title'});
});

test('a title key folds case and accents, and prefixes each run of digits with its length', () => {
	assert.equal(titleKeyOf({title: 'Hello World'}), 'hello world');
	assert.equal(titleKeyOf({title: 'Résumé'}), 'resume');
	assert.equal(titleKeyOf({title: 'éclair'}), 'eclair');
	assert.equal(titleKeyOf({title: 'Item 2'}), 'item 12');
	assert.equal(titleKeyOf({title: 'Item 10 of 345'}), 'item 210 of 3345');
	assert.equal(titleKeyOf({title: 'Ünïcode 7'}), 'unicode 17');
	// Full-width digits count as digits once folded.
	assert.equal(titleKeyOf({title: '第１２章'}), '第212章');
	assert.equal(titleKeyOf({title: 'Go'}), 'go');
	// A run longer than 255 digits is prefixed as one of 255.
	const long = '7'.repeat(300);
	assert.equal(titleKeyOf({title: long}), '\u012f' + long);
});

test('the key is made once per article', () => {
	const meta = {title: 'First'};
	assert.equal(titleKeyOf(meta), 'first');
	meta.title = 'Second';
	assert.equal(titleKeyOf(meta), 'first');
});

test('titles sort by their keys: 2 before 10, case and accents aside, exact ties broken by code point', () => {
	assert.equal(compareTitles({title: 'Item 2'}, {title: 'Item 10'}), -1);
	assert.equal(compareTitles({title: 'Item 10'}, {title: 'Item 2'}), 1);
	assert.equal(compareTitles({title: 'apple'}, {title: 'Banana'}), -1);
	assert.equal(compareTitles({title: 'Banana'}, {title: 'apple'}), 1);
	assert.equal(compareTitles({title: 'élan'}, {title: 'epoch'}), -1);
	assert.equal(compareTitles({title: 'ABC'}, {title: 'abc'}), -1);
	assert.equal(compareTitles({title: 'abc'}, {title: 'ABC'}), 1);
	assert.equal(compareTitles({title: 'Same'}, {title: 'Same'}), 0);
});

test('dates: undated last in either order, then newest or oldest first', () => {
	const undated = Number.NEGATIVE_INFINITY;
	assert.equal(compareTimes(5, 5, 'newest'), 0);
	assert.equal(compareTimes(undated, undated, 'oldest'), 0);
	assert.equal(compareTimes(undated, 5, 'newest'), 1);
	assert.equal(compareTimes(undated, 5, 'oldest'), 1);
	assert.equal(compareTimes(5, undated, 'newest'), -1);
	assert.equal(compareTimes(5, undated, 'oldest'), -1);
	assert.equal(compareTimes(1, 2, 'newest'), 1);
	assert.equal(compareTimes(2, 1, 'newest'), -1);
	assert.equal(compareTimes(1, 2, 'oldest'), -1);
	assert.equal(compareTimes(2, 1, 'oldest'), 1);
	assert.equal(compareTimes(-3, -7, 'title'), -1);
});
