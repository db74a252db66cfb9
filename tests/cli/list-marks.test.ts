// leaf list and the read-state store: read marks and stars.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {articleId} from '../../src/core/article/article.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import {ensureBuilt, home, runLeaf} from './run-leaf.ts';
import {listJson, news} from './list-library.ts';

before(ensureBuilt);

test('read marks come from the read-state store: ● only for unread, --unread hides the read', () => {
	const config = join(home, 'config-read');
	const store = openReadStore({cwd: join(config, 'leaf'), library: news});
	store.setRead(articleId('b/b.md'), true);
	store.flush();
	const env = {XDG_CONFIG_HOME: config};
	assert.deepEqual(
		listJson([news], env).map((a) => [a.path, a.read]),
		[
			['a.md', false],
			['b/b.md', true],
			['c.md', false],
			['d.md', false],
		],
	);
	assert.deepEqual(
		listJson([news, '--unread'], env).map((a) => a.path),
		['a.md', 'c.md', 'd.md'],
	);
	const rows = runLeaf(['list', news], {env}).stdout.trimEnd().split('\n');
	assert.deepEqual(
		rows.map((row) => row.split('\t')[1]),
		['●', ' ', '●', '●'],
	);
});

test('stars come from the read-state store: starred in --json, --starred lists only them', () => {
	const config = join(home, 'config-starred');
	const store = openReadStore({cwd: join(config, 'leaf'), library: news});
	store.setStarred(articleId('c.md'), true);
	store.setStarred(articleId('a.md'), true);
	store.setRead(articleId('a.md'), true);
	store.flush();
	const env = {XDG_CONFIG_HOME: config};
	assert.deepEqual(
		listJson([news], env).map((a) => [a.path, a.read, a.starred]),
		[
			['a.md', true, true],
			['b/b.md', false, false],
			['c.md', false, true],
			['d.md', false, false],
		],
	);
	assert.deepEqual(
		listJson([news, '--starred'], env).map((a) => a.path),
		['a.md', 'c.md'],
	);
	assert.deepEqual(
		listJson([news, '--starred', '--unread'], env).map((a) => a.path),
		['c.md'],
	);
	const rows = runLeaf(['list', news, '--starred'], {env}).stdout.trimEnd().split('\n');
	assert.deepEqual(
		rows.map((row) => row.split('\t').at(-1)),
		['a.md', 'c.md'],
	);
});
