// Opening articles and moving between unread ones: an empty list, a failed read opened again, another article
// opened while one is open, and n from a cursor that is or is not on the open article.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {bodyLines, cursorPath, listedPaths, meta, run, stateWith} from '../../helpers/browser-state.ts';

const three = () => [
	meta('a.md', {date: '2022-01-03T00:00:00Z'}),
	meta('b.md', {date: '2022-01-02T00:00:00Z'}),
	meta('c.md', {date: '2022-01-01T00:00:00Z'}),
];

test('Enter on an empty list opens nothing', () => {
	const empty = run(stateWith(three(), {readIds: ['id:a.md', 'id:b.md', 'id:c.md']}), 'toggleUnreadOnly');
	assert.deepEqual(listedPaths(empty), []);
	const pressed = run(empty, 'open');
	assert.equal(pressed.reader, null);
	assert.equal(pressed.focus, 'list');
});

test('an article opened loads with no lines yet; one that failed is read again when opened again', () => {
	const opened = run(stateWith(three()), 'open');
	assert.deepEqual(opened.reader, {
		item: 0,
		status: 'loading',
		lines: [],
		width: 0,
		scroll: 0,
		message: null,
		resume: undefined,
	});
	const failed = reducer(opened, {type: 'readerFailed', item: 0, message: 'EACCES'});
	assert.equal(failed.reader?.status, 'failed');
	const again = run(failed, 'focusLeft', 'open');
	assert.equal(again.reader?.status, 'loading');
	assert.equal(again.reader?.message, null);
});

test('another article opened while one is open replaces it', () => {
	let state = run(stateWith(three()), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	const other = run(state, 'focusLeft', 'down', 'open');
	assert.equal(other.reader?.item, 1);
	assert.equal(other.reader?.status, 'loading');
});

test('n from the open article goes to the next unread; from another row it opens that row when unread', () => {
	const loading = run(stateWith(three()), 'open');
	assert.equal(loading.library.read[0], 0, 'not read until its lines arrive');
	assert.equal(run(loading, 'nextUnread').reader?.item, 1);
	let state = reducer(loading, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(3)});
	state = run(state, 'focusLeft', 'down');
	assert.equal(cursorPath(state), 'b.md');
	const next = run(state, 'nextUnread');
	assert.equal(next.reader?.item, 1);
	assert.equal(cursorPath(next), 'b.md');
});
