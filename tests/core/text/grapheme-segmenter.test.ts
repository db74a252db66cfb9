// leaf's grapheme segmenter, which the bundle gives ansi-tokenize and slice-ansi: the same segments as
// Intl.Segmenter, iterated and asked for the one containing each index.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {graphemeSegmenter} from '../../../src/core/text/grapheme-segmenter.ts';

const intl = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const samples = [
	'',
	'plain ASCII text',
	'\u001b[1m\u001b[36mbold cyan\u001b[39m\u001b[22m and plain',
	'\u001b]8;;https://example.com\u0007a link\u001b]8;;\u0007',
	'中文标题，逗号。句号',
	'e\u0301 cafe\u0301 combining',
	'👩‍👩‍👧 family, 🇨🇳 flag, 👍🏽 skin tone, ❤️ heart',
	'\u1100\u1161\u11a8 jamo, 한국어',
	'line\r\nbreak\rcarriage',
	'क्षत्रिय Devanagari',
	'tab\tand \u0000 controls \u007f',
	'\ud800 a lone surrogate',
];

const asPlain = (segments: Iterable<Intl.SegmentData>) =>
	Array.from(segments, ({segment, index, input}) => ({segment, index, input}));

test('segments as Intl.Segmenter does, iterated', () => {
	for (const text of samples)
		assert.deepEqual(asPlain(graphemeSegmenter.segment(text)), asPlain(intl.segment(text)), text);
});

test('the segment containing each index, and none outside the text, as Intl.Segmenter gives', () => {
	for (const text of samples) {
		const ours = graphemeSegmenter.segment(text);
		const theirs = intl.segment(text);
		for (let index = -2; index <= text.length + 1; index++) {
			const expected = theirs.containing(index);
			assert.deepEqual(
				ours.containing(index),
				expected && {segment: expected.segment, index: expected.index, input: expected.input},
				`${JSON.stringify(text)} at ${index}`,
			);
		}
		assert.deepEqual(ours.containing(), text ? asPlain([theirs.containing() as Intl.SegmentData])[0] : undefined);
	}
});

test('a segmentation can be iterated more than once', () => {
	const segments = graphemeSegmenter.segment('ab中');
	assert.deepEqual(asPlain(segments), asPlain(segments));
	assert.equal(asPlain(segments).length, 3);
});
