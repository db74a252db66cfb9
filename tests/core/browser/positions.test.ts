// Reading positions in the browser state: an article opens where it was left, once its whole text is there; leaving
// it keeps its place; what the caller is told to keep (remember.ts) follows the reader's own scrolls.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Line} from '../../../src/core/render/lines.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {rememberChanges} from '../../../src/core/browser/remember.ts';
import {keepPosition, readerPosition, scrollFraction} from '../../../src/core/browser/positions.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const lines = (count: number): Line[] =>
	Array.from({length: count}, (_, index) => ({text: `line ${index}`, style: 'body'}));

/** 120x40: the reader shows 37 lines (a page is 35). Article b.md (the second row) was left a quarter of the way down. */
function withPositions(positions: Record<string, number>): BrowserState {
	return reducer(stateWith(sampleArticles()), {
		type: 'remembered',
		session: null,
		positions: new Map(Object.entries(positions)),
	});
}

function loaded(
	state: BrowserState,
	count: number,
	partial = false,
	width = state.layout.readerTextWidth,
): BrowserState {
	return reducer(state, {type: 'readerLoaded', item: state.reader?.item ?? -1, width, lines: lines(count), partial});
}

test('an article opens where it was left once its whole text is there, at any width', () => {
	const state = withPositions({'id:b.md': 0.25});
	const opening = run(state, 'down', 'open');
	assert.equal(opening.reader?.scroll, 0);
	assert.equal(loaded(opening, 200).reader?.scroll, 50, 'a quarter of 200 lines');
	assert.equal(loaded(opening, 80, false, 30).reader?.scroll, 20, 'a quarter of 80 lines at another width');
	assert.equal(loaded(opening, 100).reader?.scroll, 25);

	// A long article shows its beginning first: the position applies when the whole arrives.
	const beginning = loaded(opening, 40, true);
	assert.equal(beginning.reader?.scroll, 0);
	assert.equal(loaded(beginning, 400).reader?.scroll, 100);
	// Scrolling the beginning is the reader's own choice: the position no longer applies.
	const moved = run(beginning, 'down', 'down');
	assert.equal(loaded(moved, 400).reader?.scroll, 2);

	// Near the end at a narrower width: as far as the screen allows.
	const end = withPositions({'id:b.md': 0.99});
	assert.equal(loaded(run(end, 'down', 'open'), 200).reader?.scroll, 200 - 37);
	// An article without a position opens at its top.
	assert.equal(loaded(run(state, 'open'), 200).reader?.scroll, 0);
});

test('leaving an article keeps its place for the next opening; back at the top keeps none', () => {
	const state = loaded(run(withPositions({}), 'open'), 200);
	const scrolled = run(state, 'pageDown');
	assert.equal(scrolled.reader?.scroll, 35);
	const closed = run(scrolled, 'back');
	assert.equal(closed.positions.get('id:a.md'), 0.175);
	const again = loaded(run(closed, 'open'), 200);
	assert.equal(again.reader?.scroll, 35);
	// Opening another article straight from the reader (n) keeps it too.
	const next = run(run(again, 'pageDown'), 'nextUnread');
	assert.equal(next.positions.get('id:a.md'), 0.35);
	const top = run(loaded(run(run(next, 'back', 'top'), 'open'), 200), 'top', 'back');
	assert.equal(top.positions.has('id:a.md'), false);
});

test('the caller is told each new place of the open article, and nothing while it loads or waits for its place', () => {
	const state = withPositions({'id:a.md': 0.5});
	const opening = run(state, 'open');
	assert.equal(rememberChanges(state, opening)?.position, undefined);
	const partial = loaded(opening, 40, true);
	assert.equal(rememberChanges(opening, partial)?.position, undefined, 'the beginning only');
	const whole = loaded(partial, 100);
	assert.deepEqual(rememberChanges(partial, whole)?.position, {id: 'id:a.md', fraction: 0.5});
	const down = run(whole, 'down');
	assert.deepEqual(rememberChanges(whole, down)?.position, {id: 'id:a.md', fraction: 0.51});
	const top = run(down, 'top');
	assert.deepEqual(rememberChanges(down, top)?.position, {id: 'id:a.md', fraction: 0});
	assert.equal(rememberChanges(top, run(top, 'up')), null, 'nothing moved, nothing to tell');
});

test('a position is a fraction above zero for any scroll past the top, exact back to the line', () => {
	assert.equal(scrollFraction(0, 100), 0);
	assert.equal(scrollFraction(5, 0), 0);
	assert.equal(scrollFraction(1, 3), 0.333333);
	assert.equal(scrollFraction(1, 10_000_000), 0.000001);
	assert.equal(Math.round(scrollFraction(123_457, 999_999) * 999_999), 123_457);
});

test('a partly rendered article has no position yet; a position already kept keeps the state as it was', () => {
	const partial = run(loaded(run(withPositions({}), 'open'), 100, true), 'pageDown');
	assert.equal(partial.reader?.status, 'partial');
	assert.ok((partial.reader?.scroll ?? 0) > 0);
	assert.equal(readerPosition(partial), null);
	const whole = run(loaded(run(withPositions({}), 'open'), 100), 'pageDown');
	assert.deepEqual(readerPosition(whole), {id: 'id:a.md', fraction: 0.35});
	const kept = keepPosition(whole);
	assert.deepEqual([...kept.positions], [['id:a.md', 0.35]]);
	assert.equal(keepPosition(kept), kept);
});

test('an article opened from search results does not go back to where it was left', () => {
	let state = withPositions({'id:a.md': 0.5});
	state = reducer(run(state, 'search'), {type: 'promptKey', key: 'x'});
	state = reducer(state, {type: 'promptKey', key: 'return'});
	const id = state.find.search?.id ?? -1;
	state = reducer(state, {type: 'searchFound', id, items: [0], done: 6, total: 6, finished: true});
	const opened = run(state, 'open');
	assert.equal(opened.reader?.item, 0);
	assert.equal(opened.reader?.resume, undefined);
	assert.equal(run(withPositions({'id:a.md': 0.5}), 'open').reader?.resume, 0.5);
});
