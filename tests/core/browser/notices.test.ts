// Notices by weight and read marks that follow reads (issue 11, findings 5 and 6).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Action, BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {isNoticeStanding} from '../../../src/core/browser/notices.ts';
import {statusInfo} from '../../../src/core/browser/selectors.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const act = (state: BrowserState, ...actions: Action[]): BrowserState => actions.reduce(reducer, state);
const LOSS = 'Cannot open the read state (ENOTDIR); read marks will not be saved.';
const SAVE = 'Read marks NOT saved (ENOSPC); leaf keeps them and tries again.';

test('a data-loss notice is not replaced by a minor one that comes after it (finding 5)', () => {
	const state = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
		{type: 'noticeShown', text: 'skipped b.md: broken link'},
	);
	assert.equal(state.notice, LOSS);
});

test('a data-loss notice stays over keys; Esc in the list dismisses it, then the queued minor notices show', () => {
	const state = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
		{type: 'noticeShown', text: 'skipped b.md: broken link'},
		{type: 'noticeShown', text: '3 files could not be read'},
	);
	const moved = run(state, 'down', 'down', 'toggleRead');
	assert.equal(moved.notice, LOSS, 'keys do not take it away');
	const dismissed = run(moved, 'back');
	assert.equal(dismissed.notice, 'skipped b.md: broken link');
	assert.equal(run(dismissed, 'down').notice, '3 files could not be read');
	assert.equal(run(dismissed, 'down', 'down').notice, null);
});

test('a notice that ends with its condition (a failed write) goes when the write succeeds', () => {
	const failing = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: 'old minor'},
		{type: 'noticeShown', text: SAVE, weight: 'loss', key: 'read-state'},
		{type: 'noticeShown', text: 'skipped b.md: broken link'},
	);
	assert.equal(run(failing, 'down').notice, SAVE);
	const again = act(failing, {type: 'noticeShown', text: SAVE, weight: 'loss', key: 'read-state'});
	assert.equal(again.notices.standing.length, 1, 'the same condition stands once');
	const saved = act(again, {type: 'noticeEnded', key: 'read-state'});
	assert.equal(saved.notice, 'skipped b.md: broken link');
	assert.equal(act(saved, {type: 'noticeEnded', key: 'read-state'}), saved, 'ending it twice changes nothing');
});

test('two standing notices: the newest shows; ending it shows the other', () => {
	const state = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
		{type: 'noticeShown', text: SAVE, weight: 'loss', key: 'read-state'},
	);
	assert.equal(state.notice, SAVE);
	assert.equal(act(state, {type: 'noticeEnded', key: 'read-state'}).notice, LOSS);
});

test('without a standing notice, a minor one shows until the next key and a newer one replaces it', () => {
	const state = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: 'first'},
		{type: 'noticeShown', text: 'second'},
	);
	assert.equal(state.notice, 'second');
	assert.equal(run(state, 'down').notice, null);
});

test('an article that could not be read keeps its mark as it was (finding 6)', () => {
	const state = stateWith(sampleArticles());
	const opened = run(state, 'open');
	assert.equal(opened.reader?.status, 'loading');
	assert.deepEqual(opened.readChanges, [], 'not marked while it is being read');
	const failed = act(opened, {type: 'readerFailed', item: opened.reader!.item, message: 'cannot read a.md: gone'});
	assert.equal(failed.reader?.status, 'failed');
	assert.equal(statusInfo(failed).unread, 6);
	assert.equal(failed.library.read[failed.reader!.item], 0);
	assert.deepEqual(failed.readChanges, []);
});

test('an article is marked read when its lines arrive, once: a re-render after m does not mark it again', () => {
	const opened = run(stateWith(sampleArticles()), 'open');
	const item = opened.reader!.item;
	const width = opened.layout.readerTextWidth;
	const lines = [{text: 'body', style: 'body' as const}];
	const shown = act(opened, {type: 'readerLoaded', item, width, lines, partial: true});
	assert.deepEqual(shown.readChanges, [{id: 'id:a.md', read: true}]);
	const whole = act(shown, {type: 'readerLoaded', item, width, lines});
	assert.equal(whole.readChanges, shown.readChanges, 'the whole after the beginning marks nothing more');
	const unmarked = run(whole, 'back', 'toggleRead');
	assert.deepEqual(unmarked.readChanges, [{id: 'id:a.md', read: false}]);
	const resized = act(unmarked, {type: 'readerLoaded', item, width: width - 10, lines});
	assert.equal(resized.library.read[item], 0, 'a re-render at a new width keeps the mark the user set');
});

test('opening an article that failed reads it again', () => {
	const opened = run(stateWith(sampleArticles()), 'open');
	const failed = act(opened, {type: 'readerFailed', item: opened.reader!.item, message: 'cannot read a.md: gone'});
	const again = run(failed, 'back', 'open');
	assert.equal(again.reader?.status, 'loading');
});

test('standing notices without a key stand once per text; with a key, once per key whatever the text', () => {
	const two = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
		{type: 'noticeShown', text: 'Cannot write the index.', weight: 'loss'},
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
	);
	assert.deepEqual(
		two.notices.standing.map((notice) => notice.text),
		['Cannot write the index.', LOSS],
	);
	const keyed = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: SAVE, weight: 'loss', key: 'read-state'},
		{type: 'noticeShown', text: 'Read marks NOT saved (EACCES).', weight: 'loss', key: 'read-state'},
	);
	assert.deepEqual(keyed.notices.standing, [{text: 'Read marks NOT saved (EACCES).', key: 'read-state'}]);
	assert.equal(keyed.notice, 'Read marks NOT saved (EACCES).');
	assert.equal(isNoticeStanding(keyed), true);
	assert.equal(isNoticeStanding(stateWith(sampleArticles())), false);
});

test('minor notices behind a standing one wait once each, the newest five', () => {
	const minors = ['m1', 'm2', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
	const state = act(
		stateWith(sampleArticles()),
		{type: 'noticeShown', text: LOSS, weight: 'loss'},
		...minors.map((text): Action => ({type: 'noticeShown', text})),
	);
	assert.deepEqual(state.notices.queued, ['m3', 'm4', 'm5', 'm6', 'm7']);
	const again = act(state, {type: 'noticeShown', text: 'm7'});
	assert.equal(again, state);
});

test('Esc in the list with no notice and no find leaves the state as it was', () => {
	const state = stateWith(sampleArticles());
	assert.equal(run(state, 'back'), state);
});
