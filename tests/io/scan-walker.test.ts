// The walk shared between two scan workers (src/io/scan-walker.ts), both ends driven on this thread, and the
// stats of handed-over files (statFiles): every file is reported exactly once, whoever statted it.
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, symlinkSync, truncateSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {MessageChannel} from 'node:worker_threads';
import {statFiles, walkLibrary} from '../../src/io/library-walk.ts';
import type {ScanReply} from '../../src/io/scan-threads.ts';
import {helpWalk, walkShared} from '../../src/io/scan-walker.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const temp = tempFolders('leaf-scan-walker-');

/** a/0.md … a/9.md and b/0.md … b/9.md, each of its own size, plus a file that is no article. */
function twentyArticles(): string {
	const files: Record<string, string> = {'b/notes.txt': 'not an article'};
	for (let i = 0; i < 10; i++) {
		files[`a/${i}.md`] = 'x'.repeat(i + 1);
		files[`b/${i}.md`] = 'y'.repeat(i + 11);
	}
	return writeFiles(temp(), files);
}

/** path -> size, from found batches; fails on a path reported twice. */
function sizesOf(replies: ScanReply[]): Map<string, number> {
	const sizes = new Map<string, number>();
	for (const reply of replies) {
		if (reply.type !== 'found') continue;
		reply.batch.paths.forEach((path, i) => {
			assert.ok(!sizes.has(path), `${path} reported twice`);
			sizes.set(path, reply.batch.stats[i * 3]!);
		});
	}
	return sizes;
}

const expectedSizes = new Map([
	...Array.from({length: 10}, (_, i) => [`a/${i}.md`, i + 1] as const),
	...Array.from({length: 10}, (_, i) => [`b/${i}.md`, i + 11] as const),
]);

test('statFiles: size, mtime and ctime of each file; what is gone or no longer a file is left out silently', () => {
	const root = writeFiles(temp(), {'one.md': 'abc', 'two.md': 'abcdef'});
	mkdirSync(join(root, 'now-a-folder.md'));
	const warnings: string[] = [];
	const batch = statFiles(root, ['two.md', 'gone.md', 'now-a-folder.md', 'one.md'], (line) => warnings.push(line));
	assert.deepEqual(batch.paths, ['two.md', 'one.md']);
	assert.deepEqual([batch.stats[0], batch.stats[3]], [6, 3]);
	assert.equal(batch.stats.length, 6);
	assert.ok(batch.stats[1]! > 0 && batch.stats[2]! > 0, 'times are there');
	assert.deepEqual(warnings, []);
});

test('statFiles: a file over 32 MiB is skipped with a warning that names it', () => {
	const root = writeFiles(temp(), {'huge.md': '', 'small.md': 'a'});
	truncateSync(join(root, 'huge.md'), 32 * 1024 * 1024 + 1);
	const warnings: string[] = [];
	const batch = statFiles(root, ['huge.md', 'small.md'], (line) => warnings.push(line));
	assert.deepEqual(batch.paths, ['small.md']);
	assert.deepEqual(warnings, ['skipped huge.md: larger than 32 MiB']);
});

test('walkLibrary: full batches of regular files are offered to handOff, and what it takes is not statted here', () => {
	const root = twentyArticles();
	const offered: string[][] = [];
	const found: string[] = [];
	for (const batch of walkLibrary(root, () => {}, {
		chunk: 4,
		handOff: (relatives) => offered.push(relatives) % 2 === 1,
	}))
		found.push(...batch.paths);
	assert.deepEqual(
		offered.map((relatives) => relatives.length),
		[4, 4, 4, 4, 4],
	);
	const taken = offered.filter((_, i) => i % 2 === 0).flat();
	assert.deepEqual(taken.length, 12);
	assert.deepEqual(new Set([...taken, ...found]), new Set(expectedSizes.keys()));
	assert.equal(taken.length + found.length, 20, 'nothing both handed off and statted');
});

test('walkLibrary: the last, partial batch is statted here; links are statted when met, never handed off', () => {
	const root = writeFiles(temp(), {'a.md': '1', 'b.md': '22', 'c.md': '333'});
	symlinkSync(join(root, 'a.md'), join(root, 'link.md'));
	const offered: string[][] = [];
	const found = [
		...walkLibrary(root, () => {}, {chunk: 4, handOff: (relatives) => offered.push(relatives) > 0}),
	].flatMap((batch) => batch.paths);
	assert.deepEqual(offered, []);
	assert.deepEqual(found.sort(), ['a.md', 'b.md', 'c.md', 'link.md']);
});

test('walkShared without a helper: every file is statted by the walker and the end says nothing was handed off', () => {
	const root = twentyArticles();
	const replies: ScanReply[] = [];
	walkShared(root, undefined, (reply) => replies.push(reply), 4);
	assert.deepEqual(sizesOf(replies), expectedSizes);
	assert.deepEqual(replies.at(-1), {type: 'walked', warnings: [], handedOff: 0});
});

test('walkShared with a helper that is not ready yet: nothing is handed off', () => {
	const root = twentyArticles();
	const {port1, port2} = new MessageChannel();
	const replies: ScanReply[] = [];
	try {
		walkShared(root, port1, (reply) => replies.push(reply), 4);
		assert.deepEqual(sizesOf(replies), expectedSizes);
		assert.deepEqual(replies.at(-1), {type: 'walked', warnings: [], handedOff: 0});
	} finally {
		port1.close();
		port2.close();
	}
});

test('walkShared with a ready helper: two batches at most wait for it, and together they report every file once', async () => {
	const root = twentyArticles();
	const {port1, port2} = new MessageChannel();
	const walker: ScanReply[] = [];
	const helper: ScanReply[] = [];
	const closed = new Promise((resolve) => port2.once('close', resolve));
	// The helper says 'ready' at once; its listener answers only once this thread is free, after the
	// synchronous walk: the walker hands it two batches, then stats the rest itself.
	helpWalk(root, port2, (reply) => helper.push(reply));
	walkShared(root, port1, (reply) => walker.push(reply), 4);
	assert.deepEqual(walker.at(-1), {type: 'walked', warnings: [], handedOff: 2});
	await closed;
	assert.equal(helper.length, 2);
	assert.ok(helper.every((reply) => reply.type === 'found' && reply.helped === true && reply.batch.paths.length === 4));
	assert.deepEqual(sizesOf([...walker, ...helper]), expectedSizes);
});

test('helpWalk: a file gone before the helper stats it is left out, and its warnings travel with its batch', async () => {
	const root = writeFiles(temp(), {'a.md': '1', 'b.md': '22'});
	truncateSync(join(root, 'b.md'), 32 * 1024 * 1024 + 1);
	const {port1, port2} = new MessageChannel();
	const replies: ScanReply[] = [];
	const closed = new Promise((resolve) => port2.once('close', resolve));
	helpWalk(root, port2, (reply) => replies.push(reply));
	rmSync(join(root, 'a.md'));
	port1.postMessage(['a.md', 'b.md']);
	port1.postMessage('end');
	await closed;
	assert.equal(replies.length, 1);
	const reply = replies[0]!;
	assert.ok(reply.type === 'found');
	assert.deepEqual(reply.batch.paths, []);
	assert.deepEqual(reply.warnings, ['skipped b.md: larger than 32 MiB']);
});
