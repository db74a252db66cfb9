import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {articleId, bodyFormat, parseArticle, parseArticleMeta} from '../../../src/core/article/article.ts';
import {ARTICLE, articlePath} from '../../helpers/fixtures.ts';
import {corpusDir, seedPath, skipUnlessShared} from '../../helpers/shared.ts';

/** An article from front-matter lines and a body. */
const parse = (frontMatter: string, body = '<p>text</p>', path = 'news/article.md') =>
	parseArticle(`---\n${frontMatter}\n---\n${body}`, path);

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('articleId is 16 hex characters and depends only on the relative path', () => {
	assert.match(articleId('news/a.md'), /^[0-9a-f]{16}$/);
	assert.equal(articleId('news/a.md'), articleId('news/a.md'));
	assert.notEqual(articleId('news/a.md'), articleId('news/b.md'));
	assert.equal(parse('title: A', '', 'news/a.md').id, articleId('news/a.md'));
});

test("an article of the seed's shape: title, hierarchy, author, RFC 2822 date, cover image", () => {
	const article = parseArticle(readFileSync(articlePath, 'utf8'), 'seed-shape.md');
	assert.equal(article.title, '西湖边的旧书市集：三十年的摊位与新来的读者 周末再开张');
	assert.deepEqual(article.categories, [['新媒体', '城市周刊', '文化']]);
	assert.equal(article.author, '城市周刊');
	assert.equal(article.date?.toISOString(), '2023-04-15T02:30:00.000Z');
	assert.equal(article.image, 'https://img.example.com/leaf/2023/04/15/cover-market.jpeg');
	assert.equal(article.warning, null);
	assert.equal(article.format, 'html');
	assert.match(article.body, /^\s*<div>/);
	assert.deepEqual(
		{title: article.title, categories: article.categories, author: article.author, image: article.image},
		{title: ARTICLE.title, categories: ARTICLE.categories, author: ARTICLE.author, image: ARTICLE.image},
		'tests/helpers/fixtures.ts says the same',
	);
});

test(
	'the seed article: title, hierarchy, author, RFC 2822 date, cover image',
	{skip: skipUnlessShared(seedPath)},
	() => {
		const article = parseArticle(readFileSync(seedPath, 'utf8'), '000.md');
		assert.equal(article.title, '袁家军到富阳检查指导疫情防控工作：巩固放大既有成果 加快实现动态清零');
		assert.deepEqual(article.categories, [['新媒体', '趣头条', '分类']]);
		assert.equal(article.author, '趣头条');
		assert.equal(article.date?.toISOString(), '2022-02-02T07:38:40.000Z');
		assert.match(article.image ?? '', /^https:\/\/cors\.zfour\.workers\.dev\/\?http:\/\/static\.1sapp\.com\/.*\.jpeg$/);
		assert.equal(article.warning, null);
		assert.equal(article.format, 'html');
		assert.match(article.body, /^\s*<div>/);
	},
);

test('categories follow hexo: a flat list is one hierarchy, lists of lists are several', () => {
	const cases: [string, string[][]][] = [
		['categories: [新媒体, 趣头条, 分类]', [['新媒体', '趣头条', '分类']]],
		['categories:\n - 新媒体\n - 趣头条', [['新媒体', '趣头条']]],
		['categories: [[编程, Go], [生活]]', [['编程', 'Go'], ['生活']]],
		['categories: [[编程, Go], 生活]', [['编程', 'Go'], ['生活']]],
		['categories: 科技', [['科技']]],
		['categories: 2022', [['2022']]],
		['categories: [a, "", null, b]', [['a', 'b']]],
		['categories: [[a, ""], [], [""], [b]]', [['a'], ['b']]],
		['categories: [[a, b], [a, b]]', [['a', 'b']]],
		['categories: [a, [b, [c]]]', [['a'], ['b']]],
		['categories: [a, {b: c}]', [['a']]],
		['categories: {a: b}', []],
		['categories: ""', []],
		['categories:', []],
		['categories: []', []],
		['category: [x, y]', [['x', 'y']]],
		['title: no categories', []],
	];
	for (const [yaml, expected] of cases) assert.deepEqual(parse(yaml).categories, expected, yaml);
});

test('the title falls back to the file name when missing or unusable', () => {
	const cases: [string, string, string][] = [
		['title: Hello', 'a/b.md', 'Hello'],
		['title: 2048', 'a/b.md', '2048'],
		['title: 1.5', 'a/b.md', '1.5'],
		['title: true', 'a/b.md', 'true'],
		['author: x', 'a/b.md', 'b'],
		['title:', 'a/b.md', 'b'],
		['title: ""', 'a/b.md', 'b'],
		['title: "   "', 'a/b.md', 'b'],
		['title: [a, b]', 'a/b.md', 'b'],
		['title: {a: b}', 'a/b.md', 'b'],
		['title: ~', 'x/2022.01.report.markdown', '2022.01.report'],
		['title: ~', 'README.MD', 'README'],
		['title: ~', '.md', '.md'],
	];
	for (const [yaml, path, title] of cases) assert.equal(parse(yaml, '', path).title, title, `${yaml} in ${path}`);
});

