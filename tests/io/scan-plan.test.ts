// Where a load works (scan-plan.ts): a small indexed library all on the calling thread, a middling one
// walked there with workers only for the files to read, a large or unindexed one walked and read in workers.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {statSync} from 'node:fs';
import {KNOWN_PLAN, scanPlan} from '../../src/io/scan-plan.ts';
import {walkHere} from '../../src/io/scan-here.ts';
import {isSmallLibrary} from '../../src/io/library-walk.ts';
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

test('with no index, a library of up to 256 articles is read on this thread, a larger one in workers', async () => {
	assert.equal(scanPlan(null, 2).hereUpTo, 256);
	assert.equal(scanPlan(0, 2).hereUpTo, undefined, 'an indexed library goes by its index');
	const small: Record<string, string> = {};
	for (let i = 0; i < 256; i++) small[`d${i % 4}/s${i}.md`] = article(`S${i}`);
	const smallRoot = library(small);
	const smallLoad = await loadLibrary(smallRoot);
	assert.deepEqual([smallLoad.stats.index, smallLoad.stats.parsed, smallLoad.stats.threads], ['missing', 256, false]);
	const largeRoot = library({...small, 'd9/one-more.md': article('one more')});
	const largeLoad = await loadLibrary(largeRoot);
	assert.deepEqual([largeLoad.stats.index, largeLoad.stats.parsed, largeLoad.stats.threads], ['missing', 257, true]);
	assert.deepEqual(smallLoad.articles, await uncached(smallRoot), 'read here as a load without a cache reads it');
});

test('isSmallLibrary counts articles, in every folder, up to one past the limit', () => {
	const files: Record<string, string> = {
		'a.md': '',
		'x/b.md': '',
		'x/y/c.markdown': '',
		'notes.txt': '',
		'x/d.png': '',
	};
	const root = library(files);
	assert.equal(isSmallLibrary(root, 3), true);
	assert.equal(isSmallLibrary(root, 2), false);
	assert.equal(isSmallLibrary(library({}), 0), true, 'an empty library');
	assert.equal(isSmallLibrary(`${root}/missing`, 100), false, 'a folder that cannot be walked is left to the load');
});

test('a read again against what a load found walks on this thread, a small batch a turn, with no worker', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 1000; i++) files[`d${i % 2}/a${i}.md`] = article(`T${i}`);
	const root = library(files);
	const first = await loadLibrary(root);
	const again = await loadLibrary(root, {known: {articles: first.articles, stats: first.fileStats}});
	assert.equal(again.articles, first.articles, 'nothing changed: the very articles it was given');
	assert.deepEqual([again.stats.parsed, again.stats.threads], [0, false]);
	// The walk of that plan hands over (and yields to the keys) every walkChunk files.
	const sizes: number[] = [];
	await walkHere(
		root,
		(batch) => sizes.push(batch.paths.length),
		() => false,
		KNOWN_PLAN.walkChunk,
	);
	assert.equal(
		sizes.reduce((sum, size) => sum + size, 0),
		1000,
	);
	assert.ok(Math.max(...sizes) <= 128, `batches of ${sizes.join(', ')}`);
});
