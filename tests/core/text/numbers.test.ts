import {test} from 'node:test';
import assert from 'node:assert/strict';
import {groupDigits} from '../../../src/core/text/numbers.ts';

const intl = new Intl.NumberFormat('en-US');

test('groupDigits writes counts as Intl.NumberFormat en-US does', () => {
	const counts = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 123456, 999999, 1000000];
	const more = [1234567, 12345678, 123456789, Number.MAX_SAFE_INTEGER, 2 ** 31, 100_000 - 1];
	for (const count of [...counts, ...more, ...[...counts, ...more].map((n) => -n)])
		assert.equal(groupDigits(count), intl.format(count), String(count));
	for (let count = 0; count < 200_000; count += 997) assert.equal(groupDigits(count), intl.format(count));
});

test('groupDigits leaves what is not a safe integer to Intl', () => {
	for (const value of [1.5, 1234.5678, -0.25, Number.NaN, Infinity, -Infinity, 2 ** 60])
		assert.equal(groupDigits(value), intl.format(value), String(value));
});
