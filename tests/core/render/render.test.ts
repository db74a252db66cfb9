// renderArticle: header, body formats, References, widths and --no-wrap.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parseArticle, type Article} from '../../../src/core/article/article.ts';
import {renderArticle, renderHeader} from '../../../src/core/render/render.ts';
import type {Line} from '../../../src/core/render/lines.ts';
import {displayWidth} from '../../../src/core/text/width.ts';
import {articlePath} from '../../helpers/fixtures.ts';
import {article} from '../../helpers/article.ts';

// Dates are shown in local time: the reader's here is China's, whatever the machine's.
process.env.TZ = 'Asia/Shanghai';

const texts = (lines: Line[]) => lines.map((line) => line.text);
const date = new Date(2022, 1, 2, 15, 38);

test('header: title, then author · date · categories, then a blank line', () => {
	const categories = [['新媒体', '趣头条', '分类'], ['科技']];
	const lines = renderArticle(article({title: 'A title', author: '趣头条', date, categories, body: '<p>x</p>'}), {
		width: 80,
	});
	assert.deepEqual(lines.slice(0, 4), [
		{text: 'A title', style: 'title'},
		{text: '趣头条 · 2022-02-02 15:38 · 新媒体 › 趣头条 › 分类, 科技', style: 'meta'},
		{text: '', style: 'body'},
		{text: 'x', style: 'body'},
	]);
});

const metaCases: [string, Partial<Article>, string | null][] = [
	['author only', {author: 'Ann'}, 'Ann'],
	['date only', {date}, '2022-02-02 15:38'],
	['categories only', {categories: [['a', 'b']]}, 'a › b'],
	['author and categories', {author: 'Ann', categories: [['a']]}, 'Ann · a'],
	['nothing: no meta line', {}, null],
];

for (const [name, fields, meta] of metaCases) {
	test(`meta line with ${name}`, () => {
		const lines = renderArticle(article({...fields, body: '<p>body</p>'}), {width: 80});
		const expected = meta === null ? ['Title', '', 'body'] : ['Title', meta, '', 'body'];
		assert.deepEqual(texts(lines), expected);
	});
}

test('the meta line breaks only at its separators; a part wider than the line wraps like prose', () => {
	const fields = {author: 'Ann', date, categories: [['a', 'b']]};
	assert.deepEqual(texts(renderArticle(article(fields), {width: 22})), ['Title', 'Ann · 2022-02-02 15:38', 'a › b']);
	assert.deepEqual(texts(renderArticle(article(fields), {width: 20})), ['Title', 'Ann', '2022-02-02 15:38', 'a › b']);
	assert.deepEqual(renderArticle(article(fields), {width: 20, wrap: false}), [
		{text: 'Title', style: 'title'},
		{text: 'Ann · 2022-02-02 15:38 · a › b', style: 'meta'},
	]);
	assert.deepEqual(texts(renderArticle(article({author: 'abcdefghij klmnopqrst uvw', date}), {width: 20})), [
		'Title',
		'abcdefghij',
		'klmnopqrst uvw',
		'2022-02-02 15:38',
	]);
});

test('a date in words is not padded in the meta line', () => {
	const lines = renderArticle(article({author: 'Ann', date: new Date(20000, 0, 1), categories: [['a']]}), {width: 80});
	assert.deepEqual(texts(lines), ['Title', 'Ann · after 9999 · a']);
});

test('no title: no title line, and no blank line before the body without a meta line either', () => {
	assert.deepEqual(texts(renderArticle(article({title: '', author: 'Ann', body: '<p>x</p>'}), {width: 80})), [
		'Ann',
		'',
		'x',
	]);
	assert.deepEqual(texts(renderArticle(article({title: '', body: '<p>x</p>'}), {width: 80})), ['x']);
});

test('References come after one blank line, also with no body or no header at all', () => {
	const image = 'https://i.example/c.png';
	assert.deepEqual(texts(renderArticle(article({image}), {width: 80})), [
		'Title',
		'',
		'References',
		'',
		`[1] ${image} (cover image)`,
	]);
	assert.deepEqual(texts(renderArticle(article({title: '', image}), {width: 80})), [
		'References',
		'',
		`[1] ${image} (cover image)`,
	]);
});

