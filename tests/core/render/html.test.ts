// HTML body -> lines: structure, links and images, sanitising, skipping, nesting limits.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {flattenDeepNesting} from '../../../src/core/render/html/depth.ts';
import {htmlToLines} from '../../../src/core/render/html/html-to-lines.ts';
import type {Line} from '../../../src/core/render/lines.ts';
import {ReferenceTable} from '../../../src/core/render/references.ts';
import {displayWidth} from '../../../src/core/text/width.ts';
import {endsWithOpening, startsWithClosing} from '../../helpers/kinsoku.ts';

function render(html: string, width = 40, wrap = true): {lines: Line[]; references: ReferenceTable} {
	const references = new ReferenceTable();
	return {lines: htmlToLines(html, {width, wrap, references}), references};
}

const texts = (html: string, width = 40, wrap = true) => render(html, width, wrap).lines.map((line) => line.text);
const styled = (html: string, width = 40) => render(html, width).lines.map((line) => `${line.style}|${line.text}`);

const structure: [string, string, number, string[]][] = [
	[
		'paragraphs are separated by one blank line',
		'<p>one</p><p>two</p>\n\n<p>three</p>',
		40,
		['one', '', 'two', '', 'three'],
	],
	['text around a paragraph', 'before<p>inside</p>after', 40, ['before', '', 'inside', '', 'after']],
	['<br> breaks the line', '<p>a<br>b<br/>c</p>', 40, ['a', 'b', 'c']],
	['<br><br> leaves one blank line, never two', '<p>a<br><br>b<br><br><br><br>c</p>', 40, ['a', '', 'b', '', 'c']],
	['leading and trailing <br> are dropped', '<p><br><br>a<br><br></p>', 40, ['a']],
	[
		'empty wrappers produce nothing',
		'<div><div></div><p> </p><span></span></div><p>x</p><div>\n</div><p>&nbsp;</p><p>&#8203;\u200d</p>',
		40,
		['x'],
	],
	['divs are lines without a gap', '<div>a</div><div>b</div>', 40, ['a', 'b']],
	['HTML whitespace collapses', '<p>a\n     b\t c</p>', 40, ['a b c']],
	['inline elements join without spaces', '<p>un<b>bold</b>ed <i>it</i><code>x</code></p>', 40, ['unbolded itx']],
	[
		'headings are set apart and keep their case',
		'<p>intro</p><h2>MiXed Case heading</h2><p>after</p>',
		40,
		['intro', '', 'MiXed Case heading', '', 'after'],
	],
	[
		'a list after text keeps its gap',
		'text<ul><li>a</li></ul>more<dl><dt>term</dt><dd>meaning</dd></dl>',
		40,
		['text', '', '• a', '', 'more', '', 'term', '  meaning'],
	],
	['bullets', '<ul><li>one</li><li>two</li></ul>', 40, ['• one', '• two']],
	[
		'numbers, aligned',
		'<ol><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ol>',
		40,
		[' 1. a', ' 2. b', ' 3. c', ' 4. d', ' 5. e', ' 6. f', ' 7. g', ' 8. h', ' 9. i', '10. j'],
	],
	['<ol start> is respected', '<ol start="9"><li>a</li><li>b</li></ol>', 40, [' 9. a', '10. b']],
	['<ol reversed> counts down', '<ol reversed><li>a</li><li>b</li><li>c</li></ol>', 40, ['3. a', '2. b', '1. c']],
	['<li value> sets the number', '<ol><li>a</li><li value="7">b</li><li>c</li></ol>', 40, ['1. a', '7. b', '8. c']],
	['an absurd start falls back to 1', '<ol start="99999999999999999999"><li>a</li></ol>', 40, ['1. a']],
	[
		'nested lists are indented',
		'<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>',
		40,
		['• a', '  ◦ b', '    1. c', '• d'],
	],
	[
		'list items wrap with a hanging indent',
		'<ul><li>one two three four five six</li></ul>',
		20,
		['• one two three four', '  five six'],
	],
	[
		'paragraphs inside items',
		'<ol><li><p>a</p><p>b</p></li><li><p>c</p></li></ol>',
		40,
		['1. a', '', '   b', '', '2. c'],
	],
	['an empty item keeps its bullet', '<ul><li></li><li>x</li></ul>', 40, ['•', '• x']],
	[
		'blockquotes wrap inside their margin',
		'<blockquote>alpha beta gamma delta</blockquote>',
		20,
		['│ alpha beta gamma', '│ delta'],
	],
	[
		'blockquote paragraphs keep the margin between them',
		'<blockquote><p>a</p><p>b</p></blockquote>',
		40,
		['│ a', '│', '│ b'],
	],
	[
		'nested blockquotes',
		'<blockquote>a<blockquote>b</blockquote>c</blockquote>',
		40,
		['│ a', '│', '│ │ b', '│', '│ c'],
	],
	['a list inside a quote', '<blockquote><ul><li>x</li></ul></blockquote>', 40, ['│ • x']],
	['<hr> is a rule across the width', '<p>a</p><hr><p>b</p>', 20, ['a', '', '─'.repeat(20), '', 'b']],
	['<hr> in a quote fits its margin', '<blockquote><hr></blockquote>', 20, [`│ ${'─'.repeat(18)}`]],
	[
		'definition lists',
		'<dl><dt>term</dt><dd>one two three four five</dd></dl>',
		16,
		['term', '  one two three', '  four five'],
	],
	['entities are decoded', '<p>&lt;b&gt; &amp; &quot;q&quot; &#x4e2d;&#25991; &copy;</p>', 40, ['<b> & "q" 中文 ©']],
	[
		'<wbr> lets a long word break there',
		'<p>abcdefghijkl<wbr>mnopqrstuvwxyz</p>',
		20,
		['abcdefghijkl', 'mnopqrstuvwxyz'],
	],
];

