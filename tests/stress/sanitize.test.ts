// sanitizeText on seeded random mixes and on bodies of megabytes (kept out of the mutation run for its time).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sanitizeText} from '../../src/core/text/sanitize.ts';
import {seededRandom} from '../helpers/random.ts';

const ESC = '\u001b';
const BEL = '\u0007';
const forbidden =
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test('sanitizeText leaves nothing a terminal could act on, whatever the mix (seeded fuzz)', () => {
	const tokens = [
		ESC,
		'[',
		']',
		'P',
		'X',
		'^',
		'_',
		'\\',
		'(',
		'#',
		'0',
		'1',
		';',
		'?',
		'm',
		'H',
		BEL,
		'\u009b',
		'\u009c',
		'\u009d',
		'\u0090',
		'\u0018',
		'\r',
		'\n',
		'\t',
		'\u2028',
		'\u202e',
		'\u2066',
		'\u0000',
		'\u007f',
		'\u0085',
		'a',
		'中',
		'\ud83d',
		'\ude00',
		'👍',
		'e\u0301',
		' ',
	];
	const random = seededRandom(20240601);
	for (let round = 0; round < 5000; round++) {
		let input = '';
		const length = 1 + Math.floor(random() * 24);
		for (let index = 0; index < length; index++) input += tokens[Math.floor(random() * tokens.length)];
		const output = sanitizeText(input);
		assert.doesNotMatch(output, forbidden, JSON.stringify(input));
		assert.equal(sanitizeText(output), output, `not stable: ${JSON.stringify(input)}`);
	}
});

test('sanitizeText stays linear on hostile bodies of megabytes', {timeout: 20_000}, () => {
	// Each of these would take minutes if a scan restarted per sequence.
	const unterminated = `${ESC}]`.repeat(1_000_000);
	assert.equal(sanitizeText(`${unterminated}tail`), 'tail');
	const openCsi = `${ESC}[1;`.repeat(500_000);
	assert.equal(sanitizeText(`${openCsi}x`), '');
	const manyShort = `${ESC}[31mA${ESC}]0;t${BEL}中\r\n`.repeat(200_000);
	assert.equal(sanitizeText(manyShort), 'A中\n'.repeat(200_000));
	const tabs = 'ab\tc中\td\n'.repeat(200_000);
	assert.equal(sanitizeText(tabs), `ab${' '.repeat(6)}c中${' '.repeat(5)}d\n`.repeat(200_000));
});
