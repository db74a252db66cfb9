import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseDate} from '../../../src/core/article/dates.ts';

test('dates with a zone are read as that instant', () => {
	const cases: [string, string][] = [
		['Wed, 02 Feb 2022 07:38:40 GMT', '2022-02-02T07:38:40.000Z'],
		['Thu, 30 Nov 2017 01:13:11 GMT', '2017-11-30T01:13:11.000Z'],
		['02 Feb 2022 07:38 +0800', '2022-02-01T23:38:00.000Z'],
		['Wed, 2 Feb 2022 07:38:40 -0500', '2022-02-02T12:38:40.000Z'],
		['Wed, 02 Feb 2022 07:38:40 EST', '2022-02-02T12:38:40.000Z'],
		['2022-02-02T07:38:40Z', '2022-02-02T07:38:40.000Z'],
		['2022-02-02T07:38:40.250Z', '2022-02-02T07:38:40.250Z'],
		['2022-02-02T15:38:40+08:00', '2022-02-02T07:38:40.000Z'],
		['2022-02-02 15:38:40 +0800', '2022-02-02T07:38:40.000Z'],
		['2022-02-02T07:38Z', '2022-02-02T07:38:00.000Z'],
		['  2024-02-29T00:00:00Z  ', '2024-02-29T00:00:00.000Z'],
	];
	for (const [text, iso] of cases) assert.equal(parseDate(text)?.toISOString(), iso, text);
});

test('dates without a zone are local time, as hexo reads them', () => {
	const cases: [string, Date][] = [
		['2021-10-28 14:08:07', new Date(2021, 9, 28, 14, 8, 7)],
		['2021-10-28 14:08', new Date(2021, 9, 28, 14, 8)],
		['2021-10-28T14:08:07', new Date(2021, 9, 28, 14, 8, 7)],
		['2021-10-28', new Date(2021, 9, 28)],
		['2021-1-5 9:08:07', new Date(2021, 0, 5, 9, 8, 7)],
	];
	for (const [text, date] of cases) assert.equal(parseDate(text)?.getTime(), date.getTime(), text);
});

test('anything that is not a readable date is null, never a throw', () => {
	const cases: unknown[] = [
		'Invalid Date',
		'',
		'   ',
		'yesterday',
		'2021-13-01',
		'2021-02-29',
		'2021-04-31',
		'2021-10-28 24:00:00',
		'2021-10-28 12:60',
		'0000-01-01',
		'2021-10-28T10:00:00+25:00',
		'Wed, 32 Feb 2022 07:38:40 GMT',
		'Wed, 02 Foo 2022 07:38:40 GMT',
		'Wed, 02 Feb 2022 07:38:40 XYZ',
		'20211028',
		'2021-10-28 14:08:07 extra',
		'9'.repeat(100),
		20211028,
		1.5,
		Number.NaN,
		true,
		null,
		undefined,
		['2021-10-28'],
		{date: '2021-10-28'},
		new Date(Number.NaN),
	];
	for (const value of cases) assert.equal(parseDate(value), null, String(value));
});

test('an already-made valid Date is kept', () => {
	const date = new Date('2020-01-01T00:00:00Z');
	assert.equal(parseDate(date), date);
});
