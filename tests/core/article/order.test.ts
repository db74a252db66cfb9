// The one article order, used by the library and the browser: newest first, undated last, then by path.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ArticleMeta} from '../../../src/core/article/article.ts';
import {compareNewestFirst, isNewestFirst, sortNewestFirst, sortTime} from '../../../src/core/article/order.ts';

const meta = (path: string, date: string | null): ArticleMeta => ({
	id: path,
	path,
	title: path,
	date: date === null ? null : new Date(date),
	author: '',
	categories: [],
	tags: [],
	image: null,
	link: null,
	warning: null,
});

test('newest first, undated and invalid dates last, ties by path whatever the input order', () => {
	const articles = [
		meta('b.md', '2022-02-02T07:38:40Z'),
		meta('undated-b.md', null),
		meta('old.md', '1999-12-31T23:59:59Z'),
		meta('invalid.md', 'not a date'),
		meta('a.md', '2022-02-02T07:38:40Z'),
		meta('new.md', '2024-01-01T00:00:00Z'),
		meta('undated-a.md', null),
	];
	const expected = ['new.md', 'a.md', 'b.md', 'old.md', 'invalid.md', 'undated-a.md', 'undated-b.md'];
	assert.deepEqual(
		sortNewestFirst(articles).map((article) => article.path),
		expected,
	);
	assert.deepEqual(
		sortNewestFirst([...articles].reverse()).map((article) => article.path),
		expected,
	);
	assert.equal(articles[0]!.path, 'b.md', 'the input is left as it was');
});

test('the sort time of an undated or invalid date is -Infinity', () => {
	assert.equal(sortTime(meta('a.md', '1970-01-01T00:00:01Z')), 1000);
	assert.equal(sortTime(meta('a.md', null)), -Infinity);
	assert.equal(sortTime(meta('a.md', 'garbage')), -Infinity);
});

test('compare: the sign says which comes first, 0 only for the same time and path', () => {
	assert.equal(compareNewestFirst(2, 'a', 1, 'a'), -1);
	assert.equal(compareNewestFirst(1, 'a', 2, 'a'), 1);
	assert.equal(compareNewestFirst(1, 'a', 1, 'b'), -1);
	assert.equal(compareNewestFirst(1, 'b', 1, 'a'), 1);
	assert.equal(compareNewestFirst(-Infinity, 'a', -Infinity, 'a'), 0);
	assert.equal(compareNewestFirst(-Infinity, 'a', 0, 'z'), 1);
});

test('isNewestFirst: true only when every neighbour pair is in the order', () => {
	const sorted = [
		meta('new.md', '2024-01-01T00:00:00Z'),
		meta('a.md', '2022-02-02T07:38:40Z'),
		meta('b.md', '2022-02-02T07:38:40Z'),
		meta('undated.md', null),
	];
	assert.equal(isNewestFirst(sorted), true);
	assert.equal(isNewestFirst([]), true);
	assert.equal(isNewestFirst([sorted[2]!]), true);
	assert.equal(isNewestFirst([sorted[0]!, sorted[2]!, sorted[1]!, sorted[3]!]), false, 'a tie out of path order');
	assert.equal(
		isNewestFirst([sorted[0]!, sorted[1]!, sorted[3]!, sorted[2]!]),
		false,
		'undated before dated, at the end',
	);
	assert.equal(isNewestFirst([sorted[1]!, sorted[0]!]), false, 'older first');
	assert.equal(isNewestFirst([sorted[0]!, sorted[0]!]), true, 'the same article twice compares equal');
});
