// Front matter at its edges: where the fences are, what the warnings say, how a block YAML rejects is split.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readFrontMatter} from '../../../src/core/article/front-matter.ts';
import {recoverFields, unquote} from '../../../src/core/article/front-matter-lenient.ts';
import {parseArticle} from '../../../src/core/article/article.ts';
import {parseDate} from '../../../src/core/article/dates.ts';

const quoted = 'title: "他说 "你好" 然后走了"';

const lineByLine = /^front matter is not valid YAML \(YAMLException line \d+\): read line by line$/;

test('a block YAML rejects: its fields line by line, the body after the closing fence, a warning', () => {
	const cases: [string, Record<string, unknown>, string][] = [
		[`---\nauthor: A\n${quoted}\n---\nbody\n`, {author: 'A', title: '他说 "你好" 然后走了'}, 'body\n'],
		[`---\n${quoted}\n---`, {title: '他说 "你好" 然后走了'}, ''],
		[`\r\n  ---\r\n${quoted}\r---\rbody\r`, {title: '他说 "你好" 然后走了'}, 'body\n'],
	];
	for (const [source, data, body] of cases) {
		const result = readFrontMatter(source);
		assert.deepEqual({data: result.data, body: result.body}, {data, body}, JSON.stringify(source));
		assert.match(result.warning ?? '', lineByLine, JSON.stringify(source));
	}
});

test('what is not front matter stays the body, untouched', () => {
	const plain = (source: string, body: string) =>
		assert.deepEqual(readFrontMatter(source), {data: {}, body, warning: null}, JSON.stringify(source));
	plain('', '');
	plain('  \n ', '  \n ');
	plain('text\n---\ntitle: A\n---\n', 'text\n---\ntitle: A\n---\n');
	plain('----\ntitle: A\n----\nbody', '----\ntitle: A\n----\nbody');
	plain('---', '---');
	plain('\n\n---\n---\nbody', 'body');
	plain('---\n\n---\nbody', 'body');
});

test('yaml, yml and json (any case) are the front-matter languages', () => {
	assert.deepEqual(readFrontMatter('---YAML\ntitle: A\n---\nbody').data, {title: 'A'});
	assert.deepEqual(readFrontMatter('--- yml \ntitle: A\n---\nbody').data, {title: 'A'});
	assert.deepEqual(readFrontMatter('---json\n{"title": "A"}\n---\nbody').data, {title: 'A'});
	assert.deepEqual(readFrontMatter('---JSON\n{"title": "A"\n---\nbody'), {
		data: {},
		body: '---JSON\n{"title": "A"\n---\nbody',
		warning: 'front matter could not be read: Error',
	});
});

test('a language name in a warning is cut to 20 printable characters', () => {
	const warning = (language: string) => readFrontMatter(`---${language}\ntitle: A\n---\nbody`).warning;
	assert.equal(warning('a'.repeat(20)), `front matter language "${'a'.repeat(20)}" is not supported`);
	assert.equal(warning('b'.repeat(21)), `front matter language "${'b'.repeat(20)}…" is not supported`);
	assert.equal(warning('c++ 1.0_x-y'), 'front matter language "c++1.0_x-y" is not supported');
});

test('recovered fields: keys, lists, continued lines, flow values', () => {
	const readFlow = (text: string): unknown => JSON.parse(text.replace(/'/g, '"'));
	assert.deepEqual(
		recoverFields(
			[
				'title: A long',
				'  wrapped "title"',
				'key2:not a key',
				'tags:',
				'- one',
				'\t-\ttwo',
				'  -',
				'  - "three"',
				'list: ["a", "b"]',
				'map: {"k": 1}',
				'bad: [not json',
				'number: [1] tail',
				'curly: {',
				'string: "x"',
				'empty:',
				'dash:-x',
				'trail: x   ',
				'  more',
			].join('\n'),
			readFlow,
		),
		{
			title: 'A long wrapped "title"',
			tags: ['one', 'two', '', 'three'],
			list: ['a', 'b'],
			map: {k: 1},
			bad: '[not json',
			number: '[1] tail',
			curly: '{',
			string: 'x',
			empty: null,
			trail: 'x more',
		},
	);
	assert.deepEqual(recoverFields('  indented: first\n- item\n  more\nk: v', readFlow), {k: 'v'});
	assert.deepEqual(
		recoverFields('k: "1"\n- item\nj: [2]', (text) => (text === '[2]' ? 2 : null)),
		{
			k: '1',
			j: '[2]',
		},
	);
	assert.deepEqual(recoverFields('k:  \n\t- a \nk2 :\tv ', readFlow), {k: ['a'], k2: 'v'});
});

test('unquote: ends only, and only when a run of quotes wraps the value', () => {
	assert.equal(unquote('  plain  '), 'plain');
	assert.equal(unquote(`"""""'Some title'"""""`), 'Some title');
	assert.equal(unquote(`"  open only`), 'open only');
	assert.equal(unquote(`"a" b "c"`), 'a" b "c');
	assert.equal(unquote(`''x'`), `'x`);
	assert.equal(unquote(`"x"  `), 'x');
	assert.equal(unquote(`" x "`), 'x');
});

test('every month name of an RFC 2822 date', () => {
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	months.forEach((name, index) => {
		const month = String(index + 1).padStart(2, '0');
		assert.equal(parseDate(`01 ${name} 2020 00:00 GMT`)?.toISOString(), `2020-${month}-01T00:00:00.000Z`, name);
	});
});

test('leaf cat titles an article without a front-matter title by its first heading', () => {
	const options = {titleFromHeading: true};
	assert.deepEqual(
		(({title, body, format}) => ({title, body, format}))(parseArticle('# Hello\nworld\n', 'a/b.md', options)),
		{title: 'Hello', body: 'world\n', format: 'markdown'},
	);
	assert.equal(parseArticle('---\ntitle: "  "\n---\n<h1>H</h1>x', 'a/b.md', options).title, 'H');
	assert.equal(parseArticle('---\ntitle: T\n---\n# H\nx', 'a/b.md', options).title, 'T');
	assert.equal(parseArticle('---\ntitle: T\n---\n# H\nx', 'a/b.md', options).body, '# H\nx');
	assert.equal(parseArticle('# H\nx', 'a/b.md').title, 'b');
	assert.equal(parseArticle('# H\nx', 'a/b.md').body, '# H\nx');
	assert.equal(parseArticle('no heading', 'a/b.md', options).title, 'b');
});

test('fences at their edges: a repeated key, a rule, a language ending in a dash, a closing fence with a space', () => {
	assert.deepEqual(readFrontMatter('---\ntitle: A\ntitle: B\n---\nbody'), {
		data: {title: 'B'},
		body: 'body',
		warning: null,
	});
	assert.deepEqual(readFrontMatter('\n  text\n'), {data: {}, body: '\n  text\n', warning: null});
	assert.deepEqual(readFrontMatter('----x\ntitle: A\n---\nbody'), {
		data: {},
		body: '----x\ntitle: A\n---\nbody',
		warning: null,
	});
	assert.deepEqual(readFrontMatter('---x-\ntitle: A\n---\nbody'), {
		data: {},
		body: '---x-\ntitle: A\n---\nbody',
		warning: 'front matter language "x-" is not supported',
	});
	const lenient = readFrontMatter(`---\n${quoted}\n--- \nauthor: a body line\n`);
	assert.deepEqual(
		{data: lenient.data, body: lenient.body},
		{data: {title: '他说 "你好" 然后走了'}, body: 'author: a body line\n'},
	);
});
