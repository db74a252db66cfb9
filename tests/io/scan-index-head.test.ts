// The index's head: the browser's first frame is drawn from the newest articles, read alone, before the rest of the
// index is read; what the rest and the walk then say is what changed, and nothing is told twice.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {realpathSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {HEAD_ROWS, indexFileFor, readIndex, readIndexHead} from '../../src/io/index-cache.ts';
import type {ScanProgress} from '../../src/io/library.ts';
import {loadLibrary} from '../../src/io/library.ts';

const temp = tempFolders('leaf-index-head-')();
process.env.XDG_CACHE_HOME = join(temp, 'cache');
process.env.HOME = join(temp, 'home');
let count = 0;
const article = (title: string, day: number) =>
	`---\ntitle: ${title}\ndate: ${new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString()}\n---\n<p>${title}</p>\n`;

/** A library of `n` articles, `a<i>.md` dated day i (so the newest is the last). */
function library(n: number): string {
	const files: Record<string, string> = {};
	for (let i = 0; i < n; i++) files[`a${i}.md`] = article(`T${i}`, i);
	return writeFiles(join(temp, `lib${count++}`), files);
}

const newestPaths = (n: number, from: number) => Array.from({length: n}, (_, k) => `a${from - 1 - k}.md`);
const turns = async (n: number) => {
	for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * A browser-like load: the walk (and the rest of the index, after a head) waits for `release()`. `threads`: walked
 * in workers, which start as the rest of the index is read.
 */
function heldLoad(root: string, showHead: (metas: readonly ArticleMeta[], rows: number) => boolean, threads = false) {
	let release: () => void = () => {};
	const calls: ScanProgress[] = [];
	const loading = loadLibrary(root, {
		threads,
		walkAfter: new Promise<void>((resolve) => (release = resolve)),
		showHead,
		onProgress: (progress) => calls.push(progress),
	});
	return {calls, loading, release: () => release()};
}

/** Every article a listener would hold after all calls, by path -> title; fails on an article told twice. */
function replay(calls: readonly ScanProgress[]): Map<string, string> {
	const byId = new Map<string, ArticleMeta>();
	for (const call of calls) {
		for (const id of call.removed) assert.ok(byId.delete(id), `removed ${id} was never added`);
		for (const meta of call.added) {
			assert.ok(!byId.has(meta.id), `${meta.path} told twice without a removal`);
			byId.set(meta.id, meta);
		}
	}
	return new Map([...byId.values()].map((meta) => [meta.path, meta.title]));
}

for (const threads of [false, true])
	test(`threads ${threads}: the head alone comes first (newest first, with the total); the rest of the index waits for the first frame`, async () => {
		const n = HEAD_ROWS + 40;
		const root = library(n);
		await loadLibrary(root, {threads: false});
		// While leaf was closed: the newest changed, one in the head deleted, one older than the head deleted, one added.
		writeFileSync(join(root, `a${n - 1}.md`), article('Changed', n - 1));
		rmSync(join(root, `a${n - 2}.md`));
		rmSync(join(root, 'a0.md'));
		writeFileSync(join(root, 'new.md'), article('New', n));

		const seen: number[][] = [];
		const {calls, loading, release} = heldLoad(root, (metas, rows) => (seen.push([metas.length, rows]), true), threads);
		let finished = false;
		void loading.then(() => (finished = true));
		while (calls.length === 0) await turns(1);
		// Time enough to read the rest of a small index, had it not waited.
		await new Promise((resolve) => setTimeout(resolve, 200));
		assert.deepEqual(seen, [[HEAD_ROWS, n]], 'showHead is asked once, with the head and the number of rows');
		assert.equal(calls.length, 1, 'nothing more before the first frame: the rest of the index is not read yet');
		assert.deepEqual(
			calls[0]!.added.map((meta) => meta.path),
			newestPaths(HEAD_ROWS, n),
		);
		assert.deepEqual([calls[0]!.done, calls[0]!.total, calls[0]!.removed], [0, n, []]);
		assert.equal(finished, false);

		release();
		const scan = await loading;
		const indexCall = calls[1]!;
		assert.deepEqual(indexCall.removed, [], 'the rest of the index tells no head article again');
		assert.equal(indexCall.added.length, n - HEAD_ROWS);
		const held = replay(calls);
		assert.equal(held.size, n - 1);
		assert.equal(held.get(`a${n - 1}.md`), 'Changed');
		assert.equal(held.get('new.md'), 'New');
		assert.equal(held.has(`a${n - 2}.md`) || held.has('a0.md'), false);
		assert.deepEqual(
			scan.articles.map((meta) => meta.path),
			[...held.keys()].sort(
				(a, b) => scan.articles.findIndex((m) => m.path === a) - scan.articles.findIndex((m) => m.path === b),
			),
		);
		assert.deepEqual([scan.stats.index, scan.stats.parsed, scan.stats.dropped], ['used', 2, 2]);
	});

test('a head that does not fill the first frame is not shown: the whole index comes at once', async () => {
	const n = HEAD_ROWS + 10;
	const root = library(n);
	await loadLibrary(root, {threads: false});
	const {calls, loading, release} = heldLoad(root, () => false);
	while (calls.length === 0) await turns(1);
	assert.equal(calls[0]!.added.length, n);
	release();
	await loading;
	assert.equal(replay(calls).size, n);
});

test('a library smaller than the head: the head is all of it, and the index adds nothing', async () => {
	const root = library(5);
	await loadLibrary(root, {threads: false});
	const {calls, loading, release} = heldLoad(root, (metas, rows) => metas.length === rows);
	while (calls.length === 0) await turns(1);
	assert.deepEqual(
		calls[0]!.added.map((meta) => meta.path),
		newestPaths(5, 5),
	);
	release();
	await loading;
	assert.deepEqual(
		calls.slice(1).flatMap((call) => [...call.added, ...call.removed]),
		[],
	);
});

test('a head that holds every row is the index: the payload is not read again after the first frame', async () => {
	const root = library(7);
	await loadLibrary(root, {threads: false});
	const file = indexFileFor(realpathSync(root))!;
	// Damage the payload (not the head): read, it would fail its checksum and every article would be parsed again.
	const bytes = readFileSync(file);
	bytes[bytes.indexOf(10) + 8]! ^= 0xff;
	writeFileSync(file, bytes);
	const old = new Date(Date.now() - 86_400_000);
	utimesSync(file, old, old);
	const {calls, loading, release} = heldLoad(root, () => true);
	while (calls.length === 0) await turns(1);
	release();
	const scan = await loading;
	assert.deepEqual([scan.stats.index, scan.stats.reused, scan.stats.parsed], ['used', 7, 0]);
	assert.equal(replay(calls).size, 7);
	assert.ok(statSync(file).mtimeMs > old.getTime(), 'the index is marked as opened, as a whole read marks it');
});

test('a damaged head is not used, the index still is; a damaged payload after a good head is rebuilt by the walk', async () => {
	const n = HEAD_ROWS + 3;
	const root = library(n);
	await loadLibrary(root, {threads: false});
	const file = indexFileFor(realpathSync(root))!;
	const good = readFileSync(file);
	const lineEnd = good.indexOf(10);
	const {bytes} = JSON.parse(good.toString('utf8', 0, lineEnd)) as {bytes: number};
	const flipped = (at: number) => {
		const data = Buffer.from(good);
		data[at]! ^= 0x20;
		return data;
	};

	writeFileSync(file, flipped(good.length - 10));
	assert.equal(await readIndexHead(file, realpathSync(root)), null);
	assert.equal((await readIndex(file, realpathSync(root)))?.metas.length, n);
	let asked = false;
	const headless = heldLoad(root, () => (asked = true));
	while (headless.calls.length === 0) await turns(1);
	assert.equal(asked, false);
	assert.equal(headless.calls[0]!.added.length, n, 'the whole index at once');
	headless.release();
	assert.equal((await headless.loading).stats.index, 'used');

	writeFileSync(file, flipped(lineEnd + 1 + (bytes >> 1)));
	const {calls, loading, release} = heldLoad(root, () => true);
	while (calls.length === 0) await turns(1);
	assert.equal(calls[0]!.added.length, HEAD_ROWS);
	release();
	const scan = await loading;
	assert.deepEqual([scan.stats.index, scan.stats.parsed], ['missing', n]);
	assert.equal(replay(calls).size, n, "every article once, the head's told again as changed");
});

test('quitting while the index is read: an aborted read stops before the next step and leaves the file as it was', async () => {
	const root = library(3);
	await loadLibrary(root, {threads: false});
	const file = indexFileFor(realpathSync(root))!;
	utimesSync(file, 1000, 1000);
	assert.equal(await readIndex(file, realpathSync(root), AbortSignal.abort()), null);
	assert.equal(statSync(file).mtimeMs, 1_000_000, 'not read as far as marking it used');
	assert.equal((await readIndex(file, realpathSync(root), new AbortController().signal))?.metas.length, 3);
	assert.ok(statSync(file).mtimeMs > 1_000_000);
});

/** An indexed library of 3 articles, its index file, and a way to write that file with header fields changed. */
async function indexedWithHeader() {
	const root = library(3);
	await loadLibrary(root, {threads: false});
	const rootReal = realpathSync(root);
	const file = indexFileFor(rootReal)!;
	const data = readFileSync(file);
	const lineEnd = data.indexOf(10);
	const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Record<string, number>;
	const rewrite = (changes: Record<string, number>) =>
		writeFileSync(
			file,
			Buffer.concat([Buffer.from(`${JSON.stringify({...header, ...changes})}\n`), data.subarray(lineEnd + 1)]),
		);
	return {rootReal, file, header, rewrite, restore: () => writeFileSync(file, data)};
}

test('a header whose lengths do not add up to the file is refused before anything is allocated for them', async () => {
	const {rootReal, file, header, rewrite} = await indexedWithHeader();
	for (const headBytes of [2 ** 30, header.headBytes! + 1, header.headBytes! - 1]) {
		rewrite({headBytes});
		const asked: number[] = [];
		const allocUnsafe = Buffer.allocUnsafe;
		Buffer.allocUnsafe = (size: number) => (asked.push(size), allocUnsafe(size));
		try {
			assert.equal(await readIndexHead(file, rootReal), null, `headBytes ${headBytes}`);
		} finally {
			Buffer.allocUnsafe = allocUnsafe;
		}
		assert.ok(!asked.includes(headBytes), `nothing allocated for a head of ${headBytes} bytes`);
		assert.equal(await readIndex(file, rootReal), null, `headBytes ${headBytes}: nor the index`);
	}
});

test('an index whose header says another number of rows than its payload holds is not used', async () => {
	const {rootReal, file, rewrite, restore} = await indexedWithHeader();
	rewrite({rows: 4});
	assert.equal(await readIndex(file, rootReal), null);
	restore();
	assert.equal((await readIndex(file, rootReal))?.metas.length, 3);
});

test('the index is read in two steps with a pause between for the keys; quitting during the pause ends the read', async () => {
	const {rootReal, file} = await indexedWithHeader();
	utimesSync(file, 1000, 1000);
	const pauses: number[] = [];
	const index = await readIndex(file, rootReal, undefined, async () => pauses.push(statSync(file).mtimeMs));
	assert.equal(index?.metas.length, 3);
	assert.equal(pauses.length, 1, 'one pause');
	assert.ok(pauses[0]! > 1_000_000, 'after the first step (the payload read and checked, the file marked used)');

	const quitting = new AbortController();
	assert.equal(await readIndex(file, rootReal, quitting.signal, async () => quitting.abort()), null);
});
