import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Article} from '../../src/core/article.ts';
import {previewOf} from '../../src/ui/use-article-loader.ts';
import {meta} from '../core/state-helpers.ts';

const article = (body: string, format: Article['format'] = 'html'): Article => ({...meta('a.md'), body, format});
const paragraphs = (count: number, size: number) => Array.from({length: count}, (_, index) => `<p>${String(index).padEnd(size, '字')}</p>`).join('');

test('a long article is first shown from its beginning, cut after a whole block', () => {
	const cases: [string, Article, number | null][] = [
		['short: shown whole at once', article(paragraphs(10, 100)), null],
		['long html: whole paragraphs up to about 5,000 characters', article(paragraphs(100, 993)), 5000],
		['long markdown: whole paragraphs', article(Array.from({length: 100}, () => 'x'.repeat(498)).join('\n\n'), 'markdown'), 5000],
		['one paragraph too long to cut: shown whole', article(`<p>${'长'.repeat(50_000)}</p>`), null],
	];
	for (const [name, input, length] of cases) {
		const preview = previewOf(input);
		if (length === null) {
			assert.equal(preview, null, name);
			continue;
		}
		assert.ok(preview, name);
		assert.equal(preview.body.length, length, name);
		assert.ok(input.body.startsWith(preview.body), name);
		assert.match(preview.body, input.format === 'html' ? /<\/p>$/ : /\n\n$/, name);
		assert.equal(preview.title, input.title, 'the header is the article\'s');
	}
});

test('with no block end before 5,000 characters, the first one after it is taken', () => {
	const body = `<p>${'a'.repeat(7000)}</p>${paragraphs(30, 1000)}`;
	assert.equal(previewOf(article(body))?.body.length, 7007);
});
