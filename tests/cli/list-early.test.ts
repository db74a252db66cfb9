import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {EarlyJson} from '../../src/cli/list-early.ts';
import {listJsonChunks} from '../../src/cli/list-format.ts';

const meta = (index: number, title = `T${index}`): ArticleMeta => ({
	id: `id${index}`,
	path: `p${index}.md`,
	title,
	date: new Date(Date.UTC(2022, 0, 1) - index * 1000),
	author: '作者',
	categories: [['新媒体', '趣头条']],
	tags: [],
	image: null,
	link: null,
	warning: null,
});

const text = (chunks: Iterable<string | Buffer>) =>
	[...chunks].map((chunk) => (typeof chunk === 'string' ? chunk : chunk.toString('utf8'))).join('');

test('lines made while the walk runs are written where the articles are unchanged; the rest is made anew', () => {
	const indexed = Array.from({length: 1700}, (_, index) => meta(index));
	const isRead = (article: ArticleMeta) => article.id === 'id3';
	const early = new EarlyJson(isRead);
	early.take(indexed);

	const final = [...indexed];
	final[600] = meta(600, 'changed');
	final.splice(1200, 1);
	final.push(meta(5000));
	assert.notEqual(early.sliceAt(final, 0), null, 'the first slice is unchanged');
	assert.equal(early.sliceAt(final, 500), null, 'the second holds the changed article');
	const withEarly = text(listJsonChunks(final, isRead, early));
	assert.equal(withEarly, text(listJsonChunks(final, isRead)));
	const parsed = JSON.parse(withEarly) as {id: string; title: string; read: boolean}[];
	assert.equal(parsed.length, 1700);
	assert.equal(parsed[600]!.title, 'changed');
	assert.equal(parsed[3]!.read, true);
	assert.ok(!parsed.some((article) => article.id === 'id1200'));
});

test('an empty list is an empty array', () => {
	assert.equal(text(listJsonChunks([], () => false)), '[]\n');
});
