// The tests' punctuation table (tests/helpers/kinsoku.ts) is the implementation's, code point by code point, and
// each of its characters is honoured where a line breaks.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isClosingPunctuation, isOpeningPunctuation, wrapLine} from '../../../src/core/text/wrap.ts';
import {CLOSING_PUNCTUATION, isClosing, isOpening, OPENING_PUNCTUATION} from '../../helpers/kinsoku.ts';

test('the table names each character once, by its code point', () => {
	for (const table of [CLOSING_PUNCTUATION, OPENING_PUNCTUATION]) {
		const chars = table.map(([char]) => char);
		assert.equal(new Set(chars).size, chars.length);
		for (const [char, name] of table) {
			const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
			assert.ok(name.startsWith(`U+${hex} `), `${char}: ${name}`);
		}
	}
});

test('the table and wrap.ts agree on every code point', () => {
	const differ: string[] = [];
	for (let code = 0; code <= 0x10ffff; code++) {
		const char = String.fromCodePoint(code);
		if (isClosingPunctuation(code) !== isClosing(char)) differ.push(`closing U+${code.toString(16)}`);
		if (isOpeningPunctuation(code) !== isOpening(char)) differ.push(`opening U+${code.toString(16)}`);
	}
	assert.deepEqual(differ, []);
});

test('each closing character goes down with the character before it', () => {
	for (const [char, name] of CLOSING_PUNCTUATION) {
		assert.deepEqual(wrapLine(`一二三${char}四`, 6), ['一二', `三${char}四`], name);
	}
});

test('each opening character goes down with the character after it', () => {
	for (const [char, name] of OPENING_PUNCTUATION) {
		// UAX #14 has no break on either side of a quotation mark (class QU): the line breaks before the ideograph in
		// front of it, and the quotation mark still does not end a line.
		const expected = '“‘'.includes(char) ? ['一', `二${char}三`, '四'] : ['一二', `${char}三四`];
		assert.deepEqual(wrapLine(`一二${char}三四`, 6), expected, name);
	}
});