test('author, tags, image and link are read from their usual keys', () => {
	const cases: [string, Partial<ReturnType<typeof parse>>][] = [
		['author: 趣头条', {author: '趣头条'}],
		['author: 42', {author: '42'}],
		['author: [Ann, Bob]', {author: 'Ann, Bob'}],
		['author: {name: Ann, link: "https://a.example"}', {author: 'Ann'}],
		['author: {link: x}', {author: ''}],
		['tags: [Go, Rust, Go, "", 3]', {tags: ['Go', 'Rust', '3']}],
		['tags: linux', {tags: ['linux']}],
		['tag: [a]', {tags: ['a']}],
		['tags: {a: b}', {tags: []}],
		['headimg: h.jpg\nthumbnail: t.jpg\ncover: c.jpg', {image: 'h.jpg'}],
		['thumbnail: t.jpg\ncover: c.jpg', {image: 't.jpg'}],
		['headimg: ""\ncover: c.jpg', {image: 'c.jpg'}],
		['headimg: [x]\nthumbnail: t.jpg', {image: 't.jpg'}],
		['title: no image', {image: null}],
		['link: https://a.example/x', {link: 'https://a.example/x'}],
		['url: http://b.example', {link: 'http://b.example'}],
		['permalink: /2022/01/x/\nsource: https://c.example', {link: 'https://c.example'}],
		['link: "javascript:alert(1)"\noriginal: https://d.example', {link: 'https://d.example'}],
		['link: [https://e.example]', {link: null}],
	];
	for (const [yaml, expected] of cases) {
		const article = parse(yaml);
		for (const [key, value] of Object.entries(expected))
			assert.deepEqual(article[key as keyof typeof article], value, yaml);
	}
});

test('dates in every form the corpus uses; unreadable ones are null', () => {
	const cases: [string, number | null][] = [
		['date: Wed, 02 Feb 2022 07:38:40 GMT', Date.UTC(2022, 1, 2, 7, 38, 40)],
		['date: 2021-10-28 14:08:07', new Date(2021, 9, 28, 14, 8, 7).getTime()],
		['date: 2021-10-28', new Date(2021, 9, 28).getTime()],
		['date: "2021-10-28 14:08:07"', new Date(2021, 9, 28, 14, 8, 7).getTime()],
		['date: 2022-07-25T12:20:15+08:00', Date.UTC(2022, 6, 25, 4, 20, 15)],
		['date: Invalid Date', null],
		['date: 2021-02-30 10:00:00', null],
		['date: 20211028', null],
		['date: [2021-10-28]', null],
		['date:', null],
		['title: undated', null],
	];
	for (const [yaml, time] of cases) assert.equal(parse(yaml).date?.getTime() ?? null, time, yaml);
});

test('a BOM, CRLF line endings and a leading blank line change nothing', () => {
	const plain = parseArticle('---\ntitle: T\ncategories: [a, b]\ndate: 2021-10-28 14:08:07\n---\n<p>x</p>\n', 'a.md');
	const variants = [
		'\ufeff---\ntitle: T\ncategories: [a, b]\ndate: 2021-10-28 14:08:07\n---\n<p>x</p>\n',
		'---\r\ntitle: T\r\ncategories: [a, b]\r\ndate: 2021-10-28 14:08:07\r\n---\r\n<p>x</p>\r\n',
		'\n\n---\ntitle: T\ncategories: [a, b]\ndate: 2021-10-28 14:08:07\n---\n<p>x</p>\n',
		'\ufeff\r\n---\r\ntitle: T\r\ncategories: [a, b]\r\ndate: 2021-10-28 14:08:07\r\n---\r\n<p>x</p>\r\n',
	];
	for (const source of variants)
		assert.deepEqual(parseArticle(source, 'a.md'), plain, JSON.stringify(source.slice(0, 12)));
});

test('files whose front matter cannot be used are still articles, with a warning', () => {
	const cases: [string, string, RegExp][] = [
		['javascript', '---js\n{title: (globalThis.leafRan = "yes")}\n---\n<p>b</p>', /not supported/],
		['toml', '---toml\ntitle = "T"\n---\n<p>b</p>', /^front matter language "toml" is not supported$/],
		['unterminated', '---\ntitle: T\n<p>b</p>', /^front matter is not closed$/],
	];
	for (const [name, source, warning] of cases) {
		const article = parseArticle(source, 'dir/broken-file.md');
		assert.equal(article.title, 'broken-file', name);
		assert.match(article.warning ?? '', warning, name);
		assert.equal(article.body, source, name);
		assert.deepEqual(article.categories, [], name);
	}
	assert.equal((globalThis as {leafRan?: string}).leafRan, undefined);
});

