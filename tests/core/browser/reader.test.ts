// The reader pane's part of the browser state: opening, rendered lines, previews, scrolling.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Command} from '../../../src/core/browser/keymap.ts';
import type {Line} from '../../../src/core/render/lines.ts';
import type {BrowserState, PreparedLines, ReaderState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {categoryTree, readingPosition, statusInfo} from '../../../src/core/browser/selectors.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const lines = (count: number, prefix = 'line'): Line[] =>
	Array.from({length: count}, (_, index) => ({text: `${prefix} ${index}`, style: 'body'}));

/** The state with the article under the cursor opened and its lines loaded. */
function openWithLines(state: BrowserState, count: number, width = state.layout.readerTextWidth): BrowserState {
	const opened = run(state, 'open');
	return reducer(opened, {type: 'readerLoaded', item: opened.reader?.item ?? -1, width, lines: lines(count)});
}

test('opening an article focuses the reader, and marks it read, once, when its lines arrive', () => {
	const state = stateWith(sampleArticles());
	const loading = run(state, 'down', 'open');
	assert.equal(loading.focus, 'reader');
	assert.equal(loading.reader?.status, 'loading');
	assert.deepEqual(loading.readChanges, [], 'not read yet: the read may fail');
	const opened = reducer(loading, {
		type: 'readerLoaded',
		item: loading.reader?.item ?? -1,
		width: loading.layout.readerTextWidth,
		lines: lines(3),
	});
	assert.deepEqual(opened.readChanges, [{id: 'id:b.md', read: true}]);
	assert.equal(statusInfo(opened).unread, 5);
	assert.equal(categoryTree(opened.library).find((row) => row.name === 'Rust')?.unread, 0);
	const again = run(opened, 'focusLeft', 'open');
	assert.equal(again.readChanges, opened.readChanges, 'no new read changes for an article already read');
	assert.equal(again.reader, opened.reader, 'the open article keeps its place');
});

test('rendered lines are taken only for the open article; a new width keeps the reading position', () => {
	const state = openWithLines(stateWith(sampleArticles(), {rows: 23}), 200);
	assert.equal(state.reader?.status, 'ready');
	const stale = reducer(state, {type: 'readerLoaded', item: 99, width: 40, lines: lines(3)});
	assert.equal(stale, state);
	const scrolled = run(state, 'pageDown', 'pageDown', 'pageDown');
	assert.equal(scrolled.reader?.scroll, 54);
	const rewrapped = reducer(scrolled, {
		type: 'readerLoaded',
		item: scrolled.reader?.item ?? -1,
		width: 30,
		lines: lines(400),
	});
	assert.equal(rewrapped.reader?.scroll, 108, 'the same fraction of the article is above the screen');
	assert.equal(rewrapped.reader?.width, 30);
	const atEnd = run(state, 'bottom');
	const rewrappedAtEnd = reducer(atEnd, {
		type: 'readerLoaded',
		item: atEnd.reader?.item ?? -1,
		width: 30,
		lines: lines(400),
	});
	assert.equal(readingPosition(rewrappedAtEnd)?.percent ?? null, 100, 'the end stays the end');
});

test('a long article: its beginning is shown first, then the whole at the same place', () => {
	const opened = run(stateWith(sampleArticles(), {rows: 23}), 'open');
	const item = opened.reader?.item ?? -1;
	const width = opened.layout.readerTextWidth;
	const partial = reducer(opened, {type: 'readerLoaded', item, width, lines: lines(60), partial: true});
	assert.equal(partial.reader?.status, 'partial');
	assert.equal(readingPosition(partial)?.percent ?? null, null, 'no percent until the whole article is there');
	const scrolled = run(partial, 'down', 'down', 'down');
	assert.equal(scrolled.reader?.scroll, 3, 'the beginning can be read and scrolled meanwhile');
	const whole = reducer(scrolled, {type: 'readerLoaded', item, width, lines: lines(900)});
	assert.equal(whole.reader?.status, 'ready');
	assert.equal(whole.reader?.scroll, 3, 'the same lines stay on screen');
	assert.equal(readingPosition(whole)?.percent, 0, 'still on the first screen: 0%');
});

test('lines prepared for an article are shown at once when it is opened, and only when they fit', () => {
	const state = stateWith(sampleArticles(), {rows: 23});
	const width = state.layout.readerTextWidth;
	const itemOf = (path: string) => state.library.items.findIndex((article) => article.path === path);
	const prepared = (path: string, options: Partial<PreparedLines> = {}): PreparedLines => ({
		item: itemOf(path),
		width,
		lines: lines(60, path),
		partial: true,
		...options,
	});
	const cases: [string, Command[], PreparedLines | null, ReaderState['status'], string | null][] = [
		["the cursor's article, its beginning", ['open'], prepared('a.md'), 'partial', 'a.md 0'],
		["the cursor's article, whole", ['open'], prepared('a.md', {partial: false}), 'ready', 'a.md 0'],
		["n opens the cursor's unread article", ['nextUnread'], prepared('a.md'), 'partial', 'a.md 0'],
		["another article's lines", ['down', 'open'], prepared('a.md'), 'loading', null],
		['lines of another width (before a resize)', ['open'], prepared('a.md', {width: width + 1}), 'loading', null],
		['none', ['open'], null, 'loading', null],
	];
	for (const [name, commands, lines, status, first] of cases) {
		const opened = commands.reduce(
			(current, command) => reducer(current, {type: 'command', command, prepared: lines}),
			state,
		);
		assert.equal(opened.reader?.status, status, name);
		assert.equal(opened.reader?.lines[0]?.text ?? null, first, name);
		assert.equal(opened.reader?.scroll, 0, name);
		// Lines shown at once: the article was read. Still loading: it is marked when its lines arrive.
		assert.equal(opened.readChanges.length, status === 'loading' ? 0 : 1, `${name}: marked read when shown`);
	}
	// The whole article then replaces the beginning at the same place.
	const opened = reducer(state, {type: 'command', command: 'open', prepared: prepared('a.md')});
	const scrolled = run(opened, 'down', 'down');
	const whole = reducer(scrolled, {type: 'readerLoaded', item: itemOf('a.md'), width, lines: lines(900, 'a.md')});
	assert.equal(whole.reader?.status, 'ready');
	assert.equal(whole.reader?.scroll, 2);
	// Moving or any other command carries them without effect.
	const moved = reducer(state, {type: 'command', command: 'down', prepared: prepared('a.md')});
	assert.equal(moved.reader, null);
});

test('reader scrolling stays within the article, and the percent follows', () => {
	const state = openWithLines(stateWith(sampleArticles(), {rows: 23}), 100);
	const height = state.layout.bodyHeight;
	const cases: [Command[], number][] = [
		[['down'], 1],
		[['up'], 0],
		[['pageDown'], height - 2],
		[['bottom'], 100 - height],
		[['bottom', 'down'], 100 - height],
		[['bottom', 'top'], 0],
	];
	for (const [commands, scroll] of cases)
		assert.equal(run(state, ...commands).reader?.scroll, scroll, commands.join(' '));
	// The percentage says how much is left below: the first screen of a long article is 0%, its last 100%.
	assert.equal(readingPosition(run(state, 'bottom'))?.percent, 100);
	assert.deepEqual(readingPosition(state), {first: 1, last: height, total: 100, percent: 0});
	assert.deepEqual(readingPosition(run(state, 'pageDown')), {
		first: height - 1,
		last: 2 * height - 2,
		total: 100,
		percent: Math.round((100 * (height - 2)) / (100 - height)),
	});
	const short = openWithLines(stateWith(sampleArticles()), 3);
	assert.equal(run(short, 'down').reader?.scroll, 0);
	assert.deepEqual(
		readingPosition(short),
		{first: 1, last: 3, total: 3, percent: 100},
		'a short article is read whole',
	);
});