test('renderHeader wraps unless told not to, and ends with a blank line', () => {
	assert.deepEqual(texts(renderHeader(article({title: 'one two three four five six'}), 10)), [
		'one two',
		'three four',
		'five six',
		'',
	]);
});

test('a long title wraps within the width', () => {
	const title = '袁家军到富阳检查指导疫情防控工作：巩固放大既有成果 加快实现动态清零';
	const lines = renderArticle(article({title}), {width: 20}).filter((line) => line.style === 'title');
	assert.ok(lines.length > 1);
	assert.ok(lines.every((line) => displayWidth(line.text) <= 20));
	assert.equal(
		lines
			.map((line) => line.text)
			.join('')
			.replace(/\s/g, ''),
		title.replace(/\s/g, ''),
	);
});

test('header fields are sanitised: no controls, bidi overrides or newlines', () => {
	const lines = renderArticle(
		article({
			title: 'Ti\u001b[31mtle\u202e\nnext',
			author: 'Au\u0007thor\u009b2J',
			categories: [['ca\u001b]0;x\u0007t', ''], ['\u0000']],
			body: '',
		}),
		{width: 80},
	);
	assert.deepEqual(texts(lines), ['Title next', 'Author · cat']);
});

test('References: after the body, one `[n] URL` per number, the cover image included', () => {
	const lines = renderArticle(
		article({
			body: '<p><a href="https://a.example/">a</a> <img src="https://i.example/1.png"> <a href="https://a.example/">again</a></p>',
			image: 'https://i.example/cover.png',
		}),
		{width: 80},
	);
	assert.deepEqual(lines.slice(-6), [
		{text: '', style: 'body'},
		{text: 'References', style: 'heading2'},
		{text: '', style: 'body'},
		{text: '[1] https://a.example/', style: 'reference'},
		{text: '[2] https://i.example/1.png', style: 'reference'},
		{text: '[3] https://i.example/cover.png (cover image)', style: 'reference'},
	]);
});

test('a cover image shown in the body keeps its number', () => {
	const cover = 'https://i.example/cover.png';
	const lines = renderArticle(article({body: `<p><img src="${cover}"></p>`, image: cover}), {width: 80});
	assert.deepEqual(texts(lines).slice(2), ['[image 1]', '', 'References', '', `[1] ${cover}`]);
});

test('no References section without links or images', () => {
	const lines = renderArticle(article({body: '<p><a href="#top">top</a></p>'}), {width: 80});
	assert.ok(!texts(lines).includes('References'));
});

test('data: URIs are never printed whole', () => {
	const data = `data:image/png;base64,${'iVBORw0KGgo'.repeat(500)}`;
	const lines = renderArticle(article({body: `<p><img src="${data}" alt="dot"></p>`}), {width: 80});
	assert.deepEqual(texts(lines).slice(2), ['[image 1: dot]', '', 'References', '', '[1] data:image/png…']);
});

test('long URLs wrap under themselves within the width', () => {
	const url = `https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2022/02/02/${'0123456789abcdef'.repeat(4)}.jpeg`;
	const references = renderArticle(article({body: `<p><a href="${url}">x</a></p>`}), {width: 30}).filter(
		(line) => line.style === 'reference',
	);
	assert.ok(references.length > 1);
	assert.ok(references.every((line) => displayWidth(line.text) <= 30));
	assert.ok(references[0]?.text.startsWith('[1] https://'));
	assert.ok(references.slice(1).every((line) => line.text.startsWith('    ')));
	assert.equal(references.map((line) => line.text.slice(4)).join(''), url);
});

test('wrap: false puts each paragraph, title and reference on one line', () => {
	const title = 'word '.repeat(30).trim();
	const paragraph = '中文'.repeat(100);
	const url = `https://e.example/${'x'.repeat(200)}`;
	const lines = renderArticle(article({title, body: `<p>${paragraph}</p><p><a href="${url}">l</a></p>`}), {
		width: 40,
		wrap: false,
	});
	assert.deepEqual(texts(lines), [title, '', paragraph, '', 'l[1]', '', 'References', '', `[1] ${url}`]);
});

