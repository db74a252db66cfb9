import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Layout} from '../../../src/core/browser/layout.ts';
import {computeLayout} from '../../../src/core/browser/layout.ts';

const tooSmall = (columns: number, rows: number): Layout => ({
	columns,
	rows,
	mode: 'tooSmall',
	sideBySide: false,
	frameHeight: 1,
	bodyHeight: 0,
	categoryWidth: 0,
	listWidth: 0,
	readerWidth: 0,
	readerTextWidth: 0,
	readerMargin: 0,
});

test('below 20 columns or 5 rows the screen is too small, whatever the numbers given', () => {
	assert.deepEqual(computeLayout(19, 40), tooSmall(19, 40));
	assert.deepEqual(computeLayout(120, 4), tooSmall(120, 4));
	assert.deepEqual(computeLayout(Number.NaN, 30), tooSmall(0, 30));
	assert.deepEqual(computeLayout(-5, -2), tooSmall(0, 0));
	assert.deepEqual(computeLayout(19.9, 40), tooSmall(19, 40));
});

test('the smallest screen: one pane of 20 columns, text at the full width and no margin', () => {
	assert.deepEqual(computeLayout(20, 5), {
		columns: 20,
		rows: 5,
		mode: 'narrow',
		sideBySide: false,
		frameHeight: 4,
		bodyHeight: 2,
		categoryWidth: 20,
		listWidth: 20,
		readerWidth: 20,
		readerTextWidth: 20,
		readerMargin: 0,
	});
	// One column more leaves room for the one-column margin.
	const wider = computeLayout(21.8, 5.5);
	assert.equal(wider.columns, 21);
	assert.equal(wider.rows, 5);
	assert.equal(wider.readerTextWidth, 20);
	assert.equal(wider.readerMargin, 1);
});

test('narrow: the text stops at 80 columns and sits in the middle of a wider pane', () => {
	assert.deepEqual(computeLayout(99, 30), {
		columns: 99,
		rows: 30,
		mode: 'narrow',
		sideBySide: false,
		frameHeight: 29,
		bodyHeight: 27,
		categoryWidth: 99,
		listWidth: 99,
		readerWidth: 99,
		readerTextWidth: 80,
		readerMargin: 9,
	});
	const justWider = computeLayout(82, 24);
	assert.equal(justWider.readerTextWidth, 80);
	assert.equal(justWider.readerMargin, 1);
});

test('wide from 100 columns: categories take 16 to 24 columns, list and reader share the rest', () => {
	assert.deepEqual(computeLayout(100, 30), {
		columns: 100,
		rows: 30,
		mode: 'wide',
		sideBySide: true,
		frameHeight: 29,
		bodyHeight: 27,
		categoryWidth: 16,
		listWidth: 41,
		readerWidth: 41,
		readerTextWidth: 40,
		readerMargin: 1,
	});
	const mid = computeLayout(175, 40);
	assert.deepEqual(
		[mid.categoryWidth, mid.listWidth, mid.readerWidth, mid.readerTextWidth, mid.readerMargin],
		[21, 76, 76, 75, 1],
	);
	// 12% of 250 is 30: held at 24. The reader stops at its measure plus the margin; the list takes the rest.
	const huge = computeLayout(250, 50);
	assert.deepEqual(
		[huge.categoryWidth, huge.listWidth, huge.readerWidth, huge.readerTextWidth, huge.readerMargin],
		[24, 143, 81, 80, 1],
	);
});

test('a zoomed pane fills a wide screen, which stays side by side for when it is unzoomed', () => {
	assert.deepEqual(computeLayout(150, 30, true), {
		columns: 150,
		rows: 30,
		mode: 'narrow',
		sideBySide: true,
		frameHeight: 29,
		bodyHeight: 27,
		categoryWidth: 150,
		listWidth: 150,
		readerWidth: 150,
		readerTextWidth: 80,
		readerMargin: 35,
	});
	assert.equal(computeLayout(80, 30, true).sideBySide, false);
});
