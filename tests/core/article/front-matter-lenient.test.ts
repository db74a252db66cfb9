// Front matter that YAML rejects, read line by line: a table of forms seen in RSS-to-markdown output and in
// the trackers of hexo, jekyll and hugo, each with the fields a person reads in it and its body rendered whole.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseArticle} from '../../../src/core/article/article.ts';
import {readFrontMatter} from '../../../src/core/article/front-matter.ts';
import {unquote} from '../../../src/core/article/front-matter-lenient.ts';
import {renderArticle} from '../../../src/core/render/render.ts';

interface Case {
	name: string;
	block: string;
	fields: Record<string, unknown>;
}

const cases: Case[] = [
	{
		name: 'runs of quotes around a title (RSS generators)',
		block: 'title: """""""""\'Some title\'"""""""""\nauthor: 微信开放社区',
		fields: {title: 'Some title', author: '微信开放社区'},
	},
	{
		name: 'inner double quotes kept',
		block: 'title: "他说 "你好" 然后走了"\ndate: 2021-10-28 14:08:07',
		fields: {title: '他说 "你好" 然后走了', date: '2021-10-28 14:08:07'},
	},
	{name: 'an apostrophe inside single quotes', block: "title: 'It's a trap'", fields: {title: "It's a trap"}},
	{
		name: 'an unterminated opening quote is dropped',
		block: 'title: "Unfinished title\ntags: [a, b]\nx: [',
		fields: {title: 'Unfinished title', tags: ['a', 'b'], x: '['},
	},
	{
		name: 'a second colon in the value (jekyll: "mapping values are not allowed here")',
		block: 'title: Jekyll: the missing guide\nlink: https://example.com/a?b=c: d',
		fields: {title: 'Jekyll: the missing guide', link: 'https://example.com/a?b=c: d'},
	},
	{
		name: 'a value starting with @ (hexo: reserved indicator)',
		block: 'title: @vue/cli 的使用\nauthor: `whoami`',
		fields: {title: '@vue/cli 的使用', author: '`whoami`'},
	},
	{
		name: 'a bracket that starts a title (hugo: "did not find expected key")',
		block: 'title: [转载] 一篇文章\ncategories: {a',
		fields: {title: '[转载] 一篇文章', categories: '{a'},
	},
	{
		name: 'lists under keys, indented with tabs and spaces',
		block: 'title: T: t\ncategories:\n\t- 新媒体\n\t- 趣头条\ntags:\n  - "a"\n- b\nempty:',
		fields: {title: 'T: t', categories: ['新媒体', '趣头条'], tags: ['a', 'b'], empty: null},
	},
	{
		name: 'a wrapped title continues on an indented line; comments skipped',
		block: '# draft\ntitle: A title: long\n  and wrapped\ndate: Wed, 02 Feb 2022 07:38:40 GMT',
		fields: {title: 'A title: long and wrapped', date: 'Wed, 02 Feb 2022 07:38:40 GMT'},
	},
	{
		name: 'a YAML tag is text, never run',
		block: 'title: x: y\nrun: !!js/function "function () { return 1 }"',
		fields: {title: 'x: y', run: '!!js/function "function () { return 1 }"'},
	},
	{
		name: 'a key named __proto__ is only a key',
		block: 'title: a: b\n__proto__:\n  - polluted',
		fields: {title: 'a: b', ['__proto__']: ['polluted']},
	},
];

const body = '<p>First paragraph.</p>\n<pre>line one\nline two</pre>\n<h2>Later heading</h2>\n<p>Last paragraph.</p>\n';

for (const {name, block, fields} of cases) {
	test(`lenient front matter: ${name}`, () => {
		const source = `\n---\n${block}\n---\n${body}`;
		const result = readFrontMatter(source);
		assert.deepEqual(result.data, Object.fromEntries(Object.entries(fields)), name);
		assert.equal(Object.getPrototypeOf(result.data), Object.prototype);
		assert.match(
			result.warning ?? '',
			/^front matter is not valid YAML \(YAMLException line \d+\): read line by line$/,
		);
		assert.equal(result.body, body);
		const text = renderArticle(parseArticle(source, 'x.md'), {width: 60})
			.map((line) => line.text)
			.join('\n');
		assert.ok(text.includes('First paragraph.\n\nline one\nline two\n\nLater heading\n\nLast paragraph.'), text);
		assert.ok(!text.includes('---'), 'the fences are not shown');
	});
}

test('recovered fields follow the rules of valid front matter', () => {
	const article = parseArticle(
		'---\ntitle: "a "b" c"\ndate: 2021-10-28 14:08:07\ncategories:\n - 新媒体\n - 趣头条\ntags: [x, y]\nheadimg: "https://e.com/i.png"\n---\nbody',
		'f.md',
	);
	assert.equal(article.title, 'a "b" c');
	assert.deepEqual(article.date, new Date(2021, 9, 28, 14, 8, 7));
	assert.deepEqual(article.categories, [['新媒体', '趣头条']]);
	assert.deepEqual(article.tags, ['x', 'y']);
	assert.equal(article.image, 'https://e.com/i.png');
	assert.equal(article.body, 'body');
	assert.equal(article.format, 'markdown');
	assert.match(article.warning ?? '', /read line by line/);
});

test('unquote: the shorter run of quotes comes off both ends', () => {
	const cases: [string, string][] = [
		['"a"', 'a'],
		["'a'", 'a'],
		['""""\'a\'""""', 'a'],
		['"\'a\' b"', "'a' b"],
		['"a "b""', 'a "b"'],
		['"a', 'a'],
		['plain "x"', 'plain "x"'],
		['""', ''],
	];
	for (const [input, expected] of cases) assert.equal(unquote(input), expected, input);
});
