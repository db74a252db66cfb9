// HTML body -> lines: line breaking at any width (CJK, punctuation rules, long words) and nesting limits.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {flattenDeepNesting} from '../../../src/core/render/html/depth.ts';
import type {Line} from '../../../src/core/render/lines.ts';
import {displayWidth} from '../../../src/core/text/width.ts';
import {endsWithOpening, startsWithClosing} from '../../helpers/kinsoku.ts';
import {render, texts} from '../../helpers/render-html.ts';

/** Non-whitespace text of `html` must appear in order in the output. */
function assertNoTextLost(expected: string, lines: Line[]) {
	const actual = lines
		.map((line) => line.text)
		.join('')
		.replace(/\s+/g, '');
	let at = 0;
	for (const char of expected.replace(/\s+/g, '')) {
		at = actual.indexOf(char, at);
		assert.notEqual(at, -1, `lost ${char}`);
		at++;
	}
}

const chineseParagraph =
	'2月2日，浙江省委书记袁家军到杭州富阳区检查集中隔离措施落实情况。他强调：“要坚持‘封’‘检’结合！”（记者胡元勇摄）《浙江日报》报道，「疫情」防控、春节保供；北京冬奥会圆满成功？';
const mixed = [
	`<h1>标题 Title</h1><p>${chineseParagraph.repeat(3)}</p>`,
	'<p>A sentence with https://example.com/a/very/long/path/that/cannot/fit/anywhere/at/all/0123456789abcdef and more words.</p>',
	`<blockquote><p>${chineseParagraph}</p><blockquote><ul><li>${chineseParagraph}<ol start="98"><li>${chineseParagraph}</li><li><blockquote>${chineseParagraph}</blockquote></li></ol></li></ul></blockquote></blockquote>`,
	`<pre>${'const answer = 42; // 注释，说明'.repeat(4)}</pre>`,
	'<table><tr><th>名称</th><th>说明</th></tr><tr><td>甲</td><td>第一项，比较长的说明文字。</td></tr><tr><td>乙 Latin</td><td>second</td></tr></table>',
	'<p>👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦 e\u0301e\u0301 ＡＢＣ full-width ｶﾀｶﾅ half-width 𠀀𠀁 extension B</p>',
	'<ul>' + '<li><ul>'.repeat(12) + `<li>${chineseParagraph}</li>` + '</ul></li>'.repeat(12) + '</ul>',
].join('');
// A stacked table repeats its header cells as labels before each value.
const mixedText = mixed.replace(/<th>[^<]*<\/th>/g, '').replace(/<[^>]*>/g, '');

for (const width of [20, 21, 25, 33, 40, 57, 80, 81, 120, 200, 300]) {
	test(`at ${width} columns every line fits, punctuation rules hold, no text is lost`, () => {
		const {lines} = render(mixed, width);
		for (const line of lines) {
			assert.ok(displayWidth(line.text) <= width, `${JSON.stringify(line.text)} is ${displayWidth(line.text)} columns`);
			if (line.style === 'code') continue;
			const text = line.text.replace(/^[│\s]*/, '');
			assert.ok(
				!startsWithClosing(text, {ascii: false}),
				`${JSON.stringify(line.text)} starts with closing punctuation`,
			);
			assert.ok(
				!endsWithOpening(line.text.trimEnd(), {ascii: false}),
				`${JSON.stringify(line.text)} ends with opening punctuation`,
			);
		}
		assertNoTextLost(mixedText, lines);
	});
}

test('Chinese breaks between ideographs: lines are filled, not cut only at punctuation', () => {
	const text = '中华人民共和国国务院新闻办公室今天举行新闻发布会介绍有关情况以及相关政策的具体内容和实施细则';
	const lines = texts(`<p>${text}</p>`, 20);
	assert.equal(lines.join(''), text);
	for (const line of lines.slice(0, -1)) assert.equal(displayWidth(line), 20);
});

test('Latin words are not split unless longer than the width', () => {
	assert.deepEqual(texts('<p>supercalifragilistic expialidocious words</p>', 20), [
		'supercalifragilistic',
		'expialidocious words',
	]);
	const hash = '0123456789abcdef'.repeat(3);
	const lines = texts(`<p>see ${hash}</p>`, 20);
	assert.equal(lines.join('').replace(/\s/g, ''), `see${hash}`);
	assert.ok(lines.every((line) => displayWidth(line) <= 20));
});

test('deep nesting at 20 columns still fits: indentation stops at half the width', () => {
	const html =
		'<blockquote>'.repeat(30) +
		'<ul><li>'.repeat(30) +
		'deep text that wraps around' +
		'</li></ul>'.repeat(30) +
		'</blockquote>'.repeat(30);
	const {lines} = render(html, 20);
	assert.ok(
		lines.every((line) => displayWidth(line.text) <= 20),
		JSON.stringify(lines.map((line) => line.text)),
	);
	assertNoTextLost('deep text that wraps around', lines);
});

test('flattenDeepNesting removes only the tags nested past the limit and keeps all text', () => {
	assert.equal(flattenDeepNesting('<div><p>a<b>b</b></p></div>', 5), '<div><p>a<b>b</b></p></div>');
	assert.equal(
		flattenDeepNesting('<div><p>a<b>b<i>c</i></b>d</p><img src=x>e</div>', 2),
		'<div><p>a b c  d</p><img src=x>e</div>',
	);
	const unclosed = '<div><span>'.repeat(500) + 'deep &amp; last';
	const flat = flattenDeepNesting(unclosed, 100);
	assert.equal(flat.split('<').length - 1, 100);
	assert.ok(flat.endsWith('deep &amp; last'));
});
