// HTML body -> lines: the edges of lists, <pre> and <hr> (numbering limits, stray items, code text as written).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {htmlToLines} from '../../../src/core/render/html/html-to-lines.ts';
import {ReferenceTable} from '../../../src/core/render/references.ts';
import {render, texts} from '../../helpers/render-html.ts';

const cases: [string, string, number, string[]][] = [
	['<hr> after inline text is set apart by a blank line', 'text<hr>more', 10, ['text', '', '─'.repeat(10), '', 'more']],
	[
		'a reversed list counts only its items, not the text, comments or other tags between them',
		'<ol reversed>\n<li>a</li>\n<div>note</div><!-- c -->\n<li>b</li>\n</ol>',
		40,
		['2. a', 'note', '1. b'],
	],
	[
		'a reversed list of ten aligns its numbers on the widest, the first',
		'<ol reversed><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ol>',
		40,
		['10. a', ' 9. b', ' 8. c', ' 7. d', ' 6. e', ' 5. f', ' 4. g', ' 3. h', ' 2. i', ' 1. j'],
	],
	[
		'start and value up to a billion either way are kept, past it ignored',
		'<ol start="1000000000"><li>a</li><li value="-1000000000">b</li><li value="99999999999">c</li></ol>',
		40,
		['1000000000. a', '-1000000000. b', '-999999999. c'],
	],
	['a start past a billion falls back to 1', '<ol start="1000000001"><li>a</li></ol>', 40, ['1. a']],
	[
		'bullets change with depth and come round again',
		'<ul><li>a<ul><li>b<ul><li>c<ul><li>d</li></ul></li></ul></li></ul></li></ul>',
		40,
		['• a', '  ◦ b', '    ▪ c', '      • d'],
	],
	[
		'an empty numbered item keeps its aligned number',
		'<ol><li></li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ol>',
		40,
		[' 1.', ' 2. b', ' 3. c', ' 4. d', ' 5. e', ' 6. f', ' 7. g', ' 8. h', ' 9. i', '10. j'],
	],
	['an item outside any list has a bullet', '<li>stray</li>', 40, ['• stray']],
	[
		'<pre> keeps the order of its text and tags; comments in it vanish',
		'<pre>one<b>two</b>three<!-- c -->four<br>five</pre>',
		40,
		['onetwothreefour', 'five'],
	],
	[
		'<pre> line ends CR LF and CR are line breaks; a tab after one starts its line',
		'<pre>a\r\n\tb\rc</pre>',
		40,
		['a', '        b', 'c'],
	],
	[
		'<pre> after inline text is set apart by a blank line',
		'text<pre>code</pre>more',
		40,
		['text', '', 'code', '', 'more'],
	],
	[
		'<pre> drops blank lines and trailing spaces at its ends, keeps inner spaces',
		'<pre>\n\n\n  x    y  \n\n\n</pre><p>after</p>',
		40,
		['  x    y', '', 'after'],
	],
];

for (const [name, html, width, expected] of cases) {
	test(name, () => assert.deepEqual(texts(html, width), expected));
}

test('the ↪ of a wrapped code line is drawn as a continuation, the code after it is not', () => {
	const lines = render('<pre>abcdefghijklmnop</pre>', 10).lines;
	assert.deepEqual(
		lines.map((line) => [line.style, line.text]),
		[
			['code', 'abcdefghij'],
			['code', '↪ klmnop'],
		],
	);
	assert.equal(lines[0]?.spans, undefined);
	assert.deepEqual(lines[1]?.spans, [
		{text: '↪', styles: ['continuation']},
		{text: ' klmnop', styles: []},
	]);
});

test('wrapCode: false keeps code lines whole while prose still wraps', () => {
	const lines = htmlToLines('<p>one two three</p><pre>abcdefghijklmnop</pre>', {
		width: 10,
		wrap: true,
		wrapCode: false,
		references: new ReferenceTable(),
	});
	assert.deepEqual(
		lines.map((line) => line.text),
		['one two', 'three', '', 'abcdefghijklmnop'],
	);
});
