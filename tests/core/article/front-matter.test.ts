import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import matter from 'gray-matter';
import {grayMatterOptions, readFrontMatter} from '../../../src/core/article/front-matter.ts';

test('front matter is found after a BOM, blank lines and with CRLF endings', () => {
	const cases: [string, string][] = [
		['plain', '---\ntitle: A\n---\nbody'],
		['leading blank line (the seed)', '\n---\ntitle: A\n---\nbody'],
		['leading spaces and blank lines', '  \n\t\n---\ntitle: A\n---\nbody'],
		['BOM', '\ufeff---\ntitle: A\n---\nbody'],
		['BOM then blank line', '\ufeff\n---\ntitle: A\n---\nbody'],
		['CRLF', '---\r\ntitle: A\r\n---\r\nbody'],
		['yaml language tag', '---yaml\ntitle: A\n---\nbody'],
		['json language tag', '---json\n{"title": "A"}\n---\nbody'],
	];
	for (const [name, source] of cases) {
		const result = readFrontMatter(source);
		assert.deepEqual(result, {data: {title: 'A'}, body: 'body', warning: null}, name);
	}
});

test('YAML timestamps stay strings and no YAML tag builds code or objects', () => {
	const {data, warning} = readFrontMatter('---\ndate: 2021-10-28 14:08:07\nn: 12\nb: true\nz: ~\n---\n');
	assert.equal(warning, null);
	assert.deepEqual(data, {date: '2021-10-28 14:08:07', n: 12, b: true, z: null});
	for (const tag of [
		'!!js/function "function () { return 1 }"',
		'!!js/regexp /x/',
		'!!js/undefined ""',
		'!!timestamp 2021-10-28',
	]) {
		const result = readFrontMatter(`---\nx: ${tag}\n---\nbody`);
		assert.match(result.warning ?? '', /^front matter is not valid YAML \(YAMLException line \d+\)/, tag);
		// Read line by line: the tag is kept as text.
		assert.deepEqual(result.data, {x: tag}, tag);
	}
});

test('front matter in javascript is refused and never runs', () => {
	const dir = mkdtempSync(join(tmpdir(), 'leaf-fm-'));
	const marker = join(dir, 'pwned');
	const code = `{title: (globalThis.leafPwned = true, require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'ran')}`;
	try {
		for (const opening of ['---js', '---javascript', '--- JS ', '---Javascript']) {
			const source = `${opening}\n${code}\n---\nbody`;
			const result = readFrontMatter(source);
			assert.deepEqual(result.data, {}, opening);
			assert.match(result.warning ?? '', /not supported/, opening);
			// Even past our own language check, gray-matter with our options refuses to eval.
			assert.throws(() => matter(source, grayMatterOptions), /refused/, opening);
		}
		assert.equal(existsSync(marker), false);
		assert.equal((globalThis as {leafPwned?: boolean}).leafPwned, undefined);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('unusable front matter leaves the whole text as body and one warning line', () => {
	const cases: [string, string, RegExp][] = [
		['toml', '---toml\ntitle = "A"\n---\nbody', /^front matter language "toml" is not supported$/],
		['coffee', '---coffee\ntitle: "A"\n---\nbody', /^front matter language "coffee" is not supported$/],
		[
			'engine named like an Object method',
			'---constructor\ntitle: A\n---\nbody',
			/^front matter language "constructor" is not supported$/,
		],
		[
			'escape codes in the language name',
			'---\x1b[31mred\n---\nbody',
			/^front matter language "31mred" is not supported$/,
		],
		['unterminated block', '---\ntitle: A\nno end here', /^front matter is not closed$/],
		['broken JSON', '---json\n{title: A}\n---\nbody', /^front matter could not be read: SyntaxError$/],
	];
	for (const [name, source, warning] of cases) {
		const result = readFrontMatter(source);
		assert.match(result.warning ?? '', warning, name);
		assert.doesNotMatch(result.warning ?? '', /[\x00-\x1f]/, name);
		assert.deepEqual(result.data, {}, name);
		assert.equal(result.body, source, name);
	}
});

test('front matter that is not a mapping keeps the body and says so', () => {
	for (const block of ['- a\n- b', 'just text', '42']) {
		const result = readFrontMatter(`---\n${block}\n---\nbody`);
		assert.deepEqual(result, {data: {}, body: 'body', warning: 'front matter is not a mapping'}, block);
	}
});

test('files without front matter are all body', () => {
	const cases = [
		'',
		'   ',
		'# Title\n\ntext',
		'<p>html</p>',
		'----\nnot front matter\n----\n',
		'text\n---\nmore',
		'---',
	];
	for (const source of cases) {
		const result = readFrontMatter(source);
		assert.deepEqual(result.data, {}, JSON.stringify(source));
		assert.equal(result.warning, null, JSON.stringify(source));
	}
});

test('an empty or comment-only block is no front matter, not an error', () => {
	for (const block of ['', '# just a comment']) {
		assert.deepEqual(readFrontMatter(`---\n${block}\n---\nbody`), {data: {}, body: 'body', warning: null}, block);
	}
});

test('a repeated key does not fail the file: the last one wins', () => {
	assert.deepEqual(readFrontMatter('---\ntitle: A\ntitle: B\n---\n').data, {title: 'B'});
});

test('gray-matter keeps no cache of what it parsed (it would hold every file for ever)', () => {
	const source = `---\ntitle: cached ${Math.random()}\n---\nbody`;
	readFrontMatter(source);
	assert.equal(Object.keys((matter as unknown as {cache: Record<string, unknown>}).cache).length, 0);
});
