// What the views read from the state: the status line's position and reading figures, whether the reader is on
// screen, the preview, the open article and the one under the cursor.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {
	cursorArticle,
	openArticle,
	previewLines,
	readerOnScreen,
	readingPosition,
	statusInfo,
} from '../../../src/core/browser/selectors.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {bodyLines, meta, run, stateWith} from '../../helpers/browser-state.ts';

const three = () => [
	meta('a.md', {date: '2022-01-03T00:00:00Z'}),
	meta('b.md', {date: '2022-01-02T00:00:00Z'}),
	meta('c.md', {date: '2022-01-01T00:00:00Z'}),
];

/** b.md open with `count` lines, on a terminal of `columns` x 13 (a body of 10 rows). */
function reading(count: number, columns = 120): BrowserState {
	const state = run(stateWith(three(), {columns, rows: 13}), 'down', 'open');
	return reducer(state, {type: 'readerLoaded', item: 1, width: 60, lines: bodyLines(count)});
}

test('the status line position: the cursor row counted from 1, or 0 for an empty list', () => {
	assert.equal(statusInfo(run(stateWith(three()), 'down', 'down')).position, 3);
	assert.equal(statusInfo(stateWith(three())).position, 1);
	assert.equal(statusInfo(stateWith([])).position, 0);
});

test('the reader is on screen beside the list when wide, else only while it has the keys', () => {
	assert.equal(readerOnScreen(stateWith(three())), false);
	assert.equal(readerOnScreen(reading(3)), true);
	assert.equal(readerOnScreen(run(reading(3), 'focusLeft')), true);
	const narrow = reading(3, 80);
	assert.equal(narrow.layout.mode, 'narrow');
	assert.equal(readerOnScreen(narrow), true);
	assert.equal(readerOnScreen(run(narrow, 'focusLeft')), false);
	assert.equal(statusInfo(run(narrow, 'focusLeft')).reading, null);
	assert.deepEqual(statusInfo(narrow).reading, {first: 1, last: 3, total: 3, percent: 100});
});

test('reading position: lines on screen and how far down, 100 for an article that fits', () => {
	assert.deepEqual(readingPosition(reading(10)), {first: 1, last: 10, total: 10, percent: 100});
	assert.deepEqual(readingPosition(reading(0)), {first: 0, last: 0, total: 0, percent: 100});
	assert.deepEqual(readingPosition(reading(30)), {first: 1, last: 10, total: 30, percent: 0});
	assert.deepEqual(readingPosition(run(reading(30), 'pageDown')), {first: 9, last: 18, total: 30, percent: 40});
	assert.equal(readingPosition(run(stateWith(three()), 'open')), null, 'still loading');
});

test('the open article, the one under the cursor, and the preview of the right width only', () => {
	const state = reading(3);
	assert.equal(openArticle(state)?.path, 'b.md');
	assert.equal(openArticle(stateWith(three())), null);
	assert.equal(cursorArticle(run(stateWith(three()), 'down', 'down'))?.path, 'c.md');
	assert.equal(cursorArticle(stateWith([])), null);
	const list = stateWith(three());
	const width = list.layout.readerTextWidth;
	const prepared = {item: 0, width, lines: bodyLines(2), partial: false};
	assert.equal(previewLines(reducer(list, {type: 'previewLoaded', prepared})), prepared);
	const other = {...prepared, width: width + 1};
	assert.equal(previewLines(reducer(list, {type: 'previewLoaded', prepared: other})), null);
});
