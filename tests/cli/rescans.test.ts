import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Action} from '../../src/core/browser/types.ts';
import {createRescans} from '../../src/cli/rescans.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {indexFileFor} from '../../src/io/index-cache.ts';
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
	const {root, rescans, notices} = setUp(new Promise<void>((resolve) => (release = resolve)));
	// Held behind the first load: nothing runs until it is over. Each scan ends with one notice.
	const first = rescans.run(null);
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(notices().length, 0);
	release();
	await new Promise((resolve) => setImmediate(resolve));
	// The first scan is under way: these wait for it, and share one scan after it.
	writeFileSync(join(root, 'b.md'), '---\ntitle: B\n---\nB.\n');
	const second = rescans.run(null);
	const third = rescans.run(null);
	await Promise.all([first, second, third]);
	assert.equal(notices().length, 2);
	assert.equal(notices().at(-1), 'Library read again: 2 articles.');
});

test('once aborted (quit), nothing more is scanned or sent', async () => {
	const {rescans, abort, scans} = setUp();
	abort.abort();
	await rescans.run(null);
	assert.equal(scans(), 0);
});

/** Reads again of `root`, after a first load that found `first`; what they send. */
function afterLoad(root: string, first: Awaited<ReturnType<typeof loadLibrary>>) {
	const sent: Action[] = [];
	const rescans = createRescans({
		root,
		store: {isRead: () => false},
		send: (action) => sent.push(action),
		signal: new AbortController().signal,
		initial: Promise.resolve({articles: first.articles, stats: first.fileStats}),
	});
	return {sent, rescans};
}

test('a change placed by the watcher is read there, against what the first load found', async () => {
	const root = writeFiles(newFolder(), {'a.md': '---\ntitle: A\n---\nA.\n', 'sub/c.md': '---\ntitle: C\n---\nC.\n'});
	const first = await loadLibrary(root, {threads: false});
	const {sent, rescans} = afterLoad(root, first);
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

test('a full read compares with what the last one found, not the index file; unchanged, it redraws nothing', async () => {
	const root = writeFiles(newFolder(), {'a.md': '---\ntitle: A\n---\nA.\n', 'sub/c.md': '---\ntitle: C\n---\nC.\n'});
	const first = await loadLibrary(root, {threads: false});
	// Read, a missing index would make every article new objects, and the app would be handed them all again.
	rmSync(indexFileFor(realpathSync(root))!);
	const {sent, rescans} = afterLoad(root, first);
	await rescans.run(null);
	assert.deepEqual(
		sent.map((action) => action.type),
		['noticeShown'],
	);
	assert.equal(existsSync(indexFileFor(realpathSync(root))!), false, 'nothing changed: no index written either');
	writeFileSync(join(root, 'sub/c.md'), '---\ntitle: C changed\n---\nC, longer.\n');
	await rescans.run();
	const replaced = sent.filter((action) => action.type === 'libraryReplaced');
	assert.equal(replaced.length, 1);
	assert.deepEqual(replaced[0]?.articles.map((meta) => meta.title).toSorted(), ['A', 'C changed']);
	assert.ok(
		replaced[0]?.articles.some((meta) => first.articles.includes(meta)),
		'the unchanged article is the same object',
	);
});

test('the sizes of the files, by path, are those the last read found (a search reads a file that size once)', async () => {
	const a = '---\ntitle: A\n---\nA.\n';
	const c = '---\ntitle: C\n---\nC.\n';
	const root = writeFiles(newFolder(), {'a.md': a, 'sub/c.md': c});
	let release: () => void = () => {};
	const first = await loadLibrary(root, {threads: false});
	const rescans = createRescans({
		root,
		store: {isRead: () => false},
		send: () => {},
		signal: new AbortController().signal,
		initial: new Promise((resolve) => (release = () => resolve({articles: first.articles, stats: first.fileStats}))),
	});
	assert.deepEqual(rescans.fileSizes(), new Map(), 'none before the first load has ended');
	release();
	await rescans.run(undefined);
	assert.deepEqual(
		rescans.fileSizes(),
		new Map([
			['a.md', a.length],
			['sub/c.md', c.length],
		]),
	);
	writeFileSync(join(root, 'sub/c.md'), `${c}Longer.\n`);
	await rescans.run(undefined);
	assert.equal(rescans.fileSizes().get('sub/c.md'), c.length + 8);
});