test('front matter YAML rejects is read line by line, with a warning', () => {
	const article = parseArticle('---\ntitle: [T\n---\n<p>b</p>', 'dir/broken-file.md');
	assert.equal(article.title, '[T');
	assert.match(article.warning ?? '', /^front matter is not valid YAML \(YAMLException line \d+\): read line by line$/);
	assert.equal(article.body, '<p>b</p>');
});

test('every text field is stripped of control characters and bidi overrides', () => {
	const article = parse(
		[
			'title: "Safe\\e[31m red\\x07\\u202e title\\x9b"',
			'author: "Ann\\e]0;owned\\x07"',
			'categories: ["a\\eb", "\\u2066c"]',
			'tags: ["t\\x00x"]',
			'headimg: "https://i.example/\\e[2Jx.jpg"',
			'link: "https://l.example/\\x1b[1m"',
		].join('\n'),
		'',
		'dir/na\x1bme.md',
	);
	const fields = [
		article.title,
		article.author,
		...article.categories.flat(),
		...article.tags,
		article.image ?? '',
		article.link ?? '',
	];
	for (const field of fields) assert.doesNotMatch(field, CONTROL, JSON.stringify(field));
	assert.match(article.title, /^Safe.*red.*title/);
	assert.equal(parseArticle('no front matter', 'dir/na\x1bme\u202e.md').title.match(CONTROL), null);
});

test('the body format: HTML when it starts with a tag, markdown otherwise', () => {
	const cases: [string, 'html' | 'markdown'][] = [
		['<div><p>x</p></div>', 'html'],
		['\n\n  <p>x</p>', 'html'],
		['<!-- note -->\n# x', 'html'],
		['# Title\n\n<p>raw html inside</p>', 'markdown'],
		['plain text', 'markdown'],
		['', 'markdown'],
	];
	for (const [body, format] of cases) {
		assert.equal(bodyFormat(body), format, body);
		assert.equal(parse('title: T', body).format, format, body);
	}
});

test('parseArticleMeta is parseArticle without the body', () => {
	const source = '---\ntitle: T\ncategories: [a]\ndate: 2021-10-28\n---\n<p>x</p>';
	const {body: _body, format: _format, ...meta} = parseArticle(source, 'a.md');
	assert.deepEqual(parseArticleMeta(source, 'a.md'), meta);
});

test(
	'every real corpus article parses cleanly with a title and a category path',
	{skip: skipUnlessShared(corpusDir)},
	() => {
		const files = readdirSync(corpusDir).filter((name) => name.endsWith('.md'));
		assert.ok(files.length >= 60, `only ${files.length} corpus files`);
		const index = new Map(
			readFileSync(join(corpusDir, 'INDEX.tsv'), 'utf8')
				.trim()
				.split('\n')
				.slice(1)
				.map((line) => line.split('\t'))
				.map((cells) => [cells[0], cells]),
		);
		for (const file of files) {
			const article = parseArticle(readFileSync(join(corpusDir, file), 'utf8'), file);
			assert.equal(article.warning, null, file);
			assert.equal(article.title, index.get(file)?.[5], file);
			assert.equal(article.categories.length, 1, file);
			assert.equal(article.categories[0]!.length, 3, file);
			// INDEX.tsv's date-form column: `other(Invalid Date)` is the only form without a date.
			assert.equal(article.date === null, index.get(file)?.[3]?.startsWith('other'), file);
		}
	},
);

test('the last keys of image and link, an infinite title, nested authors, look-alike hierarchies', () => {
	assert.equal(parse('image: https://i.example/a.png').image, 'https://i.example/a.png');
	assert.equal(parse('source: https://s.example/a').link, 'https://s.example/a');
	assert.equal(parse('link: see https://s.example/a').link, null);
	assert.equal(parse('link: see https://s.example/a\noriginal: http://o.example/').link, 'http://o.example/');
	assert.equal(parse('title: .inf', '', 'a/b.md').title, 'b');
	assert.equal(parse('title: .nan', '', 'a/b.md').title, 'b');
	assert.equal(parse('author: [A, {name: B}, [C]]').author, 'A, B, C');
	assert.deepEqual(parse('categories: [[ab, c], [a, bc]]').categories, [
		['ab', 'c'],
		['a', 'bc'],
	]);
});
