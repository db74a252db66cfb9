// Every seed and real corpus article, every bundled manual article, and the seed-shaped fixture (so that the checks
// themselves run on any clone), rendered at 40, 60 and 80 columns: width, kinsoku at both ends of every line (code
// and the header included), control characters, blank lines, and no text lost (against an independent walk of the
// DOM). Without ../shared the fixture and the manual run, and the corpus test says it skipped; with
// LEAF_REQUIRE_CORPUS=1 (CI) the file fails instead.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {test} from 'node:test';
import {parseDocument} from 'htmlparser2';
import {parseArticle, type Article} from '../../src/core/article/article.ts';
import {markdownToHtml} from '../../src/core/render/markdown.ts';
import {renderArticle, renderHeader} from '../../src/core/render/render.ts';
import type {Line} from '../../src/core/render/lines.ts';
import {sanitizeText} from '../../src/core/text/sanitize.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {articlePath} from '../helpers/fixtures.ts';
import {endsWithOpening, startsWithClosing} from '../helpers/kinsoku.ts';
import {corpusDir, repoRoot, seedPath, skipUnlessShared} from '../helpers/shared.ts';

const skipCorpus = skipUnlessShared(corpusDir) || skipUnlessShared(seedPath);
const sharedFiles = skipCorpus
	? []
	: [dirname(seedPath), corpusDir].flatMap((folder) =>
			readdirSync(folder)
				.filter((name) => name.endsWith('.md'))
				.sort()
				.map((name) => join(folder, name)),
		);
const manual = readdirSync(join(repoRoot, 'content'), {recursive: true, withFileTypes: true})
	.filter((entry) => entry.isFile() && /\.(md|markdown)$/.test(entry.name))
	.map((entry) => join(entry.parentPath, entry.name))
	.sort();
const files = [articlePath, ...sharedFiles, ...manual];

const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]/;
/** Quote margins and hanging indents (a list label starts a block, the text after it may start with anything). */
const margins = /^[│\s]*/;

// Not shown: scripts and the like, and the fallback text inside players (an embed is `[video n: title]`).
const SKIPPED = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'head',
	'title',
	'frame',
	'frameset',
	'iframe',
	'video',
	'audio',
	'object',
	'embed',
]);

interface DomNode {
	type: string;
	name?: string;
	data?: string;
	children?: DomNode[];
}

/**
 * The body's text content, whitespace removed, by a plain DOM walk. Header cells are returned apart:
 * a table too wide for the screen repeats them as labels in front of each value.
 */
function textContent(article: Article): {text: string; headerCells: string[]} {
	const html = article.format === 'markdown' ? markdownToHtml(article.body) : article.body;
	const parts: string[] = [];
	const headerCells: string[][] = [];
	const pending = [...(parseDocument(html).children as DomNode[])].reverse().map((node) => ({node, out: parts}));
	for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
		const {node, out} = item;
		if (node.type === 'text') out.push(node.data ?? '');
		if (node.type !== 'tag' || SKIPPED.has(node.name ?? '')) continue;
		let target = out;
		if (node.name === 'th') {
			target = [];
			headerCells.push(target);
		}
		const children = node.children ?? [];
		for (let i = children.length - 1; i >= 0; i--) pending.push({node: children[i] as DomNode, out: target});
	}
	// Whitespace, and zero-width characters that can make a line look empty, are layout.
	const clean = (text: string) =>
		sanitizeText(text).replace(/[\s\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]+/g, '');
	return {
		text: clean(parts.join('')),
		headerCells: headerCells.map((cell) => clean(cell.join(''))).filter((cell) => cell !== ''),
	};
}

/** Where `expected` stops being a subsequence of `actual`, or -1 when all of it is there in order. */
function firstMissing(expected: string, actual: string): number {
	let at = 0;
	for (let i = 0; i < expected.length; i++) {
		at = actual.indexOf(expected[i] as string, at);
		if (at === -1) return i;
		at++;
	}
	return -1;
}

function bodyLines(lines: Line[], article: Article, width: number): Line[] {
	const start = renderHeader(article, width).length;
	const references = lines.findIndex((line) => line.style === 'reference');
	return lines.slice(start, references === -1 ? lines.length : references - 2);
}

/** A wrapped code line's continuation mark is no part of the code. */
const continuation = /^([│\s]*)↪ /;

for (const file of files) {
	const name = relative(join(repoRoot, '..'), file);
	const article = parseArticle(readFileSync(file, 'utf8'), name);
	const content = textContent(article);
	for (const width of [40, 60, 80]) {
		test(`${name} at ${width} columns`, () => {
			const lines = renderArticle(article, {width});
			lines.forEach((line, index) => {
				const where = `line ${index} ${JSON.stringify(line.text)}`;
				assert.ok(displayWidth(line.text) <= width, `${where} is ${displayWidth(line.text)} columns`);
				assert.doesNotMatch(line.text, controls, where);
				if (line.spans) assert.equal(line.spans.map((span) => span.text).join(''), line.text, where);
				const text = line.text.replace(continuation, '$1').replace(margins, '');
				assert.ok(!startsWithClosing(text, {ascii: false}), `${where} starts with closing punctuation`);
				assert.ok(!endsWithOpening(line.text.trimEnd(), {ascii: false}), `${where} ends with opening punctuation`);
				if (line.style === 'meta') assert.ok(!text.startsWith('·'), `${where} starts with a separator`);
			});
			const blank = (line: Line | undefined) => line !== undefined && line.text === '' && line.style !== 'code';
			assert.ok(!blank(lines[0]) && !blank(lines.at(-1)), 'no blank line first or last');
			assert.ok(
				lines.every((line, index) => !(blank(line) && blank(lines[index + 1]))),
				'no two blank lines in a row',
			);

			const body = bodyLines(lines, article, width)
				.map((line) => line.text.replace(continuation, '$1'))
				.join('')
				.replace(/\s+/g, '');
			const missing = firstMissing(content.text, body);
			assert.equal(
				missing,
				-1,
				`text lost at ${missing}: …${content.text.slice(Math.max(0, missing - 20), missing)}⟨${content.text.slice(missing, missing + 20)}⟩`,
			);
			for (const cell of content.headerCells) assert.ok(body.includes(cell), `table header ${cell} missing`);
		});
	}
}

test('the corpus is there', {skip: skipCorpus}, () => {
	assert.ok(sharedFiles.length >= 60, `found ${sharedFiles.length} articles in ${corpusDir}`);
	assert.ok(manual.length >= 10, `found ${manual.length} manual articles`);
});
