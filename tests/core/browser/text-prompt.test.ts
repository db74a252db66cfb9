// The line typed on the status line for `|` (text-prompt.ts), beside act.test.ts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {promptText} from '../../../src/core/browser/text-prompt.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const type = (state: BrowserState, text: string) => reducer(state, {type: 'typed', text});
const pipedPath = (state: BrowserState) => {
	const request = run(type(run(state, 'pipe'), 'cat'), 'confirm').request;
	return request?.kind === 'pipe' ? request.meta.path : null;
};

test('| acts on the article in the reader when the reader has the keys, else on the one under the cursor', () => {
	const split = run(stateWith(sampleArticles()), 'down', 'open', 'focusLeft', 'down');
	assert.equal(pipedPath(split), 'c.md');
	assert.equal(pipedPath(run(split, 'focusRight')), 'b.md');
});

test('| with no article listed asks nothing', () => {
	const empty = stateWith([]);
	assert.equal(run(empty, 'pipe'), empty);
});

test('typing: nothing typed or no prompt open changes nothing; the text stops at 1000 characters', () => {
	const closed = stateWith(sampleArticles());
	assert.equal(type(closed, 'x'), closed);
	const open = run(closed, 'pipe');
	assert.equal(type(open, ''), open);
	const full = type(open, 'x'.repeat(1200));
	assert.deepEqual(full.overlay, {kind: 'input', purpose: 'pipe', text: 'x'.repeat(1000)});
	assert.equal(type(full, 'y'), full);
	assert.equal(run(open, 'deleteBack'), open, 'nothing to delete');
	assert.deepEqual(run(type(open, '茶🍵'), 'deleteBack').overlay, {kind: 'input', purpose: 'pipe', text: '茶'});
});

test('the command runs without the blanks around it, and is shown as typed with a cursor', () => {
	const typed = type(run(stateWith(sampleArticles()), 'pipe'), '  wc -l  ');
	const request = run(typed, 'confirm').request;
	assert.equal(request?.kind === 'pipe' ? request.command : null, 'wc -l');
	assert.equal(promptText({kind: 'input', purpose: 'pipe', text: 'wc'}), 'Pipe to command: wc_');
});

test('Enter in the pipe prompt after the article under the cursor has gone asks for nothing', () => {
	const typed = type(run(stateWith(sampleArticles().slice(0, 1)), 'pipe'), 'cat');
	const gone = reducer(typed, {type: 'articlesChanged', removedIds: ['id:a.md'], articles: []});
	assert.equal(gone.rows.length, 0);
	const confirmed = run(gone, 'confirm');
	assert.equal(confirmed.request, null);
	assert.equal(confirmed.overlay, null);
});
