// The string-width interface Ink measures with in the bundle (scripts/build-plugins.mjs): string-width's answers.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidthApi from '../../../src/core/text/string-width-api.ts';

test('stringWidthApi gives string-width 8 widths, escape sequences and options included', () => {
	const cases: [string, string, Parameters<typeof stringWidthApi>[1], number][] = [
		['empty', '', undefined, 0],
		['ASCII', 'hello', undefined, 5],
		['Chinese', '中文，', undefined, 6],
		['emoji ZWJ family', '👩‍👩‍👧‍👦', undefined, 2],
		['e + combining acute', 'e\u0301', undefined, 1],
		['a tab (a control: no columns)', 'a\tb', undefined, 2],
		['colour codes around Chinese', '\u001b[31m中文\u001b[39m', undefined, 4],
		['an 8-bit CSI', '\u009b1mab', undefined, 2],
		['ambiguous as narrow by default', '…', undefined, 1],
		['ambiguous as wide when asked', '…', {ambiguousIsNarrow: false}, 2],
		['escape codes counted when asked', '\u001b[1mab', {countAnsiEscapeCodes: true}, 5],
	];
	for (const [name, text, options, expected] of cases) assert.equal(stringWidthApi(text, options), expected, name);
});

test('stringWidthApi answers 0 for what is not a string, as string-width does', () => {
	assert.equal(stringWidthApi(undefined as unknown as string), 0);
	assert.equal(stringWidthApi(42 as unknown as string), 0);
});
