// displayWidth and graphemes against string-width and Intl.Segmenter on seeded random text.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {displayWidth, graphemes} from '../../src/core/text/width.ts';
import {seededRandom} from '../helpers/random.ts';

const family = '👩‍👩‍👧‍👦';

test('displayWidth equals string-width, and graphemes Intl.Segmenter, on random mixes of hard cases (seeded)', () => {
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	const pool = [
		'a',
		' ',
		'中',
		'，',
		'ｶ',
		'ﾞ',
		'\u0301',
		'\u200d',
		'\u200b',
		'\ufe0f',
		'👩',
		'👍',
		'\u{1f3fb}',
		'🇯',
		'🇵',
		'\u1100',
		'\u1161',
		'\u11a8',
		'가',
		'\u0915',
		'\u094d',
		'\u0937',
		'\u0600',
		'1',
		'\u20e3',
		'©',
		'\t',
		'\n',
		'\r',
		'𠀀',
		'\ue000',
		'\u00ad',
		'\u0e33',
		'\u0903',
		'\ud800',
		'\udc00',
		'é',
		'\u{e0067}',
		'🏴',
		'\u3164',
		'❤',
		'\ufffd',
	];
	const random = seededRandom(42);
	for (let round = 0; round < 20_000; round++) {
		let text = '';
		const length = 1 + Math.floor(random() * 8);
		for (let index = 0; index < length; index++) text += pool[Math.floor(random() * pool.length)];
		assert.equal(displayWidth(text), stringWidth(text), JSON.stringify(text));
		assert.deepEqual(
			graphemes(text),
			Array.from(segmenter.segment(text), ({segment}) => segment),
			JSON.stringify(text),
		);
	}
});

test('graphemes of long text equal one Intl.Segmenter pass (segmented in windows, seeded)', () => {
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	const pool = [
		'a',
		'中',
		'\u0301',
		'\u200d',
		'\ufe0f',
		'👩',
		'👍',
		'\u{1f3fb}',
		'🇯',
		'🇵',
		'\u1100',
		'\u1161',
		'\u11a8',
		'가',
		'\u0915',
		'\u094d',
		'\u0937',
		'\u0600',
		'\u20e3',
		'\u0e33',
		family,
		'🇯🇵',
	];
	const random = seededRandom(3);
	for (let round = 0; round < 100; round++) {
		let text = '';
		const length = 200 + Math.floor(random() * 1500);
		for (let index = 0; index < length; index++) text += pool[Math.floor(random() * pool.length)];
		assert.deepEqual(
			graphemes(text),
			Array.from(segmenter.segment(text), ({segment}) => segment),
			`round ${round}`,
		);
		assert.equal(displayWidth(text), stringWidth(text), `round ${round}`);
	}
});
