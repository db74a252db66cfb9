// The bundle's browser is two scripts (scripts/build.mjs): browser.cjs, what the first frame runs, and
// browser-later.cjs, what the browser imports after it. The first must not take in the render pipeline or the
// parsers, and every module it asks the second for must be there.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {parseArticle} from '../../src/core/article/article.ts';
import {referencesOf} from '../../src/core/render/references.ts';
import {renderArticle} from '../../src/core/render/render.ts';
import {runScript} from '../../src/io/browser-script.ts';

const dist = new URL('../../dist/', import.meta.url);

const sources = (script: string) =>
	(JSON.parse(readFileSync(new URL(`${script}.map`, dist), 'utf8')) as {sources: string[]}).sources;
const packageOf = (source: string) => /node_modules\/((@[^/]+\/)?[^/]+)\//.exec(source)?.[1];

const ARTICLE = `---\ntitle: 两个脚本\ncategories: [技术, 前端]\n---\n<h2>标题</h2><p>中文段落，在四十列处换行。<a href="https://example.org/">链接</a></p>\n`;

/**
 * What only the articles' text needs: the render pipeline and the parsers. (Not linebreak, which the help overlay
 * wraps its text with: it is in both.)
 */
const LATER_PACKAGES = ['html-to-text', 'htmlparser2', 'marked', 'js-yaml', 'gray-matter'];

test('the first script holds none of what only an article needs; the later one holds it', () => {
	const first = sources('browser.cjs');
	const later = sources('browser-later.cjs');
	for (const name of LATER_PACKAGES) {
		assert.ok(!first.some((source) => packageOf(source) === name), `${name} is in browser.cjs`);
		assert.ok(
			later.some((source) => packageOf(source) === name),
			`${name} is not in browser-later.cjs`,
		);
	}
	for (const module of ['src/core/render/render.ts', 'src/core/article/article.ts']) {
		assert.ok(!first.includes(`../${module}`), `${module} is in browser.cjs`);
		assert.ok(later.includes(`../${module}`), `${module} is not in browser-later.cjs`);
	}
	// The first frame's own code is in the first script.
	assert.ok(first.includes('../src/ui/list-pane.tsx'));
	assert.ok(first.some((source) => packageOf(source) === 'ink'));
});

test('every module the first script asks for is one the later script gives, with its exports', () => {
	const asked = [
		...readFileSync(new URL('browser.cjs', dist), 'utf8').matchAll(/leafScriptMeta\.later\("([^"]+)"\)/g),
	].map((match) => match[1]!);
	assert.deepEqual([...new Set(asked)].sort(), [
		'src/core/article/article.ts',
		'src/core/render/render.ts',
		'src/io/scan-head.ts',
		'src/io/search-match.ts',
	]);
	const {exports} = runScript(new URL('browser-later.cjs', dist), 'test', null);
	const modules = (exports as {modules: Record<string, Record<string, unknown>>}).modules;
	assert.deepEqual(Object.keys(modules).sort(), [...new Set(asked)].sort());
	assert.equal(typeof modules['src/core/render/render.ts']!.renderArticle, 'function');
	assert.equal(typeof modules['src/core/article/article.ts']!.parseArticle, 'function');
	assert.equal(typeof modules['src/io/scan-head.ts']!.parseFound, 'function');
	assert.equal(typeof modules['src/io/search-match.ts']!.matchingFiles, 'function');
	// The later script's parser and pipeline give what the modules give.
	type Render = (article: unknown, options: {width: number}) => unknown;
	type Parse = (source: string, path: string) => unknown;
	const bundled = modules['src/core/render/render.ts']!.renderArticle as Render;
	const parsed = (modules['src/core/article/article.ts']!.parseArticle as Parse)(ARTICLE, 'a.md');
	const lines = bundled(parsed, {width: 40}) as object[];
	assert.deepEqual(lines, renderArticle(parseArticle(ARTICLE, 'a.md'), {width: 40}));
	// What the later script rendered, the first asks about (the links overlay): its copy of references.ts sees them.
	assert.deepEqual(referencesOf(lines), [{number: 1, url: 'https://example.org/', kind: 'link'}]);
});
