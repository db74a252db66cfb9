// The index cache on a warm start: unchanged files are reused, edits are seen, a moved library keeps its ids.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadLibrary} from '../../src/io/library.ts';
import {article, byPath, freshPath, library, someArticles, uncached, write} from '../helpers/index-library.ts';

test('warm start: unchanged files are not read again; new, changed and deleted files are seen', async () => {
	const root = library(someArticles(40));
	const cold = await loadLibrary(root, {threads: false});
	assert.deepEqual(
		{...cold.stats, threads: undefined},
		{reused: 0, parsed: 40, dropped: 0, index: 'missing', saved: true, threads: undefined},
	);

	const warm = await loadLibrary(root, {threads: false});
	assert.deepEqual(
		[warm.stats.reused, warm.stats.parsed, warm.stats.dropped, warm.stats.index, warm.stats.saved],
		[40, 0, 0, 'used', false],
	);
	assert.deepEqual(warm.articles, cold.articles);

	write(root, 'd0/a0.md', article('Changed title'));
	write(root, 'new/fresh.md', article('Fresh'));
	rmSync(join(root, 'd1/a1.md'));
	const after = await loadLibrary(root, {threads: false});
	assert.deepEqual([after.stats.reused, after.stats.parsed, after.stats.dropped, after.stats.saved], [38, 2, 1, true]);
	const articles = byPath(after);
	assert.equal(articles.get('d0/a0.md')?.title, 'Changed title');
	assert.equal(articles.get('new/fresh.md')?.title, 'Fresh');
	assert.equal(articles.has('d1/a1.md'), false);
	assert.deepEqual(after.articles, await uncached(root));

	const again = await loadLibrary(root, {threads: false});
	assert.deepEqual([again.stats.reused, again.stats.parsed, again.stats.saved], [40, 0, false]);
});

test('an edit that keeps the size and the old mtime is still seen (ctime changes)', async () => {
	const root = library({'a.md': article('AAAA')});
	const file = join(root, 'a.md');
	// Whole seconds, so that setting it again gives exactly the same mtimeMs.
	const mtime = 1_600_000_000;
	utimesSync(file, mtime, mtime);
	await loadLibrary(root, {threads: false});
	const before = statSync(file);
	writeFileSync(file, article('BBBB'));
	utimesSync(file, mtime, mtime);
	assert.deepEqual([statSync(file).size, statSync(file).mtimeMs], [before.size, before.mtimeMs]);
	const scan = await loadLibrary(root, {threads: false});
	assert.equal(scan.stats.parsed, 1);
	assert.equal(scan.articles[0]?.title, 'BBBB');
});

test('a moved library gets its own index and keeps its ids; a symlink to it shares it', async () => {
	const root = library(someArticles(5));
	const before = await loadLibrary(root, {threads: false});
	const moved = freshPath('moved');
	renameSync(root, moved);
	const scan = await loadLibrary(moved, {threads: false});
	assert.deepEqual([scan.stats.index, scan.stats.parsed], ['missing', 5]);
	assert.deepEqual(
		scan.articles.map((a) => [a.id, a.path, a.title]),
		before.articles.map((a) => [a.id, a.path, a.title]),
	);
	const link = freshPath('link');
	symlinkSync(moved, link);
	const viaLink = await loadLibrary(link, {threads: false});
	assert.deepEqual([viaLink.stats.index, viaLink.stats.parsed], ['used', 0]);
});
