// Inline styles as spans, and embeds as numbered placeholders.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {htmlToLines} from '../../../src/core/render/html/html-to-lines.ts';
import {spansOf, type Line} from '../../../src/core/render/lines.ts';
import {ReferenceTable} from '../../../src/core/render/references.ts';
import {displayWidth} from '../../../src/core/text/width.ts';

function render(html: string, width = 40): {lines: Line[]; references: ReferenceTable} {
	const references = new ReferenceTable();
	return {lines: htmlToLines(html, {width, wrap: true, references}), references};
}

const spans = (line: Line | undefined) => (line?.spans ?? []).map((span) => `${span.styles.join('+')}:${span.text}`);

test('each inline tag gives its style; nesting adds up; plain text is unchanged', () => {
	const {lines} = render(
		'<p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <code>c</code> <kbd>k</kbd> <del>d</del> <s>x</s> <mark>m</mark> <b>o<i>n</i></b></p>',
	);
	assert.equal(lines[0]?.text, 's b e i c k d x m on');
	assert.deepEqual(spans(lines[0]), [
		'bold:s',
		': ',
		'bold:b',
		': ',
		'italic:e',
		': ',
		'italic:i',
		': ',
		'code:c',
		': ',
		'kbd:k',
		': ',
		'strike:d',
		': ',
		'strike:x',
		': ',
		'mark:m',
		': ',
		'bold:o',
		'bold+italic:n',
	]);
	assert.equal(render('<p>plain text only</p>').lines[0]?.spans, undefined);
	assert.deepEqual(
		spans(render('<p><cite>c</cite> <var>v</var> <samp>s</samp> <tt>t</tt> <strike>k</strike></p>').lines[0]),
		['italic:c', ': ', 'italic:v', ': ', 'code:s', ': ', 'code:t', ': ', 'strike:k'],
	);
});

test('styles never count as columns: a styled paragraph wraps exactly like the plain one', () => {
	const words = '中文 words and 标点，一些 more words that wrap across several lines of text here';
	const styled = words.replace(/(\S+)/g, '<b>$1</b>');
	for (const width of [10, 17, 23, 40]) {
		const plain = render(`<p>${words}</p>`, width).lines;
		const bold = render(`<p>${styled}</p>`, width).lines;
		assert.deepEqual(
			bold.map((line) => line.text),
			plain.map((line) => line.text),
			`width ${width}`,
		);
		for (const line of bold) {
			assert.ok(displayWidth(line.text) <= width);
			assert.equal((line.spans ?? []).map((span) => span.text).join(''), line.text);
		}
	}
});

test('a style across a wrap is closed at the line end and reopened on the next line', () => {
	const {lines} = render('<p>aaa <b>bbb ccc ddd</b> eee</p>', 10);
	assert.deepEqual(
		lines.map((line) => line.text),
		['aaa bbb', 'ccc ddd', 'eee'],
	);
	assert.deepEqual(spans(lines[0]), [':aaa ', 'bold:bbb']);
	assert.deepEqual(spans(lines[1]), ['bold:ccc ddd']);
	assert.equal(lines[2]?.spans, undefined);
});

test('styles survive quotes, lists and tables', () => {
	const {lines} = render(
		'<blockquote><p><b>q</b></p></blockquote><ul><li><i>l</i></li></ul><table><tr><td><code>t</code></td><td>u</td></tr></table>',
	);
	const styled = lines.filter((line) => line.spans);
	assert.deepEqual(
		styled.map((line) => spans(line)),
		[
			[':│ ', 'bold:q'],
			[':• ', 'italic:l'],
			['code:t', ':  u'],
		],
	);
});

