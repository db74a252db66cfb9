// `leaf list --json` through the built CLI, cold, warm and warm again: the rows kept by a warm list are copied by
// the next (list-early.ts, json-rows.ts), and the output never differs from what a cold list prints.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {article, library, temp} from './list-library.ts';
import {ensureBuilt, runLeaf} from './run-leaf.ts';

ensureBuilt();

test('list --json prints the same cold, warm and from kept rows; an edit shows at once', () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 40; i++)
		files[`d${i % 3}/a${i}.md`] = article(`title: 标题 "${i}"\ndate: 2022-01-${String(1 + (i % 28)).padStart(2, '0')}`);
	const root = library(files);
	const cache = join(temp, 'warm-cache');
	const list = () => {
		const run = runLeaf(['list', root, '--json'], {env: {XDG_CACHE_HOME: cache}});
		assert.equal(run.status, 0, run.stderr);
		assert.equal(run.stderr, '');
		return run.stdout;
	};
	const kept = () => readdirSync(join(cache, 'leaf')).filter((name) => name.endsWith('.rows'));

	const cold = list();
	assert.equal(JSON.parse(cold).length, 40);
	assert.deepEqual(kept(), [], 'no index was read: nothing to keep rows for');
	assert.equal(list(), cold, 'warm: made while the walk ran');
	assert.equal(kept().length, 1);
	assert.equal(list(), cold, 'warm again: copied from the kept rows');

	writeFileSync(join(root, 'd1/a1.md'), article('title: edited\ndate: 2022-01-02'));
	const edited = list();
	assert.equal(edited, cold.replace('标题 \\"1\\"', 'edited'));
	const uncached = runLeaf(['list', root, '--json'], {env: {XDG_CACHE_HOME: join(temp, 'no-cache')}});
	assert.equal(edited, uncached.stdout);
});
