import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Article} from '../../src/core/article/article.ts';
import {parseArticle} from '../../src/core/article/article.ts';
import {renderArticle} from '../../src/core/render/render.ts';
import {previewLength, previewOf} from '../../src/ui/article-preview.ts';
import {meta} from '../helpers/browser-state.ts';
import {articlePath} from '../helpers/fixtures.ts';
import {corpusDir, skipUnlessShared} from '../helpers/shared.ts';

const article = (body: string, format: Article['format'] = 'html'): Article => ({...meta('a.md'), body, format});
const paragraphs = (count: number, size: number) =>
	Array.from({length: count}, (_, index) => `<p>${String(index).padEnd(size, '字')}</p>`).join('');

test('a long article is first shown from its beginning, cut after a whole block', () => {
	const cases: [string, Article, number, number | null][] = [
		['not twice the length: shown whole at once', article(paragraphs(10, 193)), 1000, null],
		['long html: whole paragraphs up to about the length', article(paragraphs(100, 993)), 5000, 5000],
		['the same at a smaller length', article(paragraphs(100, 993)), 2000, 2000],
		[
			'long markdown: whole paragraphs',
			article(Array.from({length: 100}, () => 'x'.repeat(498)).join('\n\n'), 'markdown'),
			5000,
			5000,
		],
		['one paragraph too long to cut: shown whole', article(`<p>${'长'.repeat(50_000)}</p>`), 5000, null],
	];
	for (const [name, input, length, expected] of cases) {
		const preview = previewOf(input, length);
		if (expected === null) {
			assert.equal(preview, null, name);
			continue;
		}
		assert.ok(preview, name);
		assert.equal(preview.body.length, expected, name);
		assert.ok(input.body.startsWith(preview.body), name);
		assert.match(preview.body, input.format === 'html' ? /<\/p>$/ : /\n\n$/, name);
		assert.equal(preview.title, input.title, "the header is the article's");
	}
});

test('with no block end before the length, the first one after it is taken', () => {
	const body = `<p>${'a'.repeat(7000)}</p>${paragraphs(30, 1000)}`;
	assert.equal(previewOf(article(body), 5000)?.body.length, 7007);
});

/** Whether the first screen of the preview is the first screen of the whole, at a few reader sizes. */
function checkPreviews(articles: Article[]): number {
	let previewed = 0;
	for (const [width, height] of [
		[79, 22],
		[58, 37],
		[39, 10],
		[100, 57],
	] as const) {
		const length = previewLength(width, height);
		for (const whole of articles) {
			const preview = previewOf(whole, length);
			if (!preview) continue;
			previewed++;
			const first = renderArticle(preview, {width});
			const all = renderArticle(whole, {width});
			assert.ok(first.length >= height, `${whole.path} at ${width}x${height}: ${first.length} lines`);
			// Its last lines may end differently (a list or a reference cut short): those on the first screen may not.
			assert.deepEqual(first.slice(0, height), all.slice(0, height), `${whole.path} at ${width}x${height}`);
		}
	}
	return previewed;
}

test("a long article of the seed's shape: the beginning fills the reader and is the first lines of the whole", () => {
	const fixture = parseArticle(readFileSync(articlePath, 'utf8'), 'seed-shape.md');
	// Its body thirty times over: long enough at every size for a preview to be cut.
	const long = {...fixture, body: fixture.body.repeat(30)};
	assert.equal(checkPreviews([long]), 4);
});

test(
	'on the real corpus, the beginning fills the reader and is the first lines of the whole',
	{skip: skipUnlessShared(corpusDir)},
	() => {
		const articles = readdirSync(corpusDir)
			.filter((name) => name.endsWith('.md'))
			.map((name) => parseArticle(readFileSync(join(corpusDir, name), 'utf8'), name));
		const previewed = checkPreviews(articles);
		assert.ok(previewed >= 10, `${previewed} previews`);
	},
);
