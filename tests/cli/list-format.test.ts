import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {formatListRows, listJsonChunks, listRowChunks} from '../../src/cli/list-format.ts';

const meta = (n: number): ArticleMeta => ({
	id: `id${n}`,
	path: `a/${n}.md`,
	title: `标题 ${n}`,
	date: n % 3 === 0 ? null : new Date(Date.UTC(2022, 1, 2, 7, 38, n % 60)),
	author: 'leaf',
	categories: [['新媒体', '趣头条']],
	tags: [],
	image: null,
	link: null,
	warning: null,
});

for (const count of [0, 1, 1999, 2000, 2001, 4500]) {
	test(`${count} articles: the JSON pieces join into one valid array, in order, written in bounded pieces`, () => {
		const articles = Array.from({length: count}, (_, n) => meta(n));
		const chunks = [...listJsonChunks(articles, (article) => article.id === 'id1')];
		assert.ok(chunks.length <= Math.max(1, Math.ceil(count / 2000)));
		const parsed = JSON.parse(chunks.join('')) as {id: string; read: boolean; date: string | null}[];
		assert.deepEqual(
			parsed.map((item) => item.id),
			articles.map((article) => article.id),
		);
		assert.deepEqual(
			parsed.filter((item) => item.read).map((item) => item.id),
			count > 1 ? ['id1'] : [],
		);
		if (count > 1) assert.equal(parsed[1]?.date, '2022-02-02T07:38:01.000Z');
	});

	test(`${count} articles: the row pieces hold every row once, newline-terminated`, () => {
		const rows = formatListRows(
			Array.from({length: count}, (_, n) => meta(n)),
			() => false,
		);
		const text = [...listRowChunks(rows)].join('');
		assert.equal(text, rows.map((row) => `${row}\n`).join(''));
	});
}
