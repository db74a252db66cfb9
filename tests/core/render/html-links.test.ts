// HTML body -> lines: links and images become numbered references; unsafe targets get no number.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from '../../helpers/render-html.ts';

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