for (const [name, html, width, expected] of structure) {
	test(name, () => {
		assert.deepEqual(
			texts(html, width).map((text) => text.replace(/\u200b/g, '')),
			expected,
		);
	});
}

const styles: [string, string, string[]][] = [
	['headings', '<h1>A</h1><p>b</p>', ['heading1|A', 'body|', 'body|b']],
	['heading levels', '<h2>A</h2><h3>B</h3><h6>C</h6>', ['heading2|A', 'body|', 'heading3|B', 'body|', 'heading3|C']],
	['a div inside a heading is heading', '<h3><div>x</div></h3>', ['heading3|x']],
	['quote text', '<blockquote><p>q</p><pre>c</pre></blockquote>', ['quote|│ q', 'quote|│', 'code|│ c']],
	['a heading inside a quote stays a heading', '<blockquote><h2>h</h2></blockquote>', ['heading2|│ h']],
	['code', '<pre>x\n\ny</pre>', ['code|x', 'code|', 'code|y']],
	['rule', '<hr>', [`rule|${'─'.repeat(40)}`]],
];

for (const [name, html, expected] of styles) {
	test(`style: ${name}`, () => {
		assert.deepEqual(styled(html), expected);
	});
}

test('<pre> is verbatim: spaces, nested tags, <br>, entities; a tab expanded to the next multiple of 8 columns', () => {
	const {lines} = render('<pre><code>  a  <span class="k">b</span>\n\tc &lt; d<br>e\n</code></pre>');
	assert.deepEqual(
		lines.map((line) => line.text),
		['  a  b', '        c < d', 'e'],
	);
	assert.ok(lines.every((line) => line.style === 'code'));
});

test('<pre> is hard-wrapped at the width, inside margins too; continuations start with ↪', () => {
	assert.deepEqual(texts(`<pre>${'x'.repeat(45)}</pre>`, 20), [
		'x'.repeat(20),
		`↪ ${'x'.repeat(18)}`,
		`↪ ${'x'.repeat(7)}`,
	]);
	assert.deepEqual(texts(`<blockquote><pre>${'y'.repeat(20)}</pre></blockquote>`, 20), [
		`│ ${'y'.repeat(18)}`,
		'│ ↪ yy',
	]);
});

test('links: the text, then a number; the same URL keeps its number', () => {
	const {lines, references} = render(
		'<p><a href="https://a.example/">one</a> <a href="https://b.example/">two</a> <a href="https://a.example/">again</a></p>',
	);
	assert.deepEqual(
		lines.map((line) => line.text),
		['one[1] two[2] again[1]'],
	);
	assert.deepEqual(
		references.list().map(({number, url}) => [number, url]),
		[
			[1, 'https://a.example/'],
			[2, 'https://b.example/'],
		],
	);
});

const unnumbered: [string, string][] = [
	['no href', '<a>text</a>'],
	['empty href', '<a href="  ">text</a>'],
	['a #fragment', '<a href="#section">text</a>'],
	['javascript:', '<a href="javascript:alert(1)">text</a>'],
	['JavaScript: with spaces and case', '<a href=" Java Script:alert(1)">text</a>'],
	['an entity-encoded javascript:', '<a href="&#106;avascript&colon;alert(1)">text</a>'],
	['vbscript:', '<a href="vbscript:x">text</a>'],
];

for (const [name, html] of unnumbered) {
	test(`a link with ${name} keeps its text and gets no number`, () => {
		const {lines, references} = render(html);
		assert.deepEqual(
			lines.map((line) => line.text),
			['text'],
		);
		assert.deepEqual(references.list(), []);
	});
}

