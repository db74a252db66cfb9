// Where you were (session.ts): the last session applies as its articles arrive, what is gone falls back quietly,
// a key ends it, and what is kept of the state is only ever a session once the last one is applied.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Action, BrowserState, Session} from '../../../src/core/browser/types.ts';
import {initialState, reducer} from '../../../src/core/browser/reducer.ts';
import {rememberChanges} from '../../../src/core/browser/remember.ts';
import {firstFrameWithin, sameSession, sessionOf} from '../../../src/core/browser/session.ts';
import {statusInfo} from '../../../src/core/browser/selectors.ts';
import {
	bodyLines,
	cursorPath,
	listedPaths,
	meta,
	run,
	sampleArticles,
	sessionWith,
} from '../../helpers/browser-state.ts';

const articles = sampleArticles();
const byPath = (path: string) => articles.find((meta) => meta.path === path)!;

function start(kept: Session | null, positions: Record<string, number> = {}): BrowserState {
	return reducer(initialState({columns: 120, rows: 40}), {
		type: 'remembered',
		session: kept,
		positions: new Map(Object.entries(positions)),
	});
}

const apply = (state: BrowserState, ...actions: Action[]) => actions.reduce(reducer, state);
const added = (paths: string[], readIds: string[] = []): Action => ({
	type: 'articlesAdded',
	articles: paths.map(byPath),
	readIds: new Set(readIds),
});
const finished: Action = {type: 'loadingFinished'};

test('the category, the filter, the cursor, the open article (scrolled) and the sort come back as articles arrive', () => {
	const kept = sessionWith({
		category: ['Tech'],
		query: 'd',
		cursor: 'id:d.md',
		open: 'id:d.md',
		focus: 'reader',
		sort: 'oldest',
	});
	const state = start(kept, {'id:d.md': 0.5});
	assert.equal(state.library.sort, 'oldest', 'the sort applies at once');
	assert.equal(state.find.query, 'd');
	assert.equal(sessionOf(state), null, 'nothing to keep while the last session is applied');

	const first = apply(state, added(['c.md', 'f.md']));
	assert.equal(first.filter.category, null, 'no Tech article yet');
	const second = apply(first, added(['a.md', 'b.md', 'd.md', 'e.md'], ['id:d.md']));
	assert.equal(statusInfo(second).categoryPath, 'Tech');
	assert.deepEqual(listedPaths(second), ['d.md']);
	assert.equal(cursorPath(second), 'd.md');
	assert.equal(second.focus, 'reader');
	assert.equal(second.reader?.status, 'loading');

	const read = reducer(second, {type: 'readerLoaded', item: second.reader!.item, width: 50, lines: bodyLines(100)});
	assert.equal(read.reader?.scroll, 50);
	assert.deepEqual(read.readChanges, [], 'the article reopened keeps its mark (it may have been marked unread)');
	const done = apply(read, finished);
	assert.equal(done.restore, null);
	assert.deepEqual(sessionOf(done), kept);
});

test('a deleted article, an unknown category, an emptied star view fall back quietly to the list', () => {
	const gone = apply(
		start(sessionWith({category: ['No such'], cursor: 'id:gone.md', open: 'id:gone.md', focus: 'reader'})),
		added(articles.map((meta) => meta.path)),
		finished,
	);
	assert.equal(gone.reader, null);
	assert.equal(gone.focus, 'list');
	assert.equal(statusInfo(gone).categoryPath, 'All');
	assert.equal(gone.list.index, 0);
	assert.equal(gone.notice, null);

	const starred = apply(start(sessionWith({starred: true})), added(['a.md', 'b.md']), finished);
	assert.equal(starred.filter.starred, undefined, 'nothing starred any more: All');
	assert.equal(starred.rows.length, 2);

	// The index still lists an article deleted while leaf was closed: its read fails, and the reader closes without a word.
	const indexed = apply(
		start(sessionWith({cursor: 'id:b.md', open: 'id:b.md', focus: 'reader'})),
		added(['a.md', 'b.md']),
	);
	assert.equal(indexed.reader?.status, 'loading');
	const failed = reducer(indexed, {type: 'readerFailed', item: indexed.reader!.item, message: 'ENOENT: no such file'});
	assert.equal(failed.reader, null);
	assert.equal(failed.focus, 'list');
	assert.equal(failed.notice, null);
	const later = apply(failed, added(['c.md']));
	assert.equal(later.reader, null, 'not opened again by the next articles');
	// ...or the walk reports it gone: the reader closes too.
	const walked = apply(indexed, {type: 'articlesChanged', removedIds: ['id:b.md'], articles: []}, finished);
	assert.equal(walked.reader, null);
	assert.equal(walked.focus, 'list');
	assert.deepEqual(listedPaths(walked), ['a.md']);
});

