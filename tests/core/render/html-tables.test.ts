// HTML tables -> lines: aligned columns when they fit, one `label: value` record per row when they do not.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from '../../helpers/render-html.ts';

const styled = (html: string, width: number) => render(html, width).lines.map((line) => `${line.style}|${line.text}`);

const cases: [string, string, number, string[]][] = [
	[
		'a header row of th is set apart by a rule, columns are padded to their widest cell',
		'<table><tr><th>Name</th><th>Note</th></tr><tr><td>a</td><td>first one</td></tr><tr><td>bb</td><td>second</td></tr></table>',
		40,
		['heading3|Name  Note', 'rule|────  ─────────', 'body|a     first one', 'body|bb    second'],
	],
	[
		'thead makes a header of td cells; tbody and tfoot rows are body; caption comes first; col is ignored',
		'<table><caption>Prices</caption><colgroup><col><col></colgroup><thead><tr><td>Item</td><td>Cost</td></tr></thead>' +
			'<tbody><tr><td>tea</td><td>3</td></tr></tbody><tfoot><tr><td>sum</td><td>3</td></tr></tfoot></table>',
		40,
		['body|Prices', 'heading3|Item  Cost', 'rule|────  ────', 'body|tea   3', 'body|sum   3'],
	],
	[
		'a first row of td is no header',
		'<table><tr><td>Item</td><td>Cost</td></tr><tr><td>tea</td><td>3</td></tr></table>',
		40,
		['body|Item  Cost', 'body|tea   3'],
	],
	[
		'a first row mixing th and td is no header',
		'<table><tr><th>Item</th><td>Cost</td></tr><tr><td>tea</td><td>3</td></tr></table>',
		40,
		['body|Item  Cost', 'body|tea   3'],
	],
	[
		'a table of one header row has no rule',
		'<table><tr><th>Only</th><th>Header</th></tr></table>',
		40,
		['body|Only  Header'],
	],
	[
		'a row of th after the first is body',
		'<table><tbody><tr><th>A</th><th>B</th></tr><tr><th>x</th><th>y</th></tr><tr><td>p</td><td>q</td></tr></tbody></table>',
		40,
		['heading3|A  B', 'rule|─  ─', 'body|x  y', 'body|p  q'],
	],
	[
		'stray text in a table is a row of its own, stray text in a row is a cell; comments and empty rows vanish',
		'<table>stray<tr><td>a</td><td>b</td></tr><!-- c --><tr></tr><tr> </tr><tr>lone<td>c</td></tr></table>',
		40,
		['body|stray', 'body|a     b', 'body|lone  c'],
	],
	[
		'a row of one cell spans the table and does not widen the first column',
		'<table><tr><th>A</th><th>B</th></tr><tr><td colspan=2>a spanning row of text</td></tr><tr><td>x</td><td>y</td></tr></table>',
		22,
		['heading3|A  B', 'rule|─  ─', 'body|a spanning row of text', 'body|x  y'],
	],
	[
		'a spanning row wider than the width stacks the table',
		'<table><tr><th>A</th><th>B</th></tr><tr><td colspan=2>a spanning row of text</td></tr><tr><td>x</td><td>y</td></tr></table>',
		21,
		['body|A: a spanning row of', 'body|text', 'body|', 'body|A: x', 'body|B: y'],
	],
	[
		'a spanning row of paragraphs keeps its lines, without blank ones',
		'<table><tr><td>a</td><td>b</td></tr><tr><td><p>one</p><p>two</p></td></tr></table>',
		30,
		['body|a  b', 'body|one', 'body|two'],
	],
	[
		'a table of one column is its cells one under the other',
		'<table><tr><td>x</td></tr><tr><td>y<p>z</p></td></tr></table>',
		30,
		['body|x', 'body|y', 'body|z'],
	],
	[
		'a cell of several lines makes its row taller; the other columns stay aligned',
		'<table><tr><td>one<br>two<br><br>three</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>',
		30,
		['body|one    b  c', 'body|two', 'body|three', 'body|d      e'],
	],
	[
		'columns exactly as wide as the width still align',
		'<table><tr><th>ab</th><th>cd</th></tr><tr><td>12345</td><td>1234</td></tr></table>',
		11,
		['heading3|ab     cd', 'rule|─────  ────', 'body|12345  1234'],
	],
	[
		'one column too wide: each row becomes a record of label: value',
		'<table><tr><th>ab</th><th>cd</th></tr><tr><td>12345</td><td>1234</td></tr></table>',
		10,
		['body|ab: 12345', 'body|cd: 1234'],
	],
	[
		'records are separated by a blank line; a value that does not fit goes under its label',
		'<table><tr><th>K</th><th>V</th></tr><tr><td>abcdefg</td><td>z</td></tr><tr><td>abcdefghijk</td><td></td></tr></table>',
		10,
		['body|K: abcdefg', 'body|V: z', 'body|', 'body|K:', 'body|abcdefghij', 'body|k', 'body|V:'],
	],
	[
		'a label of several lines is joined by spaces; a cell past the header has no label',
		'<table><thead><tr><th>Long<br>name</th><th>B</th></tr></thead><tr><td>one two three</td><td>x</td><td>extra cell</td></tr></table>',
		12,
		['body|Long name:', 'body|one two', 'body|three', 'body|B: x', 'body|extra cell'],
	],
	[
		'a label longer than the width is wrapped',
		'<table><tr><th>averyveryverylonglabel</th><th>B</th></tr><tr><td>v</td><td>w</td></tr></table>',
		10,
		['body|averyveryv', 'body|erylonglab', 'body|el:', 'body|v', 'body|B: w'],
	],
	[
		'the value keeps its line style after the label',
		'<table><tr><th>K</th><th>V</th></tr><tr><td><h2>Head</h2></td><td>a long value</td></tr></table>',
		10,
		['heading2|K: Head', 'body|V: a long', 'body|value'],
	],
	[
		'without a header, records are the cells alone',
		'<table><tr><td>alpha beta</td><td>gamma delta</td></tr><tr><td>e</td><td>f</td></tr></table>',
		12,
		['body|alpha beta', 'body|gamma delta', 'body|', 'body|e', 'body|f'],
	],
	[
		'a stacked table keeps its short rows',
		'<table><tr><th>A</th><th>B</th></tr><tr><td>x</td></tr><tr><td>abcdefghijklmnop</td><td>q</td></tr></table>',
		12,
		['body|A: x', 'body|', 'body|A:', 'body|abcdefghijkl', 'body|mnop', 'body|B: q'],
	],
	[
		'a comment or a col before the first row does not hide the header',
		'<table><!-- c --><col><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>y</td></tr></table>',
		40,
		['heading3|A  B', 'rule|─  ─', 'body|x  y'],
	],
	[
		'a first row in tbody is no header',
		'<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>',
		40,
		['body|a  b', 'body|c  d'],
	],
	[
		'an empty first row does not hide the header',
		'<table><tr></tr><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>y</td></tr></table>',
		40,
		['heading3|A  B', 'rule|─  ─', 'body|x  y'],
	],
	[
		'a table of one column can have a header',
		'<table><tr><th>H</th></tr><tr><td>x</td></tr></table>',
		40,
		['heading3|H', 'rule|─', 'body|x'],
	],
	[
		'stray text before the rows of a one-column table is no header',
		'<table>stray<tr><td>a</td></tr></table>',
		40,
		['body|stray', 'body|a'],
	],
	[
		'a spanning row keeps the style of its lines',
		'<table><tr><td>a</td><td>b</td></tr><tr><td colspan=2><h2>Sub</h2></td></tr></table>',
		30,
		['body|a  b', 'heading2|Sub'],
	],
	[
		'an empty column still counts: a first column too wide for the width stacks the table',
		'<table><tr><td>abcdefghijkl</td><td></td></tr></table>',
		10,
		['body|abcdefghij', 'body|kl'],
	],
	[
		'empty rows and comments between stacked records leave one blank line',
		'<table><tr><td>alpha beta</td><td>c</td></tr><tr></tr><!-- c --><tr><td>e</td><td>f</td></tr></table>',
		8,
		['body|alpha', 'body|beta', 'body|c', 'body|', 'body|e', 'body|f'],
	],
	[
		'a caption comes right before the first record',
		'<table><caption>Cap</caption><tr><th>K</th><th>V</th></tr><tr><td>x</td><td>abcdefghijkl</td></tr></table>',
		10,
		['body|Cap', 'body|K: x', 'body|V:', 'body|abcdefghij', 'body|kl'],
	],
	[
		"a label is the header cell's lines joined by one space",
		'<table><tr><th>Long<br><br>name</th><th>B</th></tr><tr><td>one two three</td><td>x</td></tr></table>',
		12,
		['body|Long name:', 'body|one two', 'body|three', 'body|B: x'],
	],
	[
		'in a heading, rows and labels stay body text; only the cells take the heading style',
		'<h3><table><tr><td>ab</td><td>cd</td></tr></table></h3>' +
			'<h1><table><tr><th>K</th><th>V</th></tr><tr><td>abcdefgh</td><td>abcdefghijkl</td></tr></table></h1>',
		10,
		['body|ab  cd', 'body|', 'body|K:', 'heading1|abcdefgh', 'body|V:', 'heading1|abcdefghij', 'heading1|kl'],
	],
	[
		'an empty first cell keeps the row aligned',
		'<table><tr><td>abc</td><td>d</td></tr><tr><td></td><td>x</td></tr></table>',
		30,
		['body|abc  d', 'body|     x'],
	],
	[
		'a table is a block apart from the text around it',
		'<p>before</p><table><tr><td>a</td></tr></table><p>after</p>',
		30,
		['body|before', 'body|', 'body|a', 'body|', 'body|after'],
	],
];

for (const [name, html, width, expected] of cases) {
	test(name, () => assert.deepEqual(styled(html, width), expected));
}

test('inline styles in a cell survive both layouts', () => {
	const html = '<table><tr><td><b>bold</b> x</td><td>y</td></tr><tr><td>q</td><td>abcdefghijklmno</td></tr></table>';
	assert.deepEqual(render(html, 30).lines[0]?.spans, [
		{text: 'bold', styles: ['bold']},
		{text: ' x  y', styles: []},
	]);
	const stacked = render(html, 12).lines;
	assert.deepEqual(
		stacked.map((line) => line.text),
		['bold x', 'y', '', 'q', 'abcdefghijkl', 'mno'],
	);
	assert.deepEqual(stacked[0]?.spans, [
		{text: 'bold', styles: ['bold']},
		{text: ' x', styles: []},
	]);
});
