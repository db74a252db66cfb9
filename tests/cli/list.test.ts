import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {articleId} from '../../src/core/article/article.ts';
import {ensureBuilt, hasScript, home, inTerminal, leafBin, repo, runLeaf} from './run-leaf.ts';
import stringWidth from 'string-width';
import {article, library, listJson, news, temp, type JsonArticle} from './list-library.ts';

before(ensureBuilt);

test('piped, list prints one row per article, fields tab-separated and never cut, the file path last', () => {
	const {status, stdout, stderr} = runLeaf(['list', news]);
	assert.equal(status, 0);
	assert.equal(stderr, '');
	const rows = stdout.trimEnd().split('\n');
	assert.equal(rows.length, 4);
	assert.match(rows[0]!, /^2022-02-02 \d\d:38\t●\t新媒体\/趣头条\/分类\t趣头条 news\ta\.md$/);
	assert.match(rows[1]!, /^2021-10-2[89] \d\d:08\t●\t新媒体\/趣头条x, 编程\tOlder\tb\/b\.md$/);
	assert.match(rows[2]!, /^20(20-01-01|19-12-31) \d\d:00\t●\t编程\/Go\tGo tips\tc\.md$/);
	assert.equal(rows[3], '\t●\t新媒体\tUndated\td.md');
	const long = library({
		'deep/long.md': article(
			'title: A title long enough to have been cut at any terminal width one would use for reading\ncategories: [新媒体, 人人都是产品经理, 最新文章, 产品运营]',
		),
	});
	assert.equal(
		runLeaf(['list', long]).stdout,
		'\t●\t新媒体/人人都是产品经理/最新文章/产品运营\tA title long enough to have been cut at any terminal width one would use for reading\tdeep/long.md\n',
	);
});

test('list --json: every field, dates as ISO 8601 with a zone or null, newest first', () => {
	const articles = listJson([news]);
	assert.deepEqual(
		articles.map((a) => a.path),
		['a.md', 'b/b.md', 'c.md', 'd.md'],
	);
	assert.deepEqual(articles[0], {
		id: articleId('a.md'),
		path: 'a.md',
		title: '趣头条 news',
		date: '2022-02-02T07:38:40.000Z',
		author: '趣头条',
		categories: [['新媒体', '趣头条', '分类']],
		tags: [],
		image: null,
		link: null,
		read: false,
		starred: false,
		warning: null,
	});
	assert.deepEqual(articles[1]!.categories, [['新媒体', '趣头条x'], ['编程']]);
	assert.equal(articles[2]!.link, 'https://go.example/tips');
	assert.equal(articles[3]!.date, null);
	assert.deepEqual(listJson([library({})]), []);
});

test('--category keeps articles with a hierarchy under that path', () => {
	const cases: [string, string[]][] = [
		['新媒体/趣头条', ['a.md']],
		['新媒体', ['a.md', 'b/b.md', 'd.md']],
		[' 新媒体 / 趣头条x /', ['b/b.md']],
		['编程', ['b/b.md', 'c.md']],
		['编程/Go', ['c.md']],
	];
	for (const [category, paths] of cases) {
		assert.deepEqual(
			listJson([news, '--category', category]).map((a) => a.path),
			paths,
			category,
		);
	}
	const rows = runLeaf(['list', news, '--category', '编程/Go']).stdout.trimEnd().split('\n');
	assert.equal(rows.length, 1);
	assert.match(rows[0]!, /\tGo tips\tc\.md$/);
});

test('--category that matches no category: one line naming the nearest ones, exit 1', () => {
	const cases: [string[], string][] = [
		[['--category', '编程/go'], 'leaf: no category 编程/go; nearest: 编程/Go, 编程, 新媒体\n'],
		[['--category', '趣头条'], 'leaf: no category 趣头条; nearest: 新媒体/趣头条, 编程, 新媒体\n'],
		[
			['--category', '新媒体/趣头条/分类/更深', '--json'],
			'leaf: no category 新媒体/趣头条/分类/更深; nearest: 新媒体/趣头条/分类, 新媒体/趣头条, 新媒体/趣头条x\n',
		],
	];
	for (const [args, stderr] of cases) {
		const run = runLeaf(['list', news, ...args]);
		assert.equal(run.status, 1, args.join(' '));
		assert.equal(run.stdout, '');
		assert.equal(run.stderr, stderr);
	}
	const none = runLeaf(['list', library({'x.md': article('title: X')}), '--category', 'Go']);
	assert.equal(none.status, 1);
	assert.equal(none.stderr, 'leaf: no category Go: this library has no categories\n');
	const readOnly = runLeaf(['list', news, '--category', '编程/Go', '--unread']);
	assert.equal(readOnly.status, 0, 'a category that exists but has nothing unread is no error');
});

test('`leaf DIR` and `LEAF_DIR=DIR leaf` print exactly what `leaf list DIR` prints when piped', () => {
	const expected = runLeaf(['list', news]);
	assert.deepEqual(runLeaf([news]), expected);
	assert.deepEqual(runLeaf([], {env: {LEAF_DIR: news}}), expected);
	assert.deepEqual(runLeaf(['list'], {env: {LEAF_DIR: news}}), expected);
	assert.deepEqual(
		runLeaf([news, '--json', '--category', '编程']),
		runLeaf(['list', news, '--json', '--category', '编程']),
	);
});