test('a key ends the restoring: articles arriving later do not move the cursor the reader moved', () => {
	const state = apply(start(sessionWith({cursor: 'id:e.md'})), added(['a.md', 'b.md']));
	assert.equal(cursorPath(state), 'a.md');
	const moved = run(state, 'down');
	assert.equal(moved.restore, null);
	const later = apply(moved, added(['c.md', 'd.md', 'e.md']), finished);
	assert.equal(cursorPath(later), 'b.md');
});

test('the session kept: the view, the kept filter (not the one being typed), the cursor, the open article and focus', () => {
	const state = apply(start(null), added(articles.map((meta) => meta.path)), finished);
	assert.deepEqual(sessionOf(state), sessionWith({cursor: 'id:a.md'}));
	const opened = run(state, 'down', 'open');
	assert.deepEqual(sessionOf(opened), sessionWith({cursor: 'id:b.md', open: 'id:b.md', focus: 'reader'}));
	assert.deepEqual(sessionOf(run(opened, 'focusLeft')), sessionWith({cursor: 'id:b.md', open: 'id:b.md'}));
	const typing = apply(run(state, 'filter'), {type: 'promptKey', key: 'c'});
	assert.equal(sessionOf(typing)?.query, '');
	const kept = apply(typing, {type: 'promptKey', key: 'return'});
	assert.equal(sessionOf(kept)?.query, 'c');
	const sorted = run(state, 'sort');
	assert.equal(sessionOf(sorted)?.sort, 'oldest');
	assert.deepEqual(rememberChanges(state, sorted)?.session?.sort, 'oldest');
	assert.equal(rememberChanges(state, run(state, 'up')), null, 'at the top already: nothing changed');
	// A category by its path: ordinals are of one run only.
	const life = run(state, 'focusCategories', 'bottom', 'open');
	assert.deepEqual(sessionOf(life)?.category, ['Tech', 'Rust']);
});

test('a kept filter from the file is cleaned like any text shown', () => {
	const state = start(sessionWith({query: 'evil\u001b[31mred\u0007'}));
	assert.equal(state.find.query, 'evilred');
});

test('a kept filter is held to 200 characters', () => {
	const state = start(sessionWith({query: 'x'.repeat(250)}));
	assert.equal(state.find.query, 'x'.repeat(200));
});

test('sessions are the same only when every field is', () => {
	const base = sessionWith({category: ['Tech', 'Go'], cursor: 'id:a.md', open: 'id:a.md', focus: 'reader'});
	assert.equal(sameSession(base, {...base, category: ['Tech', 'Go']}), true);
	assert.equal(sameSession(null, null), true);
	assert.equal(sameSession(null, base), false);
	assert.equal(sameSession(base, null), false);
	const changes: Partial<Session>[] = [
		{starred: true},
		{query: 'go'},
		{cursor: 'id:b.md'},
		{open: null},
		{focus: 'list'},
		{sort: 'title'},
		{category: ['Tech']},
		{category: ['Tech', 'Rust']},
		{category: ['Tech', 'Go', 'More']},
	];
	for (const change of changes) assert.equal(sameSession(base, {...base, ...change}), false, JSON.stringify(change));
});

