import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatDate, formatDay} from '../../../src/core/article/format.ts';
import {parseDate} from '../../../src/core/article/dates.ts';

test('dates of any year keep the columns of the list', () => {
	const cases: [string, string, string][] = [
		['2021-10-28 14:08:07', '2021-10-28 14:08', '2021-10-28'],
		['0999-12-31 23:59', '0999-12-31 23:59', '0999-12-31'],
		['0001-01-01 00:00', '0001-01-01 00:00', '0001-01-01'],
		['9999-12-31 23:59', '9999-12-31 23:59', '9999-12-31'],
		// One minute before midnight at -23:59 is the next day in every zone this test can run in.
		['9999-12-31 23:59:59 -23:59', 'after 9999      ', 'after 9999'],
	];
	for (const [front, date, day] of cases) {
		const parsed = parseDate(front);
		assert.ok(parsed, front);
		assert.equal(formatDate(parsed), date, front);
		assert.equal(formatDay(parsed), day, front);
	}
	const ancient = new Date(0);
	ancient.setFullYear(-5);
	assert.equal(formatDate(ancient), 'before 1        ');
	assert.equal(formatDay(ancient), 'before 1  ');
	assert.equal(formatDate(null), '');
	assert.equal(formatDay(new Date(Number.NaN)), '');
});
