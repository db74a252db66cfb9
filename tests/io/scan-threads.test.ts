// The walk in worker threads with a helper sharing its stats (src/io/scan-threads.ts): whatever share the helper
// takes, every file is reported once and the end of the walk comes after the last of them.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import type {FoundBatch} from '../../src/io/library-walk.ts';
import {openScanSource} from '../../src/io/scan-threads.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const temp = tempFolders('leaf-scan-threads-');

test('with a helper from the start: 3,000 files, each reported once, then one empty batch that ends the walk', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 3000; i++) files[`d${i % 3}/${i}.md`] = 'x'.repeat(i % 7);
	const root = writeFiles(join(temp(), 'lib'), files);
	const batches: FoundBatch[] = [];
	const source = openScanSource(root, (batch) => batches.push(batch), {helperAfterFiles: 0});
	try {
		assert.equal(source.threaded, true);
		await source.walked;
		const ends = batches.flatMap((batch, i) => (batch.paths.length === 0 ? [i] : []));
		assert.deepEqual(ends, [batches.length - 1], 'one empty batch, the last');
		const paths = batches.flatMap((batch) => batch.paths);
		assert.equal(paths.length, 3000);
		assert.deepEqual(new Set(paths), new Set(Object.keys(files)));
		const sizes = new Map(batches.flatMap((batch) => batch.paths.map((path, i) => [path, batch.stats[i * 3]])));
		assert.equal(sizes.get('d1/1000.md'), 1000 % 7);
		assert.equal(sizes.get('d2/2999.md'), 2999 % 7);
		// After the walk both workers parse.
		const parsed = await source.parse(['d0/0.md', 'd1/1.md']);
		assert.equal(parsed.metas.length, 2);
	} finally {
		source.close();
	}
});

test('walked on this thread: each file once, the end last, and a worker only once a file is to be read', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 1200; i++) files[`d${i % 2}/${i}.md`] = `---\ntitle: T${i}\n---\n`;
	const root = writeFiles(join(temp(), 'lib'), files);
	const batches: FoundBatch[] = [];
	const source = openScanSource(root, (batch) => batches.push(batch), {walkHere: true});
	try {
		assert.equal(batches.length, 0, 'the walk starts a turn later, never inside the call');
		await source.walked;
		assert.equal(source.threaded, false, 'no worker for the walk');
		assert.ok(batches.length > 2, 'in batches, a turn of the event loop each');
		assert.deepEqual(
			batches.flatMap((batch, i) => (batch.paths.length === 0 ? [i] : [])),
			[batches.length - 1],
		);
		assert.deepEqual(new Set(batches.flatMap((batch) => batch.paths)), new Set(Object.keys(files)));
		assert.equal(batches.flatMap((batch) => batch.paths).length, 1200);
		const parsed = await source.parse(['d0/0.md', 'd1/1.md']);
		assert.deepEqual(
			parsed.metas.map((meta) => meta?.title),
			['T0', 'T1'],
		);
		assert.equal(source.threaded, true, 'a worker read them');
	} finally {
		source.close();
	}
});

test('walked on this thread and closed midway: nothing more is reported', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 1200; i++) files[`${i}.md`] = '';
	const root = writeFiles(join(temp(), 'lib'), files);
	const batches: FoundBatch[] = [];
	const source = openScanSource(
		root,
		(batch) => {
			batches.push(batch);
			source.close();
		},
		{walkHere: true},
	);
	await new Promise((resolve) => setTimeout(resolve, 100));
	assert.equal(batches.length, 1);
});
