import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sameFileStats, sizesByPath} from '../../src/io/scan-types.ts';
import type {ArticleMeta} from '../../src/core/article/article.ts';

test('a file is unchanged only if its size, mtime and ctime are all as known, each read at its own position', () => {
	// Known: two files; found: the second one, first in its batch.
	const known = Float64Array.of(1, 2, 3, 100, 200, 300);
	assert.equal(sameFileStats(known, 1, [100, 200, 300], 0), true);
	assert.equal(sameFileStats(known, 0, [9, 9, 9, 1, 2, 3], 1), true);
	assert.equal(sameFileStats(known, 1, [101, 200, 300], 0), false, 'size');
	assert.equal(sameFileStats(known, 1, [100, 201, 300], 0), false, 'mtime');
	assert.equal(sameFileStats(known, 1, [100, 200, 301], 0), false, 'ctime');
	assert.equal(sameFileStats(known, 0, [100, 200, 300], 0), false, 'another file');
});

test('the size of each file by its path: the first of its three numbers, at its own place', () => {
	const meta = (path: string) => ({path}) as ArticleMeta;
	const sizes = sizesByPath({articles: [meta('a.md'), meta('b/c.md')], stats: Float64Array.of(10, 2, 3, 77, 5, 6)});
	assert.deepEqual(
		sizes,
		new Map([
			['a.md', 10],
			['b/c.md', 77],
		]),
	);
});
