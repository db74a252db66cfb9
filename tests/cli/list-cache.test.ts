// `leaf list --json` and its list cache (cli/list-cached.ts): an unchanged library is listed from the cache, with
// the marks of now; files changed, added or deleted are listed as a load finds them, and cached again.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, realpathSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {articleId, type ArticleMeta} from '../../src/core/article/article.ts';
import {JSON_FORMAT, jsonBlock} from '../../src/cli/list-json.ts';
import {readListCache, writeListCache} from '../../src/io/list-cache.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import {ensureBuilt, home, runLeaf} from './run-leaf.ts';
import {article, library, type JsonArticle} from './list-library.ts';

before(ensureBuilt);

let homes = 0;
/** A cache and config folder of its own, and `leaf list --json` with them. */
function setting() {
	const folder = join(home, `list-cache-${homes++}`);
	const env = {XDG_CACHE_HOME: join(folder, 'cache'), XDG_CONFIG_HOME: join(folder, 'config')};
	const list = (root: string, ...args: string[]) => {
		const run = runLeaf(['list', root, '--json', ...args], {env});
		assert.equal(run.status, 0, run.stderr);
		return {text: run.stdout, articles: JSON.parse(run.stdout) as JsonArticle[], stderr: run.stderr};
	};
	const listFile = () => {
		const names = readdirSync(join(env.XDG_CACHE_HOME, 'leaf')).filter((name) => name.startsWith('list-'));
		assert.equal(names.length, 1, names.join(' '));
		return join(env.XDG_CACHE_HOME, 'leaf', names[0]!);
	};
	return {env, list, listFile, config: join(env.XDG_CONFIG_HOME, 'leaf')};
}

const files = () => ({
	'a.md': article('title: Alpha\ndate: 2022-02-02T07:38:40Z\ncategories: [新媒体, 趣头条]'),
	'b/b.md': article('title: Beta\ndate: 2021-10-28T14:08:07Z\ntags: [go]'),
	'c.md': article('title: Gamma\ndate: 2020-01-01T00:00:00Z\nlink: https://go.example/tips'),
	'd.md': '---\ntitle: [x\n---\n<p>broken front matter</p>\n',
});

/** The cache's lines rewritten with `title` for `path`, its keys as they were: what a list from it must show. */
async function doctor(file: string, root: string, listed: JsonArticle[], path: string, title: string) {
	const cache = await readListCache(file, realpathSync(root), JSON_FORMAT);
	assert.ok(cache, 'the first list wrote a cache');
	const {paths, ids, stats, warnings, times} = cache.keys;
	await cache.close();
	const metas = listed.map((item): ArticleMeta => ({
		...item,
		title: item.path === path ? title : item.title,
		date: item.date === null ? null : new Date(item.date),
	}));
	assert.ok(
		await writeListCache(file, realpathSync(root), JSON_FORMAT, {paths, ids, stats, warnings, times}, [
			jsonBlock(metas),
		]),
	);
}