test('embeds: [kind n: title] on a line of their own, the address in References with links and images', () => {
	const {lines, references} = render(
		'<p>演示视频：</p><iframe src="https://v.example/1" title="Demo"></iframe>' +
			'<p><a href="https://l.example">link</a></p><video poster="p.png"><source src="https://v.example/2.mp4">fallback</video>' +
			'<audio src="//a.example/3.mp3"></audio><embed src="https://e.example/4.swf"><object data="https://o.example/5"></object>' +
			'<iframe src="javascript:alert(1)"></iframe><picture><source srcset="x.webp"><img src="https://i.example/6.png" alt="pic"></picture>',
	);
	assert.deepEqual(
		lines.map((line) => line.text).filter((text) => text !== ''),
		[
			'演示视频：',
			'[embed 1: Demo]',
			'link[2]',
			'[video 3]',
			'[audio 4]',
			'[embed 5]',
			'[embed 6]',
			'[embed]',
			'[image 7: pic]',
		],
	);
	assert.deepEqual(
		references.list().map(({number, url, kind}) => `${number} ${kind} ${url}`),
		[
			'1 media https://v.example/1',
			'2 link https://l.example',
			'3 media https://v.example/2.mp4',
			'4 media https://a.example/3.mp3',
			'5 media https://e.example/4.swf',
			'6 media https://o.example/5',
			'7 image https://i.example/6.png',
		],
	);
});

test('invisible characters are no part of a rendered line (U+200B still lets a line break there)', () => {
	const {lines} = render(`<p>${'abcdefghij\u200b'.repeat(3)}so\u00adft\u200e hy\u2060phen\u3164</p>`, 12);
	assert.deepEqual(
		lines.map((line) => line.text),
		['abcdefghij', 'abcdefghij', 'abcdefghij', 'soft hyphen'],
	);
});

test('embeds: lazy and other addresses, the first <source> with one, titles from aria-label or alt', () => {
	const {lines, references} = render(
		'<iframe data-src="https://v.example/lazy" aria-label="Map"></iframe><embed href="https://e.example/h" alt="Clip">' +
			'<video>text<track src="https://v.example/subs.vtt"><source><source src="https://v.example/v.mp4"></video>' +
			'<source src="https://v.example/s.mp4"><picture><source src="https://i.example/a.webp"><img src="https://i.example/b.png"></picture>' +
			'<picture><video src="https://v.example/p.mp4"></video></picture>',
	);
	assert.deepEqual(
		lines.map((line) => line.text),
		['[embed 1: Map]', '[embed 2: Clip]', '[video 3]', '[media 4]', '[image 5]', '[video 6]'],
	);
	assert.deepEqual(
		references.list().map(({number, url}) => `${number} ${url}`),
		[
			'1 https://v.example/lazy',
			'2 https://e.example/h',
			'3 https://v.example/v.mp4',
			'4 https://v.example/s.mp4',
			'5 https://i.example/b.png',
			'6 https://v.example/p.mp4',
		],
	);
});

test('a style nested in itself stays on until its outer end; trailing spaces go, styled or not', () => {
	const {lines} = render('<p><b>a<b>b</b>c</b></p><p><b>a&nbsp;</b>&nbsp;</p><p>word&nbsp;</p>');
	assert.deepEqual(
		lines.map((line) => [line.text, spans(line)]),
		[
			['abc', ['bold:abc']],
			['', []],
			['a', ['bold:a']],
			['', []],
			['word', []],
		],
	);
});

test('a style open across line breaks covers the lines between; styled text is measured without its marks', () => {
	const {lines} = render(
		'<p><b>a<br>b<br>c</b></p><table><tr><td><b>bold</b></td><td>y</td></tr><tr><td>q</td><td>z</td></tr></table>',
	);
	assert.deepEqual(
		lines.map((line) => [line.text, spans(line)]),
		[
			['a', ['bold:a']],
			['b', ['bold:b']],
			['c', ['bold:c']],
			['', []],
			['bold  y', ['bold:bold', ':  y']],
			['q     z', []],
		],
	);
});

test('spansOf: a line without styles is one unstyled span', () => {
	assert.deepEqual(spansOf({text: 'plain', style: 'body'}), [{text: 'plain', styles: []}]);
	const spans = [{text: 'b', styles: ['bold' as const]}];
	assert.equal(spansOf({text: 'b', style: 'body', spans}), spans);
});
