// HTML body -> lines: block structure, lists, quotes, styles, <pre>, and wrap: false.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render, texts} from '../../helpers/render-html.ts';

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
	[
		'the other line blocks too',
		'<figure>c<figcaption>cap</figcaption></figure><details><summary>s</summary>d</details><center>e</center><address>f</address>',
		40,
		['c', 'cap', 's', 'd', 'e', 'f'],
	],
	['a heading after inline text is set apart', 'text<h2>Head</h2>more', 40, ['text', '', 'Head', '', 'more']],
	['text outside a <body> tag is kept', '<p>a</p><body><p>b</p></body>', 40, ['a', '', 'b']],
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
