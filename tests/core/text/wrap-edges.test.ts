// wrapLine and hardWrap at their edges: which characters are whitespace, forced breaks, surrogate pairs beside a
// break, glued words and the punctuation rules where UAX #14 alone would allow a break.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {hardWrap, wrapLine} from '../../../src/core/text/wrap.ts';

test('a width below 1 (or not a number) is 1 column', () => {
	for (const width of [0, 0.5, -3, Number.NaN]) {
		assert.deepEqual(wrapLine('ab cd', width), ['a', 'b', 'c', 'd'], `wrapLine @ ${width}`);
		assert.deepEqual(hardWrap('ab cd', width), ['a', 'b', ' ', 'c', 'd'], `hardWrap @ ${width}`);
	}
});

test('whitespace where a line breaks is dropped, whatever the kind', () => {
	const spaces: [string, string][] = [
		['\t', 'tab'],
		['\u1680', 'ogham space mark'],
		['\u2000', 'en quad'],
		['\u2003', 'em space'],
		['\u200a', 'hair space'],
		['\u205f', 'medium mathematical space'],
	];
	for (const [space, name] of spaces) {
		assert.deepEqual(wrapLine(`aaaa${space}bbbb`, 5), ['aaaa', 'bbbb'], name);
		// A break, not only a space that a word too wide for the line is split at.
		assert.deepEqual(wrapLine(`xxxxx aa${space}bb`, 8), ['xxxxx aa', 'bb'], `${name}, between short words`);
	}
});

test('line and paragraph separators are forced breaks, dropped like a newline', () => {
	const separators: [string, string][] = [
		['\u000b', 'vertical tab'],
		['\u000c', 'form feed'],
		['\r', 'carriage return'],
		['\u0085', 'next line'],
		['\u2028', 'line separator'],
		['\u2029', 'paragraph separator'],
	];
	for (const [separator, name] of separators) {
		assert.deepEqual(wrapLine(`ab${separator}cd ef`, 6), ['ab', 'cd ef'], name);
		assert.deepEqual(wrapLine(`abc def${separator}`, 5), ['abc', 'def'], `${name} at the end`);
	}
});

test('only whitespace is dropped: a figure space (it glues) and a control character stay', () => {
	assert.deepEqual(wrapLine('xxxx abc\u2007', 5), ['xxxx', 'abc\u2007']);
	assert.deepEqual(wrapLine('aaaa\u0008 bbbb', 5), ['aaaa\u0008', 'bbbb']);
});

test('a newline is a forced break even when the text would fit', () => {
	assert.deepEqual(wrapLine('one\ntwo', 10), ['one', 'two']);
	assert.deepEqual(hardWrap('ab\ncdef', 3), ['ab', 'cde', 'f']);
});

test('a space is a break: a word after it does not glue to the word before', () => {
	assert.deepEqual(wrapLine('中ab cd', 5), ['中ab', 'cd']);
});

test('a wide character beside a break is read whole, surrogate pairs and fullwidth forms alike', () => {
	// U+20000 and U+203FF: the first and last low surrogate of their block.
	assert.deepEqual(wrapLine('\u{20000}abcd', 4), ['\u{20000}', 'abcd']);
	assert.deepEqual(wrapLine('\u{203ff}abcd', 4), ['\u{203ff}', 'abcd']);
	assert.deepEqual(wrapLine('aＡbcd', 4), ['aＡ', 'bcd']);
});

test('closing punctuation after a space does not start a line; opening punctuation before one does not end it', () => {
	assert.deepEqual(wrapLine('abcd ”efgh', 6), ['abcd ”', 'efgh']);
	assert.deepEqual(wrapLine('abcd ’efgh', 6), ['abcd ’', 'efgh']);
	assert.deepEqual(wrapLine('ab “ cd', 4), ['ab', '“ cd']);
	// Hard split: the space in front of the comma goes down with it, and a letter with both.
	assert.deepEqual(wrapLine('abcd ，efg', 5), ['abc', 'd ，', 'efg']);
	assert.deepEqual(wrapLine('aaaaa\u00a0，bbbbb', 8), ['aaaaa\u00a0，', 'bbbbb']);
});

test('a hard split moves no cluster down when the punctuation and it would not fit: the width wins', () => {
	assert.deepEqual(hardWrap('ab，', 2), ['ab', '，']);
});

test('no-break spaces glue words that fit on a line; they give way only inside a piece wider than the line', () => {
	assert.deepEqual(wrapLine('xx aaaa\u00a0bbbb', 10), ['xx', 'aaaa\u00a0bbbb']);
	assert.deepEqual(wrapLine('xx aaaa\u00a0bbbbb', 10), ['xx', 'aaaa\u00a0bbbbb']);
	assert.deepEqual(wrapLine('aaaa\u00a0bbbb\u00a0cccc dd', 9), ['aaaa\u00a0bbbb', 'cccc dd']);
	assert.deepEqual(wrapLine('aaaa\u00a0bbbb\u00a0cccc dd', 7), ['aaaa', 'bbbb', 'cccc dd']);
	assert.deepEqual(wrapLine('aaaa\u00a0\u00a0bbbb', 5), ['aaaa', 'bbbb']);
	// A no-break indent is no place to break: the word is cut instead.
	assert.deepEqual(wrapLine('\u00a0\u00a0abcdefghij', 10), ['\u00a0\u00a0abcdefgh', 'ij']);
});