test('markdown bodies are converted; raw HTML inside them survives', () => {
	const body = [
		'# Heading *one*',
		'',
		'Some *emphasis*, `code` and a [link](https://l.example "t") with <span class="x">inline html</span>.',
		'',
		'<div class="note">',
		'<p>A raw <b>HTML</b> block</p>',
		'</div>',
		'',
		'1. first',
		'2. second',
		'',
		'> quoted',
		'',
		'```',
		'  indented code',
		'```',
		'',
		'| a | b |',
		'|---|---|',
		'| 1 | 2 |',
	].join('\n');
	const lines = renderArticle(article({body, format: 'markdown'}), {width: 60});
	assert.deepEqual(
		lines.slice(2).map((line) => `${line.style}|${line.text}`),
		[
			'heading1|Heading one',
			'body|',
			'body|Some emphasis, code and a link[1] with inline html.',
			'body|',
			'body|A raw HTML block',
			'body|',
			'body|1. first',
			'body|2. second',
			'body|',
			'quote|│ quoted',
			'body|',
			'code|  indented code',
			'body|',
			'heading3|a  b',
			'rule|─  ─',
			'body|1  2',
			'body|',
			'heading2|References',
			'body|',
			'reference|[1] https://l.example',
		],
	);
});

test('an HTML body is not read as markdown', () => {
	const lines = renderArticle(article({body: '<p>*not emphasis* and _not_ either</p>\n\n    not code'}), {width: 80});
	assert.deepEqual(lines.slice(2), [
		{text: '*not emphasis* and _not_ either', style: 'body'},
		{text: '', style: 'body'},
		{text: 'not code', style: 'body'},
	]);
});

test('an empty body gives just the header', () => {
	assert.deepEqual(texts(renderArticle(article({author: 'Ann'}), {width: 80})), ['Title', 'Ann']);
});

// An article of the seed's shape (tests/fixtures/articles/seed-shape.md).
const fixture = parseArticle(readFileSync(articlePath, 'utf8'), 'articles/seed-shape.md');

for (const width of [20, 23, 31, 40, 64, 80, 99, 132, 200, 255, 300]) {
	test(`the seed-shaped article at ${width} columns: every line fits, no line holds a newline or escape`, () => {
		const lines = renderArticle(fixture, {width});
		assert.ok(lines.length > 10);
		for (const line of lines) {
			assert.ok(displayWidth(line.text) <= width, `${JSON.stringify(line.text)} is ${displayWidth(line.text)} columns`);
			assert.doesNotMatch(line.text, /[\u0000-\u001f\u007f-\u009f]/);
		}
	});
}

test('the seed-shaped article: header, images numbered in order, the cover and the link among the references', () => {
	const lines = renderArticle(fixture, {width: 80});
	assert.deepEqual(lines.slice(0, 6), [
		{text: '西湖边的旧书市集：三十年的摊位与新来的读者 周末再开张', style: 'title'},
		{text: '城市周刊 · 2023-04-15 10:30 · 新媒体 › 城市周刊 › 文化', style: 'meta'},
		{text: '', style: 'body'},
		{text: '[image 1]', style: 'body'},
		{text: '', style: 'body'},
		{
			text: '4月15日清晨，杭州西湖边的旧书市集迎来了今年第一个周末。摊主们把一箱箱旧书搬上长',
			style: 'body',
		},
	]);
	assert.deepEqual(
		lines.filter((line) => line.style === 'reference').map((line) => line.text),
		[
			'[1] https://img.example.com/leaf/2023/04/15/cover-market.jpeg',
			'[2] https://img.example.com/leaf/2023/04/15/stalls.jpeg',
			'[3] https://example.com/leaf/book-market',
			'[4] https://img.example.com/leaf/2023/04/15/readers.jpeg',
		],
	);
});