test('an unchanged library is listed from the cache, its marks and stars as they are now', async () => {
	const {env, list, listFile, config} = setting();
	const root = library(files());
	const first = list(root);
	assert.deepEqual(
		first.articles.map((item) => item.title),
		['Alpha', 'Beta', 'Gamma', '[x'],
	);
	assert.match(first.stderr, /^leaf: d\.md: front matter is not valid YAML/);
	await doctor(listFile(), root, first.articles, 'b/b.md', 'From the cache');
	const cached = list(root);
	assert.deepEqual(
		cached.articles.map((item) => item.title),
		['Alpha', 'From the cache', 'Gamma', '[x'],
	);
	assert.equal(cached.stderr, first.stderr, 'the same warnings');
	assert.equal(cached.text, first.text.replace('"Beta"', '"From the cache"'), 'the same text');

	const store = openReadStore({cwd: config, library: root});
	store.setRead(articleId('a.md'), true);
	store.setStarred(articleId('c.md'), true);
	store.setRead(articleId('c.md'), true);
	store.flush();
	const marked = list(root);
	assert.deepEqual(
		marked.articles.map((item) => [item.title, item.read, item.starred]),
		[
			['Alpha', true, false],
			['From the cache', false, false],
			['Gamma', true, true],
			['[x', false, false],
		],
	);
	assert.deepEqual(
		list(root, '--unread').articles.map((item) => item.title),
		['From the cache', '[x'],
	);
	assert.deepEqual(
		list(root, '--starred').articles.map((item) => item.title),
		['Gamma'],
	);
	assert.deepEqual(JSON.parse(runLeaf(['list', root, '--json', '--starred', '--unread'], {env}).stdout), []);
	// --category needs what the cache does not hold: the articles as the index has them.
	assert.deepEqual(
		list(root, '--category', '新媒体').articles.map((item) => item.title),
		['Alpha'],
	);

	// A file's time changed: it is read again, its line made anew and cached.
	const later = new Date('2030-01-01T00:00:00Z');
	utimesSync(join(root, 'b/b.md'), later, later);
	assert.deepEqual(
		list(root).articles.map((item) => item.title),
		['Alpha', 'Beta', 'Gamma', '[x'],
	);
	const again = list(root);
	assert.deepEqual(
		again.articles.map((item) => [item.title, item.read]),
		[
			['Alpha', true],
			['Beta', false],
			['Gamma', true],
			['[x', false],
		],
	);
});

test('files added, changed and deleted since the cache: the lines of the rest are the cached ones, the new ones made', async () => {
	const {list, listFile} = setting();
	const root = library(files());
	const first = list(root);
	const file = listFile();
	await doctor(file, root, first.articles, 'a.md', 'Cached Alpha');
	// Only a file deleted: every file the walk finds is cached, but not every cached file is found.
	rmSync(join(root, 'b/b.md'));
	assert.deepEqual(
		list(root).articles.map((item) => item.title),
		['Cached Alpha', 'Gamma', '[x'],
	);
	writeFileSync(join(root, 'e.md'), article('title: Epsilon\ndate: 2023-05-05T00:00:00Z'));
	writeFileSync(join(root, 'f.md'), '---\ntitle: [y\ndate: 2019-01-01\n---\n<p>broken too</p>\n');
	writeFileSync(join(root, 'c.md'), article('title: Gamma, rewritten\ndate: 2020-01-01T00:00:00Z'));
	const changed = list(root);
	const fresh = setting().list(root);
	assert.deepEqual(
		changed.articles.map((item) => item.title),
		['Epsilon', 'Cached Alpha', 'Gamma, rewritten', '[y', '[x'],
	);
	assert.equal(changed.text, fresh.text.replace('"Alpha"', '"Cached Alpha"'), 'the same text as made anew');
	assert.deepEqual(changed.stderr.split('\n').sort(), fresh.stderr.split('\n').sort(), 'the same warnings');
	assert.match(changed.stderr, /f\.md: front matter is not valid YAML/);
	assert.equal(listFile(), file, 'the same file, written again');
	assert.equal(list(root).text, changed.text, 'from the new cache');
	// Everything gone: an empty list, from the cache.
	for (const name of ['a.md', 'c.md', 'd.md', 'e.md', 'f.md']) rmSync(join(root, name));
	assert.equal(list(root).text, '[]\n');
	writeFileSync(join(root, 'g.md'), article('title: Back'));
	assert.deepEqual(
		list(root).articles.map((item) => item.title),
		['Back'],
	);
});

test('a damaged list cache is no cache: the list is as without one, and the cache is written anew', async () => {
	const {list, listFile} = setting();
	const root = library(files());
	const first = list(root);
	writeFileSync(listFile(), 'not a list cache\n');
	assert.equal(list(root).text, first.text);
	assert.ok(await readListCache(listFile(), realpathSync(root), JSON_FORMAT), 'written again');
	assert.equal(list(root).text, first.text);
});
