// HTML body -> lines: nested containers. Margins stop where they would leave the text less than half the width
// (at least 10 columns); list labels past that point go in front of the text, or on a line of their own.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from '../../helpers/render-html.ts';

const styled = (html: string, width: number) => render(html, width).lines.map((line) => `${line.style}|${line.text}`);
const nest = (open: string, close: string, depth: number, inner: string) =>
	open.repeat(depth) + inner + close.repeat(depth);
const quotes = (depth: number, inner: string) => nest('<blockquote>', '</blockquote>', depth, inner);
const bullets = (depth: number, inner: string) => nest('<ul><li>', '</li></ul>', depth, inner);

const cases: [string, string, number, string[]][] = [
	[
		'at 20 columns quote margins stop when 10 columns are left, and the text after the quotes has the full width again',
		quotes(8, 'deep text') + '<p>after all the quotes</p>',
		20,
		['quote|│ │ │ │ │ deep text', 'body|', 'body|after all the quotes'],
	],
	[
		'at 40 columns quote margins stop at half the width',
		quotes(12, 'deep text'),
		40,
		['quote|│ │ │ │ │ │ │ │ │ │ deep text'],
	],
	['past the last margin, bullets go in front of the text', bullets(7, 'word'), 20, ['body|• ◦ ▪ • ◦ ▪ • word']],
	[
		'a bullet and text exactly as wide as what is left share the line',
		bullets(7, 'abcdefgh'),
		20,
		['body|• ◦ ▪ • ◦ ▪', 'body|          • abcdefgh'],
	],
	[
		'a bullet that does not fit in front of the text stands on a line of its own',
		bullets(7, 'abcdefghi'),
		20,
		['body|• ◦ ▪ • ◦ ▪ •', 'body|          abcdefghi'],
	],
	[
		'a long word under a bullet of its own is cut at what is left',
		bullets(7, 'abcdefghijk'),
		20,
		['body|• ◦ ▪ • ◦ ▪ •', 'body|          abcdefghij', 'body|          k'],
	],
	[
		'only the first line takes the bullet',
		bullets(7, '<p>a</p><p>b</p>'),
		20,
		['body|• ◦ ▪ • ◦ ▪ • a', 'body|', 'body|          b'],
	],
	['an empty item keeps its bullet', bullets(7, ''), 20, ['body|• ◦ ▪ • ◦ ▪ •']],
	[
		'numbers past the last margin stay aligned, alone or in front of the text',
		bullets(
			6,
			'<ol><li></li><li>abcdefghij</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ol>',
		),
		20,
		[
			'body|• ◦ ▪ • ◦ ▪  1.',
			'body|           2.',
			'body|          abcdefghij',
			'body|           3. c',
			'body|           4. d',
			'body|           5. e',
			'body|           6. f',
			'body|           7. g',
			'body|           8. h',
			'body|           9. i',
			'body|          10. j',
		],
	],
	[
		'the line keeps its own style under the bullets',
		bullets(6, '<ol><li><h2>Head</h2></li></ol>'),
		20,
		['heading2|• ◦ ▪ • ◦ ▪ 1. Head'],
	],
	['a block takes the style of the innermost heading around it', '<h1><h2><p>t</p></h2></h1>', 20, ['heading2|t']],
];

for (const [name, html, width, expected] of cases) {
	test(name, () => assert.deepEqual(styled(html, width), expected));
}

test('tags nested past the renderer depth limit lose no text', () => {
	const html = `${'<span>'.repeat(405)}deep${'</span>'.repeat(405)}<p>after</p>`;
	assert.deepEqual(styled(html, 20), ['body|deep', 'body|', 'body|after']);
});