test('the starred view comes back once a starred article is there, and is kept', () => {
	const before = apply(start(sessionWith({starred: true})), added(['a.md', 'b.md']));
	assert.equal(before.filter.starred, undefined, 'no star loaded yet: All');
	assert.deepEqual(listedPaths(before), ['a.md', 'b.md']);
	const stars = apply(before, {type: 'starsLoaded', ids: ['id:b.md']}, finished);
	assert.equal(stars.filter.starred, true);
	assert.equal(stars.filter.unreadOnly, false);
	assert.deepEqual(listedPaths(stars), ['b.md']);
	assert.equal(sessionOf(stars)?.starred, true);
});

test('nothing is kept before any article is listed', () => {
	assert.equal(sessionOf(apply(start(null), finished)), null);
});

test('the restored cursor stands a third down the screen', () => {
	const many = Array.from({length: 60}, (_, index) =>
		meta(`n${String(index).padStart(2, '0')}.md`, {date: new Date(Date.UTC(2022, 0, 60 - index)).toISOString()}),
	);
	const state = apply(start(sessionWith({cursor: 'id:n30.md'})), {
		type: 'articlesAdded',
		articles: many,
		readIds: new Set(),
	});
	// 37 rows of panes: the cursor's row 30 shows 12 rows above it.
	assert.deepEqual(state.list, {index: 30, scroll: 18});
	assert.equal(cursorPath(state), 'n30.md');
});

test('the restored article, once read, is not opened again by later arrivals', () => {
	const opened = apply(start(sessionWith({cursor: 'id:b.md', open: 'id:b.md', focus: 'reader'})), added(['b.md']));
	const item = opened.reader!.item;
	const read = reducer(opened, {type: 'readerLoaded', item, width: opened.layout.readerTextWidth, lines: bodyLines(3)});
	const later = apply(read, added(['a.md']));
	assert.equal(later.reader?.item, item);
	assert.equal(later.reader?.lines.length, 3);
});

test('a restored category emptied before the library is loaded falls back to All, keeping unread-only off', () => {
	const life = apply(start(sessionWith({category: ['Life']})), added(['a.md', 'c.md']));
	assert.equal(statusInfo(life).categoryPath, 'Life');
	assert.deepEqual(listedPaths(life), ['c.md']);
	const emptied = apply(life, {type: 'articlesChanged', removedIds: ['id:c.md'], articles: []}, finished);
	assert.equal(statusInfo(emptied).categoryPath, 'All');
	assert.deepEqual(listedPaths(emptied), ['a.md']);
	assert.deepEqual(emptied.list, {index: 0, scroll: 0});
	assert.equal(emptied.filter.unreadOnly, false);
});

test('the newest articles make the first frame only for a session whose first frame they fill', () => {
	const ids = Array.from({length: 256}, (_, i) => `id${i}`);
	const fills = (change: Partial<Session>, complete = false) => firstFrameWithin(sessionWith(change), ids, complete);
	assert.equal(firstFrameWithin(null, ids, false), true, 'no session: the top of All');
	assert.equal(fills({}), true);
	assert.equal(fills({cursor: 'id0', open: 'id127'}), true);
	assert.equal(fills({cursor: 'id128'}), false, 'a screen below the cursor would be missing');
	assert.equal(fills({cursor: 'id200'}, true), true, 'unless they are the whole library');
	assert.equal(fills({open: 'elsewhere'}), false, 'the open article is older');
	assert.equal(fills({cursor: 'elsewhere'}, true), false);
	assert.equal(fills({category: ['Tech']}), false);
	assert.equal(fills({starred: true}), false);
	assert.equal(fills({query: 'rust'}), false);
	assert.equal(fills({sort: 'title'}), false);
});