const images: [string, string, string, string | null][] = [
	['with alt', '<img src="https://i.example/a.png" alt="a cat">', '[image 1: a cat]', 'https://i.example/a.png'],
	['without alt', '<img src="https://i.example/a.png">', '[image 1]', 'https://i.example/a.png'],
	['without any source', '<img alt="lost">', '[image: lost]', null],
	[
		'lazy-loaded: the data attribute wins over the placeholder',
		'<img data-original-src="//cdn.example/real.jpg" src="https://example.com/undefined">',
		'[image 1]',
		'https://cdn.example/real.jpg',
	],
	...['data-original', 'data-src', 'data-actualsrc'].map((name): [string, string, string, string] => [
		`lazy-loaded: ${name} wins over the placeholder`,
		`<img src="data:image/gif;base64,R0lGOD" ${name}="https://cdn.example/${name}.jpg">`,
		'[image 1]',
		`https://cdn.example/${name}.jpg`,
	]),
	[
		'lazy-loaded: data-original-src, data-original, data-src, data-actualsrc, src, in that order',
		'<img src="https://e.example/5.jpg" data-actualsrc="https://e.example/4.jpg" data-src="https://e.example/3.jpg" data-original="https://e.example/2.jpg">',
		'[image 1]',
		'https://e.example/2.jpg',
	],
	[
		'lazy-loaded: an empty or script data attribute gives way to the next',
		'<img data-original-src="" data-original="javascript:alert(1)" data-src="#top" data-actualsrc="https://e.example/4.jpg" src="https://e.example/5.jpg">',
		'[image 1]',
		'https://e.example/4.jpg',
	],
	[
		'only a srcset: its first candidate',
		'<img srcset=" https://i.example/s.png 1x, https://i.example/l.png 2x">',
		'[image 1]',
		'https://i.example/s.png',
	],
	[
		'alt with a newline and controls',
		'<img src="x.png" alt="two&#10;lines&#27;[31m">',
		'[image 1: two lines]',
		'x.png',
	],
];

for (const [name, html, text, url] of images) {
	test(`image ${name}`, () => {
		const {lines, references} = render(`<p>${html}</p>`);
		assert.deepEqual(
			lines.map((line) => line.text),
			[text],
		);
		assert.deepEqual(
			references.list().map((reference) => reference.url),
			url === null ? [] : [url],
		);
	});
}

test('links and images share one numbering, in reading order', () => {
	const {lines} = render(
		'<p><a href="https://x.example/big.jpg"><img src="https://x.example/small.jpg" alt="pic"></a> <a href="https://y.example">y</a> <img src="https://x.example/small.jpg"></p>',
	);
	assert.deepEqual(
		lines.map((line) => line.text),
		['[image 1: pic][2] y[3] [image 1]'],
	);
});

test('script, style, noscript, template and comments produce nothing', () => {
	const html =
		'<p>a</p><script>evil()</script><style>.x{color:red}</style>' +
		'<noscript>no script</noscript><template><p>tpl</p></template><!-- comment --><p>b<script>x()</script></p>';
	assert.deepEqual(texts(html), ['a', '', 'b']);
});

const hostile: [string, string][] = [
	['raw ESC sequences', '<p>a\u001b[31mred\u001b[0m b\u001b]0;title\u0007c</p>'],
	['entity-encoded ESC', '<p>a&#27;[31mred&#x1b;[0m b</p>'],
	['entity-encoded C1 CSI', '<p>a&#x9b;31mred &#155;0m</p>'],
	['bidi overrides', '<p>a&#x202e;b\u202dc&#x2066;d</p>'],
	['C0 controls', '<p>a&#1;b\u0008c&#x7f;d\u0000e</p>'],
	['controls inside <pre>', '<pre>a\u001b[2Jb&#27;[31m\u0007c</pre>'],
	['controls in a link target', '<a href="https://e.example/\u001b[31m&#27;x">t</a>'],
	['controls in a table cell', '<table><tr><th>h&#27;[1m</th></tr><tr><td>v\u009b2J</td></tr></table>'],
];

for (const [name, html] of hostile) {
	test(`no control character survives: ${name}`, () => {
		const {lines, references} = render(html);
		const out = [...lines.map((line) => line.text), ...references.list().map((reference) => reference.url)].join('\n');
		assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		assert.ok(lines.every((line) => !line.text.includes('\n')));
	});
}

test('the internal style marks cannot be injected from the article', () => {
	const {lines} = render('<p>\ufdd0\ufdd5x&#xfdd2;y</p><pre>\ufdd6z</pre>');
	assert.deepEqual(
		lines.map((line) => `${line.style}|${line.text}`),
		['body|xy', 'body|', 'code|z'],
	);
});

test('wrap: false gives one line per paragraph, margins kept, code unsplit', () => {
	const long = 'word '.repeat(100).trim();
	const chinese = '中文'.repeat(200);
	const html = `<p>${long}</p><p>${chinese}</p><ul><li>${long}</li></ul><blockquote>${long}</blockquote><pre>${'x'.repeat(300)}</pre><hr>`;
	assert.deepEqual(texts(html, 40, false), [
		long,
		'',
		chinese,
		'',
		`• ${long}`,
		'',
		`│ ${long}`,
		'',
		'x'.repeat(300),
		'',
		'─'.repeat(40),
	]);
});

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
