// The bundle's ansi-tokenize and slice-ansi, given leaf's grapheme segmenter by the build (scripts/build-plugins.mjs),
// split and cut styled lines as the packages as published do.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
// @ts-expect-error: a plain JavaScript module of the build, without types.
import {inkSegmenters} from '../../scripts/build-plugins.mjs';
import {bundleAndImport} from '../helpers/bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const entry = `import {tokenize} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
export const bundled = {tokenize, sliceAnsi};`;

interface Bundled {
	tokenize: (text: string) => unknown[];
	sliceAnsi: (text: string, start: number, end?: number) => string;
}

async function bundle(plugins: unknown[]): Promise<{module: Bundled; code: string}> {
	const {exports, code} = await bundleAndImport<{bundled: Bundled}>(entry, plugins, root);
	return {module: exports.bundled, code};
}

const lines = [
	'plain text of a list row',
	'\u001b[1m\u001b[36m▸ ● 2026-11-20 Welcome to leaf\u001b[39m\u001b[22m',
	'\u001b[2m中文标题，逗号。\u001b[22m and 한국어 and e\u0301',
	'\u001b]8;;https://example.com\u0007linked\u001b]8;;\u0007 👩‍👩‍👧 🇨🇳 👍🏽 ❤️ end',
	'\u001b[7m\u001b[1m selected row with wide 字 at the end 字\u001b[27m\u001b[22m',
];

test("leaf's segmenter in the bundle gives ansi-tokenize's tokens and slice-ansi's cuts as published", async () => {
	const ours = await bundle([inkSegmenters(root)]);
	const published = await bundle([]);
	// What each package makes when it is loaded: gone from leaf's bundle.
	for (const made of [/\bsegmenter = new Intl\.Segmenter\(/, /\bGRAPHEME_SEGMENTER = new Intl\.Segmenter\(/]) {
		assert.match(published.code, made);
		assert.doesNotMatch(ours.code, made);
	}
	for (const line of lines) {
		assert.deepEqual(ours.module.tokenize(line), published.module.tokenize(line), line);
		for (let start = 0; start <= 12; start += 3)
			for (const end of [start + 1, start + 5, start + 20, undefined])
				assert.equal(ours.module.sliceAnsi(line, start, end), published.module.sliceAnsi(line, start, end), line);
	}
});
