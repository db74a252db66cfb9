// Bytes to text: a few stray bytes are tolerated, binary files are refused.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeText} from '../../../src/core/text/decode.ts';

const bytes = (...parts: (string | number[])[]) =>
	Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));
const repeat = (byte: number, count: number) => Array.from({length: count}, () => byte);

test('UTF-8 text decodes as it is', () => {
	assert.deepEqual(decodeText(bytes('中文 text\n')), {text: '中文 text\n'});
	assert.deepEqual(decodeText(bytes('')), {text: ''});
});

test('up to 8 NUL bytes in any file, or 1 per 100 bytes', () => {
	assert.deepEqual(decodeText(bytes(repeat(0, 8))), {text: '\u0000'.repeat(8)});
	assert.deepEqual(decodeText(bytes(repeat(0, 9))), {problem: 'is not a text file (NUL bytes)'});
	assert.deepEqual(decodeText(bytes('a', repeat(0, 9), 'b'.repeat(90))), {problem: 'is not a text file (NUL bytes)'});
	assert.deepEqual(decodeText(bytes(repeat(0, 10), 'b'.repeat(990))), {
		text: `${'\u0000'.repeat(10)}${'b'.repeat(990)}`,
	});
	assert.deepEqual(decodeText(bytes(repeat(0, 11), 'b'.repeat(989))), {problem: 'is not a text file (NUL bytes)'});
});

test('up to 8 invalid sequences in any file, or 1 per 1,000 bytes; they become U+FFFD', () => {
	assert.deepEqual(decodeText(bytes('a', repeat(0xff, 8))), {text: `a${'\ufffd'.repeat(8)}`});
	assert.deepEqual(decodeText(bytes('a', repeat(0xff, 9))), {problem: 'is not UTF-8 text (9 invalid sequences)'});
	const long = 'x'.repeat(9990);
	assert.deepEqual(decodeText(bytes(long, repeat(0xff, 10))), {text: `${long}${'\ufffd'.repeat(10)}`});
	assert.deepEqual(decodeText(bytes(long, repeat(0xff, 11))), {problem: 'is not UTF-8 text (11 invalid sequences)'});
});

test('a real U+FFFD in the file is text, not an error', () => {
	const real = '\ufffd'.repeat(20);
	assert.deepEqual(decodeText(bytes(real)), {text: real});
	assert.deepEqual(decodeText(bytes(`a${real}`, repeat(0xff, 8))), {text: `a${real}${'\ufffd'.repeat(8)}`});
	assert.deepEqual(decodeText(bytes(`a${real}`, repeat(0xff, 9))), {
		problem: 'is not UTF-8 text (9 invalid sequences)',
	});
	// A cut-off U+FFFD (EF BF) at the end is one invalid sequence, not a real one.
	assert.deepEqual(decodeText(bytes(repeat(0xff, 8), [0xef, 0xbf])), {
		problem: 'is not UTF-8 text (9 invalid sequences)',
	});
	assert.deepEqual(decodeText(bytes(repeat(0xef, 9))), {problem: 'is not UTF-8 text (9 invalid sequences)'});
});

test('only EF BF BD is a real U+FFFD: its neighbours are not mistaken for one', () => {
	// EF BF followed by a letter: one invalid sequence each, then the letter.
	assert.deepEqual(decodeText(bytes(...repeat(0, 9).map(() => [0xef, 0xbf, 0x41]))), {
		problem: 'is not UTF-8 text (9 invalid sequences)',
	});
	// U+FFFE (EF BF BE) and U+FF45 (EF BD 85) are valid text, and no excuse for stray bytes.
	assert.deepEqual(decodeText(bytes('\ufffe'.repeat(9), repeat(0xff, 9))), {
		problem: 'is not UTF-8 text (9 invalid sequences)',
	});
	assert.deepEqual(decodeText(bytes('ｅ'.repeat(9), repeat(0xff, 9))), {
		problem: 'is not UTF-8 text (9 invalid sequences)',
	});
});
