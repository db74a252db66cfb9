import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bodyMatches, bodyText} from '../../../src/core/search/file-match.ts';
import type {Needle} from '../../../src/core/search/prefilter.ts';
import {mightContain, prepareNeedle} from '../../../src/core/search/prefilter.ts';
import {findMatches} from '../../../src/core/browser/matches.ts';

// prepareNeedle looks through every code point for the first character's case forms (once per search in leaf):
// made once per query here, so that the file stays quick.
const needles = new Map<string, Needle>();
const needleFor = (query: string): Needle => {
	if (!needles.has(query)) needles.set(query, prepareNeedle(query)!);
	return needles.get(query)!;
};

const file = (body: string) => `---\ntitle: T\nlink: https://example.com/needle\n---\n${body}\n`;

/** Found in the shown text, whatever hides it in the file. */
const shownCases: [string, string, string][] = [
	['plain HTML', '<p>The Kernel panics</p>', 'kernel'],
	['a tag inside the word', '<p>中<strong>国</strong>人</p>', '中国人'],
	['an attribute holding >', '<p>中<span title="a>b">国</span></p>', '中国'],
	['a numeric entity', '<p>&#x4E2D;国</p>', '中国'],
	['a decimal entity for a Latin letter', '<p>k&#101;rnel</p>', 'kernel'],
	['a named entity for a space', '<p>open&nbsp;source</p>', 'open source'],
	['markdown emphasis inside a word', 'ker**nel** and more', 'kernel'],
	['a markdown link', 'see [the ker](https://x.com/(a)b)nel here', 'the kernel'],
	['white space runs', '<p>open\n   source</p>', 'open source'],
	['a comment inside the word', '<p>ker<!-- x > y -->nel</p>', 'kernel'],
	['a style element inside the word', '<p>ker<style>p{}</style>nel</p>', 'kernel'],
	['a control character', '<p>ker\u0007nel</p>', 'kernel'],
	['the Kelvin sign', '<p>\u212Aernel</p>', 'kernel'],
	['an image description', '<p><img alt="Kernel diagram" src="a.png"></p>', 'kernel diagram'],
];

test('the prefilter lets through every file whose shown text holds the needle, and the text confirms it', () => {
	for (const [name, body, query] of shownCases) {
		const needle = needleFor(query);
		assert.equal(mightContain(file(body), needle), true, `${name}: prefilter`);
		assert.equal(bodyMatches(file(body), needle), true, `${name}: shown text ${JSON.stringify(bodyText(file(body)))}`);
	}
});

/** Not in the shown text: markup, attributes, URLs, front matter, or split between blocks. */
const hiddenCases: [string, string, string][] = [
	['a URL', '<p><a href="https://example.com/kernel">link</a></p>', 'kernel'],
	['an attribute', '<p class="kernel">text</p>', 'kernel'],
	['the front matter', '<p>text</p>', 'needle'],
	['two paragraphs', '<p>open</p><p>source</p>', 'open source'],
	['a script', '<script>kernel()</script><p>x</p>', 'kernel'],
	['a markdown link target', '[text](https://kernel.org)', 'kernel'],
];

test('markup, attributes, URLs and the front matter are not searched', () => {
	for (const [name, body, query] of hiddenCases) assert.equal(bodyMatches(file(body), needleFor(query)), false, name);
});

test('a file without any trace of the needle is refused by the prefilter alone', () => {
	assert.equal(mightContain(file('<p>Nothing to see here.</p>'), needleFor('kernel')), false);
	assert.equal(mightContain(file('<p>中文内容</p>'), needleFor('中国')), false);
});

test('an empty query searches nothing', () => {
	assert.equal(prepareNeedle('   '), null);
});

test('matches in the reader lines: case-insensitive, and over a wrapped line end', () => {
	const lines = [
		{text: 'The kernel and the KERNEL', style: 'body' as const},
		{text: 'open', style: 'body' as const},
		{text: 'source 中', style: 'body' as const},
		{text: '国', style: 'body' as const},
	];
	assert.deepEqual(findMatches(lines, 'kernel').list, [
		{line: 0, start: 4, end: 10},
		{line: 0, start: 19, end: 25},
	]);
	const spanning = findMatches(lines, 'open source');
	assert.deepEqual(spanning.list, [{line: 1, start: 0, end: 4}]);
	assert.deepEqual(spanning.byLine.get(2), [{line: 2, start: 0, end: 6}]);
	assert.deepEqual(findMatches(lines, '中国').byLine.get(3), [{line: 3, start: 0, end: 1}]);
});
