import {test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Action} from '../../src/core/browser/types.ts';
import {createRescans} from '../../src/cli/rescans.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const newFolder = tempFolders('leaf-rescans-');
process.env.XDG_CACHE_HOME = join(newFolder(), 'cache');

function setUp(initial: Promise<void> = Promise.resolve()) {
	const root = writeFiles(newFolder(), {'a.md': '---\ntitle: A\n---\nA.\n'});
	const sent: Action[] = [];
	const abort = new AbortController();
	const rescans = createRescans({
		root,
		store: {isRead: () => false},
		send: (action) => sent.push(action),
		signal: abort.signal,
		initial,
	});
	const scans = () => sent.filter((action) => action.type === 'libraryReplaced').length;
	const notices = () => sent.flatMap((action) => (action.type === 'noticeShown' ? [action.text] : []));
	return {root, rescans, abort, scans, notices};
}

test('what is asked before a scan starts joins it: one scan, with the notice asked for', async () => {
	const {rescans, scans, notices} = setUp();
	await Promise.all([rescans.run(), rescans.run(null), rescans.run()]);
	assert.equal(scans(), 1);
	assert.deepEqual(notices(), ['Library read again: 1 article.']);
});

test('a change during a scan makes one more scan after it, never two at once', async () => {
	let release: () => void = () => {};
	const {root, rescans, scans} = setUp(new Promise<void>((resolve) => (release = resolve)));
	// Held behind the first load: nothing runs until it is over.
	const first = rescans.run();
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(scans(), 0);
	release();
	await new Promise((resolve) => setImmediate(resolve));
	// The first scan is under way: these wait for it, and share one scan after it.
	writeFileSync(join(root, 'b.md'), '---\ntitle: B\n---\nB.\n');
	const second = rescans.run();
	const third = rescans.run();
	await Promise.all([first, second, third]);
	assert.equal(scans(), 2);
});

test('once aborted (quit), nothing more is scanned or sent', async () => {
	const {rescans, abort, scans} = setUp();
	abort.abort();
	await rescans.run(null);
	assert.equal(scans(), 0);
});

test('a change placed by the watcher is read there, against what the first load found', async () => {
	const root = writeFiles(newFolder(), {'a.md': '---\ntitle: A\n---\nA.\n', 'sub/c.md': '---\ntitle: C\n---\nC.\n'});
	const first = await loadLibrary(root, {threads: false});
	const sent: Action[] = [];
	const rescans = createRescans({
		root,
		store: {isRead: () => false},
		send: (action) => sent.push(action),
		signal: new AbortController().signal,
		initial: Promise.resolve({articles: first.articles, stats: first.fileStats}),
	});
	writeFileSync(join(root, 'b.md'), '---\ntitle: B\n---\nB.\n');
	// Also changed, but not where the watcher said: a placed read does not see it, a full one would.
	writeFileSync(join(root, 'sub/c.md'), '---\ntitle: C changed\n---\nC.\n');
	await rescans.run(undefined, {folders: [''], trees: []});
	const replaced = sent.filter((action) => action.type === 'libraryReplaced');
	assert.deepEqual(
		replaced
			.at(-1)
			?.articles.map((meta) => meta.title)
			.toSorted(),
		['A', 'B', 'C'],
	);
	await rescans.run();
	assert.deepEqual(
		sent
			.filter((action) => action.type === 'libraryReplaced')
			.at(-1)
			?.articles.map((meta) => meta.title)
			.toSorted(),
		['A', 'B', 'C changed'],
	);
});
