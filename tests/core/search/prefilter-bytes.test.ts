// The prefilter on a file's bytes: wherever it answers, it answers as the prefilter on the decoded text does; and
// it does answer for the files a Chinese search mostly meets (so that a search decodes few of them).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {byteNeedle, mightContainBytes} from '../../../src/core/search/prefilter-bytes.ts';
import {mightContain, prepareNeedle} from '../../../src/core/search/prefilter.ts';
import {seededRandom} from '../../helpers/random.ts';

const verdict = (source: Buffer | string, query: string) => {
	const bytes = typeof source === 'string' ? Buffer.from(source) : source;
	return mightContainBytes(bytes, byteNeedle(prepareNeedle(query)!));
};

test('decided on the bytes: the needle there as it is, or its first character only where nothing can join it', () => {
	assert.equal(verdict('<p>我们的研究表明</p>', '研究'), true);
	assert.equal(verdict('<p>研发，研讨会，研</p>', '研究'), null, 'a start before 《，》 or at the end is for the text');
	assert.equal(verdict('<p>研发和研讨会</p>', '研究'), false);
	assert.equal(verdict('<p>没有这个词</p>', '研究'), false);
	assert.equal(verdict('the Kernel', 'kernel'), true);
	assert.equal(verdict('kernkerning', 'kernel'), false);
});

test('what only the text can settle is left to it', () => {
	// Markup between the characters, an entity anywhere, a space, a character with case, bytes that are not UTF-8.
	assert.equal(verdict('研<b>究</b>', '研究'), null);
	assert.equal(verdict('研&#31350;', '研究'), null);
	assert.equal(verdict('研究 &#20013;', '研究'), null);
	assert.equal(verdict('研\n究', '研究'), null);
	assert.equal(verdict('kernÉl', 'kernel'), null);
	assert.equal(verdict(Buffer.from([0xe7, 0xa0, 0x94, 0xff]), '研究'), null);
	assert.equal(verdict(Buffer.from([0xe7, 0xa0, 0x94, 0xe7, 0xa9]), '研究'), null, 'cut short');
	// Overlong and surrogate forms decode to U+FFFD, never to the character they spell.
	assert.equal(verdict(Buffer.from([0x6b, 0xc1, 0xa5]), 'ke'), null);
	assert.equal(verdict(Buffer.from([0x6b, 0xed, 0xa0, 0x80]), 'k\ud800'), null);
	assert.equal(mightContain(Buffer.from([0x6b, 0xc1, 0xa5]).toString('utf8'), prepareNeedle('ke')!), false);
});

/** Pieces a file is made of: plain characters, the needles' characters, and every kind of thing the text walk skips. */
const PLAIN = [
	'的',
	'是',
	'研',
	'究',
	'发',
	'，',
	'。',
	'a',
	'k',
	'e',
	'r',
	'n',
	'l',
	'K',
	'E',
	'o',
	'ο',
	'Ο',
	'Δ',
	'δ',
	'ς',
	'Σ',
	'x',
];
const SPECIAL = [
	' ',
	'\n',
	'<b>',
	'</p><p>',
	'<!-- 究 -->',
	'&amp;',
	'&#31350;',
	'&#x7a76;',
	'*',
	'[',
	'](https://example.com/研究)',
	'\u3000',
	'\u00a0',
	'\u200b',
	'\ufeff',
	'\u2028',
	'\u0085',
	'\u202e',
	'\u001b[1m',
	'\u212a',
	'İ',
	'😀',
	'É',
];
const INVALID = [[0xff], [0xc0, 0x80], [0xe7, 0xa0], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]];
const QUERIES = ['研究', '研', 'kernel', 'ker nel', 'οδος', 'k😀e', '究。'];

function randomFile(random: () => number, specials: number): Buffer {
	const parts: Buffer[] = [];
	const length = 1 + Math.floor(random() * 40);
	for (let i = 0; i < length; i++) {
		const roll = random();
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		if (roll < specials) parts.push(Buffer.from(pick(SPECIAL)));
		else if (roll < specials + 0.02) parts.push(Buffer.from(pick(INVALID)));
		else parts.push(Buffer.from(pick(PLAIN)));
	}
	return Buffer.concat(parts);
}

test('never another answer than the text prefilter: seeded files of every kind of piece', () => {
	const random = seededRandom(20261206);
	for (const specials of [0, 0.05, 0.3]) {
		const decided = new Map(QUERIES.map((query) => [query, 0]));
		const needles = QUERIES.map((query) => {
			const needle = prepareNeedle(query)!;
			return {query, needle, bytes: byteNeedle(needle)};
		});
		for (let n = 0; n < 3000; n++) {
			const bytes = randomFile(random, specials);
			const text = bytes.toString('utf8');
			for (const {query, needle, bytes: wanted} of needles) {
				const onBytes = mightContainBytes(bytes, wanted);
				if (onBytes === null) continue;
				decided.set(query, decided.get(query)! + 1);
				assert.equal(
					onBytes,
					mightContain(text, needle),
					`${query} in ${JSON.stringify(text)} (${bytes.toString('hex')})`,
				);
			}
		}
		// Plain Chinese text is mostly settled on its bytes.
		if (specials === 0) assert.ok(decided.get('研究')! > 1500, `decided: ${decided.get('研究')} of 3000`);
	}
});
