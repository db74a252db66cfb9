import {test} from 'node:test';
import assert from 'node:assert/strict';
import {clampHelpScroll} from '../../../src/core/browser/overlay.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

// 120 × 20: the panes are 17 rows high; the help's 41 lines show 16 at a time above the footer, so the help
// scrolls from 0 to 25.
const helpOpen = () => run(stateWith(sampleArticles(), {columns: 120, rows: 20}), 'help');
const scrollAfter = (...commands: Parameters<typeof run>[1][]) => {
	const overlay = run(helpOpen(), ...commands).overlay;
	return overlay?.kind === 'help' ? overlay.scroll : null;
};

test('the help scrolls by a line, by the panes’ height, to the top and the bottom, within its bounds', () => {
	assert.deepEqual(helpOpen().overlay, {kind: 'help', scroll: 0});
	assert.equal(scrollAfter('down'), 1);
	assert.equal(scrollAfter('down', 'down', 'up'), 1);
	assert.equal(scrollAfter('pageDown'), 17);
	assert.equal(scrollAfter('pageDown', 'pageDown'), 25);
	assert.equal(scrollAfter('pageDown', 'pageDown', 'pageUp'), 8);
	assert.equal(scrollAfter('bottom'), 25);
	assert.equal(scrollAfter('bottom', 'down'), 25);
	assert.equal(scrollAfter('bottom', 'top'), 0);
	assert.equal(scrollAfter('pageDown', 'pageUp', 'pageUp'), 0);
});

test('a key that does not move the help leaves the state as it was', () => {
	const open = helpOpen();
	assert.equal(run(open, 'up'), open);
	assert.equal(run(open, 'top'), open);
	assert.equal(run(open, 'star'), open);
	const bottom = run(open, 'bottom');
	assert.equal(run(bottom, 'pageDown'), bottom);
});

test('?, Esc and q close the help', () => {
	for (const command of ['help', 'back', 'quit'] as const) assert.equal(run(helpOpen(), command).overlay, null);
});

test('the help scroll is held between 0 and the last full screen', () => {
	const state = stateWith(sampleArticles(), {columns: 120, rows: 20});
	assert.equal(clampHelpScroll(state, -4), 0);
	assert.equal(clampHelpScroll(state, 7), 7);
	assert.equal(clampHelpScroll(state, 99), 25);
	// A help that fits does not scroll.
	assert.equal(clampHelpScroll(stateWith(sampleArticles(), {columns: 120, rows: 60}), 5), 0);
});
