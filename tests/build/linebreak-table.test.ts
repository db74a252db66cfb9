// The bundle's linebreak (its class table inflated at build time by scripts/build-plugins.mjs) breaks every code
// point where the package as published does.
import {test} from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain JavaScript module of the build, without types.
import {inflatedLinebreak} from '../../scripts/build-plugins.mjs';
import {bundleAndImport} from '../helpers/bundle.ts';

const entry = `import LineBreaker from 'linebreak';
export function breaks(text) {
	const breaker = new LineBreaker(text);
	const found = [];
	for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) found.push(next.position, next.required ? 1 : 0);
	return found;
}`;

async function bundledBreaks(plugins: unknown[]): Promise<(text: string) => number[]> {
	const {exports} = await bundleAndImport<{breaks: (text: string) => number[]}>(entry, plugins);
	return exports.breaks;
}

test('the inflated table gives the published breaks for every code point', async () => {
	const inflated = await bundledBreaks([inflatedLinebreak]);
	const published = await bundledBreaks([]);
	// Each code point between two letters: where a break falls around it depends on its class.
	for (let from = 0; from <= 0x10ffff; from += 0x10000) {
		let text = '';
		for (let codePoint = from; codePoint < from + 0x10000; codePoint++)
			if (codePoint < 0xd800 || codePoint > 0xdfff) text += `a${String.fromCodePoint(codePoint)}`;
		assert.deepEqual(inflated(text), published(text), `code points from U+${from.toString(16)}`);
	}
});
