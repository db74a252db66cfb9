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

test('every RFC 2822 zone name, and numeric offsets of any form', () => {
	const cases: [string, string][] = [
		['02 Feb 2022 12:00 UT', '2022-02-02T12:00:00.000Z'],
		['02 Feb 2022 12:00 UTC', '2022-02-02T12:00:00.000Z'],
		['02 Feb 2022 12:00 z', '2022-02-02T12:00:00.000Z'],
		['02 Feb 2022 12:00 gmt', '2022-02-02T12:00:00.000Z'],
		['02 Feb 2022 12:00 EDT', '2022-02-02T16:00:00.000Z'],
		['02 Feb 2022 12:00 CST', '2022-02-02T18:00:00.000Z'],
		['02 Feb 2022 12:00 CDT', '2022-02-02T17:00:00.000Z'],
		['02 Feb 2022 12:00 MST', '2022-02-02T19:00:00.000Z'],
		['02 Feb 2022 12:00 MDT', '2022-02-02T18:00:00.000Z'],
		['02 Feb 2022 12:00 PST', '2022-02-02T20:00:00.000Z'],
		['02 Feb 2022 12:00 PDT', '2022-02-02T19:00:00.000Z'],
		['02 Feb 2022 12:00', '2022-02-02T12:00:00.000Z'],
		['02 February 2022 12:00:05 GMT', '2022-02-02T12:00:05.000Z'],
		['2 dec. 2022 12:00 GMT', '2022-12-02T12:00:00.000Z'],
		['Sun 31 Jan 2021 23:59:59 +0000', '2021-01-31T23:59:59.000Z'],
		['2022-02-02T12:00:00-03:30', '2022-02-02T15:30:00.000Z'],
		['2022-02-02T12:00:00+0530', '2022-02-02T06:30:00.000Z'],
		['2022-02-02T12:00:00+08', '2022-02-02T04:00:00.000Z'],
		['2022-02-02T12:00:00+23:59', '2022-02-01T12:01:00.000Z'],
		['2022-02-02T12:00:00z', '2022-02-02T12:00:00.000Z'],
		['2022-02-02 12:00:00,5Z', '2022-02-02T12:00:00.500Z'],
		['2022-02-02T12:00:00.123456789Z', '2022-02-02T12:00:00.123Z'],
		['2022-02-02T12:00:00.9999Z', '2022-02-02T12:00:00.999Z'],
		['2022-02-02T12:00:00.05Z', '2022-02-02T12:00:00.050Z'],
		['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
		['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
		['2021-12-31T23:59:59Z', '2021-12-31T23:59:59.000Z'],
		['2021-01-31T00:00:00Z', '2021-01-31T00:00:00.000Z'],
		['2021-04-30T00:00:00Z', '2021-04-30T00:00:00.000Z'],
	];
	for (const [text, iso] of cases) assert.equal(parseDate(text)?.toISOString(), iso, text);
});

test('years before 100 and leap days are read as written, in local time too', () => {
	const date = parseDate('0050-06-01 10:20:30.5');
	assert.ok(date);
	assert.deepEqual(
		[date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()],
		[50, 5, 1, 10, 20, 30],
	);
	assert.equal(date.getMilliseconds(), 500);
	assert.equal(parseDate('2024-02-29')?.getDate(), 29);
	assert.equal(parseDate('0001-01-01')?.getFullYear(), 1);
});

test('impossible fields and unknown zones are null', () => {
	const cases: string[] = [
		'1900-02-29',
		'2100-02-29T00:00:00Z',
		'2021-00-10',
		'2021-01-00',
		'2021-01-32',
		'2021-10-28 12:00:60',
		'2021-10-28T10:00:00+05:60',
		'2021-10-28T10:00:00+24:00',
		'02 Feb 2022 24:00 GMT',
		'02 Feb 2022 12:60 GMT',
		'02 Feb 2022 12:00:60 GMT',
		'00 Feb 2022 12:00 GMT',
		'29 Feb 2022 12:00 GMT',
		'02 Feb 0000 12:00 GMT',
		'02 Feb 2022 12:00 +2400',
		'02 Feb 2022 12:00 +0060',
		'02 Feb 2022 12:00 BST',
		'02 Feb 2022 12:00 A',
	];
	for (const text of cases) assert.equal(parseDate(text), null, text);
});

test('a date is read up to 64 characters, spaces around it not counted', () => {
	const padded = (length: number) => `2022-02-02T12:00:00.${'0'.repeat(length - 21)}Z`;
	assert.equal(padded(29).length, 29);
	assert.equal(parseDate(padded(29))?.toISOString(), '2022-02-02T12:00:00.000Z');
	const rfc = `Wed, 02 Feb 2022 12:00:00${' '.repeat(35)}GMT`;
	assert.equal(rfc.length, 63);
	assert.equal(parseDate(rfc)?.toISOString(), '2022-02-02T12:00:00.000Z');
	assert.equal(parseDate(`${rfc} `)?.toISOString(), '2022-02-02T12:00:00.000Z', 'trailing space trimmed');
	assert.equal(parseDate(rfc.replace('Wed, 02', 'Wed,  02'))?.toISOString(), '2022-02-02T12:00:00.000Z', '64');
	assert.equal(parseDate(rfc.replace('Wed, 02', 'Wed,   02')), null, '65 characters');
});

test('an RFC 2822 date is the whole text, and its parts may be spaced out', () => {
	assert.equal(parseDate('Wed,  02  Feb  2022  12:00 GMT')?.toISOString(), '2022-02-02T12:00:00.000Z');
	assert.equal(parseDate('1 02 Feb 2022 12:00 GMT'), null);
	assert.equal(parseDate('02 Feb 2022 12:00 GMT extra'), null);
	assert.equal(parseDate('on 2022-02-02'), null);
});
