import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {formatListRows, listRowChunks} from '../../src/cli/list-format.ts';
import {jsonBlock, jsonChunks, lineMarks} from '../../src/cli/list-json.ts';
import {articleMeta, listedJson} from '../helpers/article.ts';

/** One article's line, as `leaf list --json` writes it: its block, its marks spliced in. */
const listed = (meta: ArticleMeta, read: boolean, starred: boolean) =>
	Buffer.concat([...jsonChunks([jsonBlock([meta])], () => lineMarks(read, starred))]).toString();

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
		const chunks = [...jsonChunks([jsonBlock(articles)], (line) => lineMarks(articles[line]!.id === 'id1', false))];
		assert.ok(chunks.every((chunk) => chunk.length <= 300 * 1024));
		const parsed = JSON.parse(Buffer.concat(chunks).toString()) as {id: string; read: boolean; date: string | null}[];
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

test('the JSON of an article is exactly JSON.stringify of its fields in order, shared (frozen) lists or not', () => {
	const shared = Object.freeze([Object.freeze(['新媒体', '趣头条']), Object.freeze(['a "quoted" \\ one'])]);
	const metas: ArticleMeta[] = [
		articleMeta({}),
		articleMeta({
			id: '0123456789abcdef',
			path: 'dir/新\u0007文.md',
			title: 'Quotes " and \\ and \u2028 and 中文',
			date: new Date(Date.UTC(2021, 9, 28, 14, 8, 7, 5)),
			author: 'Ａ\tB',
			categories: shared as unknown as string[][],
			tags: ['x', '标签'],
			image: 'https://example.com/a.png',
			link: 'https://example.com/?a=1&b="2"',
			warning: 'date: not a date',
		}),
		articleMeta({date: null, image: null, link: null, warning: null, categories: [], tags: []}),
	];
	for (const meta of metas)
		for (const [read, starred] of [
			[false, false],
			[true, true],
		] as const) {
			const expected = `[\n${listedJson(meta, read, starred)}\n]\n`;
			assert.equal(listed(meta, read, starred), expected);
			// Again, now that the shared list's JSON is kept.
			assert.equal(listed(meta, read, starred), expected);
		}
});
