// The library read again (rescan.ts): what changed comes back changed, what did not keeps its entry, the open
// article is always read again, and what is gone falls back quietly.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../../src/core/article/article.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {cursorPath, run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

const replaced = (state: BrowserState, articles: readonly ArticleMeta[]) =>
	reducer(state, {type: 'libraryReplaced', articles});

/** The live entry of the article at `path`. */
const entry = (state: BrowserState, path: string) =>
	Array.from(state.library.order, (item) => state.library.items[item]).find((meta) => meta?.path === path);

const withA = (change: Partial<ArticleMeta>) =>
	sampleArticles().map((meta) => (meta.path === 'a.md' ? {...meta, ...change} : meta));

test('every field of the front matter that changed comes back changed', () => {
	const changes: Partial<ArticleMeta>[] = [
		{title: 'a renamed'},
		{date: new Date('2022-01-10T00:00:00Z')},
		{date: null},
		{author: 'Bob'},
		{image: 'cover.png'},
		{link: 'https://example.com/a'},
		{warning: 'front matter unreadable'},
		{categories: [['Tech', 'Rust']]},
		{tags: ['go']},
	];
	for (const change of changes) {
		const after = replaced(stateWith(sampleArticles()), withA(change));
		const [field, value] = Object.entries(change)[0]!;
		assert.deepEqual(entry(after, 'a.md')?.[field as keyof ArticleMeta], value, field);
	}
	// An undated article that gains a date.
	const dated = sampleArticles().map((meta) =>
		meta.path === 'f.md' ? {...meta, date: new Date('2021-01-01T00:00:00Z')} : meta,
	);
	assert.deepEqual(entry(replaced(stateWith(sampleArticles()), dated), 'f.md')?.date, new Date('2021-01-01T00:00:00Z'));
});

test('an article that did not change keeps its entry, and the cursor its row', () => {
	const state = run(stateWith(sampleArticles()), 'down', 'down');
	const before = entry(state, 'c.md');
	const after = replaced(state, sampleArticles());
	assert.equal(entry(after, 'c.md'), before);
	assert.equal(entry(after, 'a.md'), entry(state, 'a.md'));
	assert.equal(cursorPath(after), 'c.md');
	assert.deepEqual(after.list, state.list);
});

test('the open article is read again even when its front matter did not change', () => {
	const opened = run(stateWith(sampleArticles()), 'down', 'open');
	const item = opened.reader!.item;
	const lines = [{text: 'b', style: 'body' as const}];
	const read = reducer(opened, {type: 'readerLoaded', item, width: opened.layout.readerTextWidth, lines});
	const after = replaced(read, sampleArticles());
	assert.equal(after.reader?.status, 'partial');
	assert.equal(after.reader?.lines, lines);
	assert.notEqual(entry(after, 'b.md'), entry(read, 'b.md'));
	assert.equal(entry(after, 'a.md'), entry(read, 'a.md'));
	// One that could not be read is tried again from the start.
	const failed = reducer(opened, {type: 'readerFailed', item, message: 'EIO'});
	assert.equal(failed.reader?.status, 'failed');
	assert.equal(replaced(failed, sampleArticles()).reader?.status, 'loading');
});

test('the library read again while the opened article loads: its first lines still mark it read', () => {
	// A rescan can land between `open` and the article's lines (the watch's catch-up read, a slow disk).
	const opened = run(stateWith(sampleArticles()), 'down', 'open');
	assert.equal(opened.reader?.status, 'loading');
	const unread = opened.library.unreadTotal;
	const after = replaced(opened, sampleArticles());
	assert.equal(after.reader?.status, 'loading');
	const item = after.reader!.item;
	const lines = [{text: 'b', style: 'body' as const}];
	const loaded = reducer(after, {type: 'readerLoaded', item, width: after.layout.readerTextWidth, lines});
	assert.equal(loaded.reader?.status, 'ready');
	assert.equal(loaded.library.unreadTotal, unread - 1);
	assert.deepEqual(loaded.readChanges, [{id: entry(loaded, 'b.md')!.id, read: true}]);
});

test('the open article deleted while the list has the keys: the reader closes, the focus stays', () => {
	const opened = run(stateWith(sampleArticles()), 'down', 'open', 'focusLeft');
	assert.equal(opened.focus, 'list');
	const after = replaced(
		opened,
		sampleArticles().filter((meta) => meta.path !== 'b.md'),
	);
	assert.equal(after.reader, null);
	assert.equal(after.focus, 'list');
});
