// Where a load works (scan-plan.ts): a small indexed library all on the calling thread, a middling one
// walked there with workers only for the files to read, a large or unindexed one walked and read in workers.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {statSync} from 'node:fs';
import {scanPlan} from '../../src/io/scan-plan.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {indexOf, library, uncached, write} from '../helpers/index-library.ts';

const article = (title: string) => `---\ntitle: ${title}\ndate: 2021-10-28 14:08:07\n---\n<p>${title}</p>\n`;

test('the plan follows the size of the index', () => {
	const KiB = 1024;
	const MiB = 1024 * KiB;
	const where = (bytes: number | null) => {
		const {threads, walkHere} = scanPlan(bytes, 2);
		return {threads, walkHere};
	};
	assert.deepEqual(where(null), {threads: true, walkHere: false}, 'no index: every file is to read');
	assert.deepEqual(where(0), {threads: false, walkHere: true});
	assert.deepEqual(where(512 * KiB - 1), {threads: false, walkHere: true});
	assert.deepEqual(where(512 * KiB), {threads: true, walkHere: true});
	assert.deepEqual(where(10 * MiB - 1), {threads: true, walkHere: true});
	assert.deepEqual(where(10 * MiB), {threads: true, walkHere: false});
});

test("a helper shares the walking worker's stats when a core is free for it", () => {
	const large = 10 * 1024 * 1024;
	assert.equal(scanPlan(large, 2).helper, true, 'the browser: the index read, the walk has both cores');
	assert.equal(scanPlan(large, 2, true).helper, false, '`leaf list`: this thread reads the index meanwhile');
	assert.equal(scanPlan(large, 3, true).helper, true);
	assert.equal(scanPlan(large, 1).helper, false);
	assert.equal(scanPlan(null, 2, true).helper, true, 'no index to read meanwhile');
	assert.equal(scanPlan(null, 1).helper, false, 'one core: the walking worker alone');
	assert.equal(scanPlan(large - 1, 4).helper, false, 'walked on this thread: no walking worker to help');
});

test('a middling indexed library is walked on this thread; a worker starts only for a file to read', async () => {
	const files: Record<string, string> = {};
	// Long titles: an index past the small size (512 KiB) with few files.
	for (let i = 0; i < 400; i++) files[`d${i % 3}/a${i}.md`] = article(`T${i} ${'长标题'.repeat(240)}`);
	const root = library(files);
	const cold = await loadLibrary(root);
	assert.deepEqual([cold.stats.index, cold.stats.threads], ['missing', true]);
	assert.ok(statSync(indexOf(root)).size >= 512 * 1024, `index of ${statSync(indexOf(root)).size} bytes`);

	const warm = await loadLibrary(root);
	assert.deepEqual([warm.stats.index, warm.stats.parsed, warm.stats.threads], ['used', 0, false]);
	assert.equal(warm.articles.length, 400);

	write(root, 'd0/a0.md', article('T0 edited'));
	const edited = await loadLibrary(root);
	assert.deepEqual([edited.stats.reused, edited.stats.parsed, edited.stats.threads], [399, 1, true]);
	assert.deepEqual(edited.articles, await uncached(root));
	assert.equal(edited.articles.find((meta) => meta.path === 'd0/a0.md')?.title, 'T0 edited');
});
