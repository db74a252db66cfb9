import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {EarlyJson} from '../../src/cli/list-early.ts';
import {listedJson} from '../helpers/article.ts';
import {JsonArray, jsonBlock, jsonChunks, lineMarks, type JsonBlock, type LineMarks} from '../../src/cli/list-json.ts';

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

const text = (chunks: Iterable<Buffer>) => Buffer.concat([...chunks]).toString('utf8');

/** What the output must be: JSON.stringify's text of each wanted article, marks included, one a line. */
const expected = (articles: readonly ArticleMeta[], marksOf: (line: number) => LineMarks) => {
	const lines = articles.flatMap((article, i) => {
		const marks = marksOf(i);
		return marks ? [listedJson(article, marks.read, marks.starred)] : [];
	});
	return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
};

/** Read 1, starred 2, both 3, left out 5 (of every 7). */
const someMarks = (line: number): LineMarks =>
	line % 7 === 5 ? null : lineMarks(line % 7 === 1 || line % 7 === 3, line % 7 === 2 || line % 7 === 3);

test('a block is the articles as unread and unstarred, and the array splices the real marks in', () => {
	const articles = Array.from({length: 30}, (_, index) =>
		meta(index, index === 4 ? 'a "read":false, title\n' : `T${index}`),
	);
	const written = text(jsonChunks([jsonBlock(articles)], someMarks));
	assert.equal(written, expected(articles, someMarks));
	const parsed = JSON.parse(written) as {id: string; read: boolean; starred: boolean}[];
	assert.equal(parsed.length, 30 - 4);
	assert.deepEqual(
		parsed.slice(0, 4).map(({read, starred}) => [read, starred]),
		[
			[false, false],
			[true, false],
			[false, true],
			[true, true],
		],
	);
});

test('the last line written ends the array, whichever block it is in and whatever follows it', () => {
	const articles = Array.from({length: 12}, (_, index) => meta(index));
	const blocks = [jsonBlock(articles.slice(0, 5)), jsonBlock(articles.slice(5, 9)), jsonBlock(articles.slice(9))];
	for (const lastWanted of [0, 4, 5, 8, 11]) {
		const marksOf = (line: number) => (line <= lastWanted ? lineMarks(line === lastWanted, false) : null);
		assert.equal(text(jsonChunks(blocks, marksOf)), expected(articles, marksOf), `last line ${lastWanted}`);
	}
	assert.equal(text(jsonChunks(blocks, () => null)), '[]\n');
	assert.equal(text(jsonChunks([], () => lineMarks(false, false))), '[]\n');
});

test('unmarked runs are written as slices of their block, in bounded pieces', () => {
	const articles = Array.from({length: 5000}, (_, index) => meta(index, `标题 ${index} ${'x'.repeat(100)}`));
	const block = jsonBlock(articles);
	const chunks = [...jsonChunks([block], () => lineMarks(false, false))];
	assert.equal(
		Buffer.concat(chunks).toString(),
		expected(articles, () => lineMarks(false, false)),
	);
	assert.ok(chunks.length > 2, `${block.bytes.length} bytes in ${chunks.length} pieces`);
	assert.ok(chunks.every((chunk) => chunk.length <= 300 * 1024));
	// Not copies: the middle pieces share the block's memory.
	assert.ok(chunks.slice(1, -1).every((chunk) => chunk.buffer === block.bytes.buffer));
});

test('a block may be overwritten once its pieces are written (a reused read buffer)', () => {
	const articles = Array.from({length: 40}, (_, index) => meta(index));
	const array = new JsonArray(40, someMarks);
	const written: string[] = [];
	for (let start = 0; start < 40; start += 7) {
		const block = jsonBlock(articles.slice(start, start + 7));
		const reused: JsonBlock = {...block, bytes: Buffer.from(block.bytes)};
		for (const chunk of array.block(reused)) written.push(chunk.toString());
		reused.bytes.fill(0x21);
	}
	for (const chunk of array.end()) written.push(chunk.toString());
	assert.equal(written.join(''), expected(articles, someMarks));
});

test('lines made while the walk runs are written where the articles are unchanged; the rest is made anew', () => {
	const indexed = Array.from({length: 1700}, (_, index) => meta(index));
	const early = new EarlyJson();
	early.take(indexed);

	const final = [...indexed];
	final[600] = meta(600, 'changed');
	final.splice(1200, 1);
	final.push(meta(5000));
	const blocks = [...early.blocks(final)];
	assert.equal(blocks[0], [...early.blocks(indexed)][0], 'the first block is the one made early');
	const marksOf = (line: number) => lineMarks(final[line]!.id === 'id3', false);
	const written = text(jsonChunks(blocks, marksOf));
	assert.equal(written, expected(final, marksOf));
	const parsed = JSON.parse(written) as {id: string; title: string; read: boolean}[];
	assert.equal(parsed.length, 1700);
	assert.equal(parsed[600]!.title, 'changed');
	assert.equal(parsed[3]!.read, true);
	assert.ok(!parsed.some((article) => article.id === 'id1200'));
});
