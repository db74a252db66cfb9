// The shortcuts of width.ts (code points measured alone, windows of clusters, segmenting in pieces) give the widths
// and clusters a terminal shows, at the places where a shortcut could go wrong. Values written out by hand.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	clusterWidth,
	displayWidth,
	graphemes,
	isWideCodePoint,
	padEnd,
	sliceWidth,
	truncate,
} from '../../../src/core/text/width.ts';

test('clusterWidth: a lone code point by its own width, a longer cluster as a whole', () => {
	assert.equal(clusterWidth('a'), 1);
	assert.equal(clusterWidth('中'), 2);
	assert.equal(clusterWidth('𠀀'), 2);
	assert.equal(clusterWidth('\u0301'), 0);
	// Keycap: 1 + VS16 + U+20E3 is an emoji, two columns, though "1" alone is one.
	assert.equal(clusterWidth('1\ufe0f\u20e3'), 2);
	// A halfwidth voiced mark adds its own column to the kana before it.
	assert.equal(clusterWidth('ｶﾞ'), 2);
	assert.equal(clusterWidth('𠀀ﾞ'), 3);
});

test('displayWidth: a window of clusters does not end before a code point that still joins', () => {
	// x + accent, then a + skin tone: one cluster as wide as its "a".
	assert.equal(displayWidth('x\u0301a🏽'), 2);
	assert.equal(displayWidth('x👍🏽'), 3);
	// A consonant after a virama joins the cluster: क्ष is one column.
	assert.equal(displayWidth('xक्ष'), 2);
	assert.equal(displayWidth('x\u0301\u0301क्ष'), 2);
});

test('sliceWidth: the width of a piece of a line', () => {
	assert.equal(sliceWidth('中文', 0, 2), 4);
	assert.equal(sliceWidth('a\u0001b', 0, 3), 2);
	assert.equal(sliceWidth('a\u007fb', 0, 3), 2);
	assert.equal(sliceWidth('xe\u0301y', 1, 3), 1);
	assert.equal(sliceWidth('x😀y', 0, 4), 4);
});

test('isWideCodePoint: CJK and emoji, not letters or marks', () => {
	assert.equal(isWideCodePoint(0x1f600), true);
	assert.equal(isWideCodePoint(0x4e2d), true);
	assert.equal(isWideCodePoint(0x61), false);
	assert.equal(isWideCodePoint(0x301), false);
});

test('truncate to no columns gives nothing, even for text of no width', () => {
	assert.equal(truncate('\u200b', 0), '');
	assert.equal(truncate('abc', 0), '');
});

test('padEnd to an unbounded width leaves the text as it is', () => {
	assert.equal(padEnd('ab', Number.POSITIVE_INFINITY), 'ab');
});

test('graphemes: clusters cut by a segmenting window are found whole', () => {
	const x = (count: number) => Array.from({length: count}, () => 'x');
	const pair = '👩\u200d👩';
	// The window ends inside the second woman (a surrogate pair), or just after the joiner before her.
	assert.deepEqual(graphemes(`${'x'.repeat(508)}${pair}y`), [...x(508), pair, 'y']);
	assert.deepEqual(graphemes(`${'x'.repeat(509)}${pair}y`), [...x(509), pair, 'y']);
	// A combining mark from the first supplementary plane (high surrogate U+D800), and an emoji with its skin tone
	// (the window ends between the two pairs).
	assert.deepEqual(graphemes(`${'x'.repeat(510)}a\u{101fd}y`), [...x(510), 'a\u{101fd}', 'y']);
	assert.deepEqual(graphemes(`${'x'.repeat(510)}😀🏽y`), [...x(510), '😀🏽', 'y']);
	// One cluster longer than a window.
	const long = `a${'\u0301'.repeat(600)}`;
	assert.deepEqual(graphemes(`${long}b`), [long, 'b']);
	// A lone surrogate at the very end is a cluster of its own.
	assert.deepEqual(graphemes('e\u0301\ud83d'), ['e\u0301', '\ud83d']);
});
