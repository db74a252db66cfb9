// A cursor in a scrolling list: kept within the rows and on screen, moved by line or by page.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {clampScroll, fitCursor, moveCursor} from '../../../src/core/browser/cursor.ts';

test('fitCursor keeps the cursor within the rows and on a screen of `height` rows', () => {
	assert.deepEqual(fitCursor({index: 10, scroll: 0}, 5, 10), {index: 4, scroll: 0});
	assert.deepEqual(fitCursor({index: 9, scroll: 0}, 20, 4), {index: 9, scroll: 6});
	assert.deepEqual(fitCursor({index: 2, scroll: 5}, 20, 4), {index: 2, scroll: 2});
	assert.deepEqual(fitCursor({index: 0, scroll: 3}, 0, 4), {index: 0, scroll: 0});
	const fitted = {index: 3, scroll: 1};
	assert.equal(fitCursor(fitted, 20, 4), fitted, 'already on screen: the same cursor');
});

test('moveCursor: a line move scrolls only to keep the cursor on screen, a page move scrolls with it', () => {
	const cursor = {index: 5, scroll: 3};
	assert.deepEqual(moveCursor(cursor, 6, 20, 4), {index: 6, scroll: 3});
	assert.deepEqual(moveCursor(cursor, 7, 20, 4), {index: 7, scroll: 4});
	assert.deepEqual(moveCursor(cursor, 9, 20, 4, true), {index: 9, scroll: 7});
	assert.deepEqual(moveCursor(cursor, 40, 20, 4), {index: 19, scroll: 16});
	assert.deepEqual(moveCursor(cursor, -3, 20, 4), {index: 0, scroll: 0});
	assert.equal(moveCursor(cursor, 5, 20, 4), cursor, 'not moved: the same cursor');
	const last = {index: 19, scroll: 16};
	assert.equal(moveCursor(last, 20, 20, 4), last, 'past the end: not moved');
});

test('clampScroll keeps a page of lines on screen', () => {
	assert.equal(clampScroll(50, 30, 10), 20);
	assert.equal(clampScroll(-4, 30, 10), 0);
	assert.equal(clampScroll(5, 3, 10), 0);
	assert.equal(clampScroll(5, 30, 0), 5);
});

test('moveCursor brings a cursor left off screen back on it, even when its row stays', () => {
	assert.deepEqual(moveCursor({index: 9, scroll: 0}, 9, 20, 4), {index: 9, scroll: 6});
});
