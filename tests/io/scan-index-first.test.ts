import {test} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';
import type {ScanProgress} from '../../src/io/library.ts';
import {loadLibrary} from '../../src/io/library.ts';

const temp = tempFolders('leaf-index-first-')();
process.env.XDG_CACHE_HOME = join(temp, 'cache');
process.env.HOME = join(temp, 'home');
let count = 0;
const library = (files: Record<string, string>): string => writeFiles(join(temp, `lib${count++}`), files);
const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n<p>${title}</p>\n`;

/** What a listener holding every reported article would have after each call, by path -> title. */
function replay(calls: readonly ScanProgress[]): Map<string, string>[] {
	const byId = new Map<string, {path: string; title: string}>();
	return calls.map((call) => {
		for (const id of call.removed) assert.ok(byId.delete(id), `removed ${id} was never added`);
		for (const meta of call.added) {
			assert.ok(!byId.has(meta.id), `${meta.path} added twice without a removal`);
			byId.set(meta.id, meta);
		}
		return new Map([...byId.values()].map((meta) => [meta.path, meta.title]));
	});
}

for (const threads of [false, true]) {
	test(`threads ${threads}: the indexed articles come first, then what changed while leaf was closed`, async () => {
		const root = library({
			'kept.md': article('Kept', '2021-01-01 10:00:00'),
			'changed.md': article('Old title', '2021-01-02 10:00:00'),
			'deleted.md': article('Deleted', '2021-01-03 10:00:00'),
		});
		await loadLibrary(root, {threads});
		writeFileSync(join(root, 'changed.md'), article('New title', '2021-01-02 10:00:00'));
		// A copy that keeps the old mtime is still seen as changed (size and ctime differ).
		utimesSync(join(root, 'changed.md'), new Date(0), new Date(0));
		rmSync(join(root, 'deleted.md'));
		writeFileSync(join(root, 'added.md'), article('Added', '2021-01-04 10:00:00'));

		const calls: ScanProgress[] = [];
		const scan = await loadLibrary(root, {threads, onProgress: (progress) => calls.push(progress)});
		const states = replay(calls);
		assert.deepEqual(
			[...states[0]!].sort(),
			[
				['changed.md', 'Old title'],
				['deleted.md', 'Deleted'],
				['kept.md', 'Kept'],
			],
			'the first call holds the index as it was, before the walk checked anything',
		);
		assert.equal(calls[0]!.done, 0);
		assert.deepEqual([...states.at(-1)!].sort(), [
			['added.md', 'Added'],
			['changed.md', 'New title'],
			['kept.md', 'Kept'],
		]);
		assert.deepEqual([calls.at(-1)!.done, calls.at(-1)!.total], [3, 3]);
		assert.deepEqual(
			scan.articles.map((a) => a.path),
			['added.md', 'changed.md', 'kept.md'],
		);
		assert.deepEqual(scan.stats, {reused: 1, parsed: 2, dropped: 1, index: 'used', saved: true, threads});
	});
}

test('with no index nothing is removed; a small indexed library is walked without a worker unless asked', async () => {
	const root = library({'a.md': article('A', '2021-01-01 10:00:00'), 'b.md': article('B', '2021-01-02 10:00:00')});
	const calls: ScanProgress[] = [];
	const cold = await loadLibrary(root, {onProgress: (progress) => calls.push(progress)});
	assert.deepEqual(
		calls.flatMap((call) => call.removed),
		[],
	);
	assert.equal(cold.stats.index, 'missing');
	const warm = await loadLibrary(root);
	assert.equal(warm.stats.threads, false);
	assert.deepEqual(
		warm.articles.map((a) => a.path),
		['b.md', 'a.md'],
	);
});

for (const threads of [false, true]) {
	test(`threads ${threads}: with walkAfter, the indexed articles come and the walk waits for it`, async () => {
		const root = library({'kept.md': article('Kept', '2021-01-01 10:00:00')});
		await loadLibrary(root, {threads});
		writeFileSync(join(root, 'added.md'), article('Added', '2021-01-04 10:00:00'));
		let release: () => void = () => {};
		const calls: ScanProgress[] = [];
		const loading = loadLibrary(root, {
			threads,
			walkAfter: new Promise<void>((resolve) => (release = resolve)),
			onProgress: (progress) => calls.push(progress),
		});
		let finished = false;
		void loading.then(() => (finished = true));
		await waitFor(() => calls.length > 0, 'the indexed articles');
		// Turns of the event loop with the walk held: the index's article only, and no end.
		for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
		assert.deepEqual(
			calls.flatMap((call) => call.added.map((meta) => meta.title)),
			['Kept'],
		);
		assert.equal(finished, false);
		release();
		const scan = await loading;
		assert.deepEqual(scan.articles.map((meta) => meta.title).sort(), ['Added', 'Kept']);
	});
}

test('without an index, walkAfter holds nothing back: there are no titles to show before the walk', async () => {
	const root = library({'only.md': article('Only', '2021-01-01 10:00:00')});
	const scan = await loadLibrary(root, {walkAfter: new Promise(() => {})});
	assert.deepEqual(
		scan.articles.map((meta) => meta.title),
		['Only'],
	);
});

test('onIndexed: the indexed articles newest first, once, before the walk; an unchanged library loads as indexed', async () => {
	const root = library({
		'old.md': article('Old', '2020-01-01 10:00:00'),
		'new.md': article('New', '2022-01-01 10:00:00'),
		'b.md': article('Same time B', '2021-01-01 10:00:00'),
		'a.md': article('Same time A', '2021-01-01 10:00:00'),
	});
	const first = await loadLibrary(root, {threads: false});
	const indexed: string[][] = [];
	const again = await loadLibrary(root, {threads: false, onIndexed: (metas) => indexed.push(metas.map((m) => m.path))});
	assert.deepEqual(indexed, [['new.md', 'a.md', 'b.md', 'old.md']]);
	assert.deepEqual(
		again.articles.map((a) => a.path),
		['new.md', 'a.md', 'b.md', 'old.md'],
	);
	assert.deepEqual([...again.fileStats], [...first.fileStats]);
	assert.equal(again.stats.saved, false);

	rmSync(join(root, 'a.md'));
	indexed.length = 0;
	const after = await loadLibrary(root, {threads: false, onIndexed: (metas) => indexed.push(metas.map((m) => m.path))});
	assert.deepEqual(indexed, [['new.md', 'a.md', 'b.md', 'old.md']], 'the index as it was: the walk had not run');
	assert.deepEqual(
		after.articles.map((a) => a.path),
		['new.md', 'b.md', 'old.md'],
	);
	assert.deepEqual([...after.fileStats], [...first.fileStats.subarray(0, 3), ...first.fileStats.subarray(6)]);
});

test('no index: onIndexed is not called', async () => {
	const root = library({'a.md': article('A', '2020-01-01 10:00:00')});
	let called = false;
	const scan = await loadLibrary(root, {cache: false, onIndexed: () => (called = true)});
	assert.equal(scan.articles.length, 1);
	assert.equal(called, false);
});
