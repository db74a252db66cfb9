// leaf list and the read-state store: read marks and stars.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {articleId} from '../../src/core/article/article.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import {ensureBuilt, home, runLeaf} from './run-leaf.ts';

before(ensureBuilt);

const temp = tempFolders('leaf-list-')();
let count = 0;

const library = (files: Record<string, string>): string => writeFiles(join(temp, `lib${count++}`), files);

const article = (fields: string) => `---\n${fields}\n---\n<p>body</p>\n`;

const news = library({
	'a.md': article(
		'title: 趣头条 news\ndate: Wed, 02 Feb 2022 07:38:40 GMT\ncategories: [新媒体, 趣头条, 分类]\nauthor: 趣头条',
	),
	'b/b.md': article('title: Older\ndate: 2021-10-28T14:08:07Z\ncategories: [[新媒体, 趣头条x], [编程]]\ntags: [go]'),
	'c.md': article('title: Go tips\ndate: 2020-01-01T00:00:00Z\ncategories: [编程, Go]\nlink: https://go.example/tips'),
	'd.md': article('title: Undated\ncategories: 新媒体'),
});

interface JsonArticle {
	id: string;
	path: string;
	title: string;
	date: string | null;
	author: string;
	categories: string[][];
	tags: string[];
	image: string | null;
	link: string | null;
	read: boolean;
	starred: boolean;
	warning: string | null;
}

const listJson = (args: string[], env?: Record<string, string>): JsonArticle[] => {
	const run = runLeaf(['list', ...args, '--json'], {env});
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout) as JsonArticle[];
};

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