test('without LEAF_DIR the bundled manual is listed', () => {
	const run = runLeaf(['list', '--json']);
	assert.equal(run.status, 0, run.stderr);
	const direct = runLeaf(['list', join(repo, 'content'), '--json']);
	assert.equal(run.stdout, direct.stdout);
});

test('broken articles are listed and warned about; hostile names and titles reach no terminal', () => {
	const root = library({
		'broken.md': '---\ntitle: [x\n---\nbody',
		'evil\x1b[2J.md': article('title: "t\\e]0;pwned\\x07itle"\ncategories: ["c\\x9bat"]'),
	});
	symlinkSync(join(root, 'gone.md'), join(root, 'dangling\x07.md'));
	for (const args of [
		['list', root],
		['list', root, '--json'],
	]) {
		const {status, stdout, stderr} = runLeaf(args);
		assert.equal(status, 0, args.join(' '));
		// Tabs separate the plain list's fields: exactly four a row, none from an article.
		assert.ok(
			stdout
				.trimEnd()
				.split('\n')
				.every((row) => args.includes('--json') || row.split('\t').length === 5),
			stdout,
		);
		assert.doesNotMatch(
			stdout.replaceAll('\t', ' '),
			/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/,
			args.join(' '),
		);
		assert.doesNotMatch(stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, args.join(' '));
		const warnings = stderr.trimEnd().split('\n');
		assert.equal(warnings.length, 2, stderr);
		assert.ok(
			warnings.every((line) => line.startsWith('leaf: ')),
			stderr,
		);
		assert.ok(
			warnings.some((line) =>
				/broken\.md: front matter is not valid YAML \(YAMLException line \d+\): read line by line$/.test(line),
			),
			stderr,
		);
		assert.ok(
			warnings.some((line) => /^leaf: skipped dangling.*\.md: broken link$/.test(line)),
			stderr,
		);
	}
	const broken = listJson([root]).find((a) => a.path === 'broken.md');
	assert.equal(broken?.title, '[x');
	assert.match(broken?.warning ?? '', /^front matter is not valid YAML/);
});

test('list errors: 1 for a missing library or a file, 2 for usage', () => {
	const cases: [string[], number, RegExp][] = [
		[['list', join(temp, 'nope')], 1, /^leaf: no such folder: .*nope\n$/],
		[['list', join(news, 'a.md')], 1, /^leaf: not a folder: .*a\.md\n$/],
		[[join(temp, 'nope')], 1, /^leaf: no such folder: .*nope\n$/],
		[['list', '--bogus'], 2, /^leaf: unknown option: --bogus \(see: leaf help list\)\n$/],
		[['list', news, news], 2, /^leaf: unexpected argument: /],
		[['list', '--category'], 2, /^leaf: option --category needs a value/],
		[['list', '--json=yes'], 2, /^leaf: option --json does not take a value/],
		[['--width', '40'], 2, /^leaf: unknown option: --width \(see: leaf help\)\n$/],
	];
	for (const [args, status, stderr] of cases) {
		const run = runLeaf(args);
		assert.equal(run.status, status, args.join(' '));
		assert.match(run.stderr, stderr, args.join(' '));
		assert.equal(run.stdout, '', args.join(' '));
	}
});

test('a reader that goes away (`leaf list | head -1`) ends leaf quietly', {timeout: 30_000}, async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 1500; i++)
		files[`a${i}.md`] = article(`title: ${'long title '.repeat(12)}${i}\ndate: 2021-01-01`);
	const root = library(files);
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		XDG_CONFIG_HOME: join(home, 'config'),
		XDG_CACHE_HOME: join(home, 'cache'),
	};
	const child = spawn(process.execPath, [leafBin, 'list', root], {env, stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
	child.stdout.destroy();
	const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
	assert.equal(status, 0);
	assert.equal(stderr, '');
});

test(
	'in a terminal: rows are cut to its width, and list options print the list instead of browsing',
	{skip: !hasScript && 'no script(1)'},
	() => {
		const leaf = `${JSON.stringify(process.execPath)} ${JSON.stringify(leafBin)}`;
		const rows = inTerminal(`${leaf} list ${JSON.stringify(news)}`, 30);
		assert.equal(rows.status, 0);
		const lines = rows.output.trimEnd().split('\n');
		assert.equal(lines.length, 4);
		assert.ok(
			lines.every((line) => stringWidth(line) <= 30),
			rows.output,
		);
		assert.ok(
			lines.every((line) => line.endsWith('…')),
			rows.output,
		);
		const json = inTerminal(`${leaf} ${JSON.stringify(news)} --json --category 编程`, 80);
		assert.equal(json.status, 0);
		assert.deepEqual(
			(JSON.parse(json.output) as JsonArticle[]).map((a) => a.path),
			['b/b.md', 'c.md'],
		);
	},
);
