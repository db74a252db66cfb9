// `leaf list --json` with an index (list-early.ts): the JSON is ready before the walk ends, made at once or copied
// from the rows kept by an earlier list of the same index, and the output is byte for byte what making every
// line anew gives, with today's marks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {EarlyJson} from '../../src/cli/list-early.ts';
import {articleJson, listJsonChunks} from '../../src/cli/list-format.ts';
import {rowsFileFor} from '../../src/io/json-rows.ts';
import {tempFolders} from '../helpers/temp.ts';

const temp = tempFolders('leaf-list-early-');

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

/** An index file's place in a fresh folder (the rows go beside it; the index itself is never read here). */
const indexIn = () => ({file: join(temp(), 'index-0.bin'), digest: 'a'.repeat(64)});

test('each line is the article as one JSON object, its fields in their order, whatever is missing', () => {
	const variants: ArticleMeta[] = [
		meta(1),
		{...meta(2), date: null, warning: 'front matter unreadable: "x"', image: 'a.png', link: 'https://e.com/"q"'},
		{...meta(3), author: undefined as unknown as string, warning: undefined as unknown as null},
		{...meta(4), path: 'a\u001b[31m.md', title: '"引号"\n\t', tags: ['t'], categories: []},
	];
	for (const article of variants)
		for (const [read, starred] of [
			[false, false],
			[true, false],
			[false, true],
			[true, true],
		] as const) {
			const expected = JSON.stringify({
				id: article.id,
				path: article.path === 'a\u001b[31m.md' ? 'a.md' : article.path,
				title: article.title,
				date: article.date ? article.date.toISOString() : null,
				author: article.author,
				categories: article.categories,
				tags: article.tags,
				image: article.image,
				link: article.link,
				read,
				starred,
				warning: article.warning,
			});
			assert.equal(articleJson(article, read, starred), expected, article.path);
		}
});

test('lines made while the walk runs are written where the articles are unchanged; the rest is made anew', () => {
	const indexed = Array.from({length: 1700}, (_, index) => meta(index));
	const isRead = (article: ArticleMeta) => article.id === 'id3';
	const early = new EarlyJson(isRead);
	early.take(indexed, indexIn());

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

test('rows are kept only when the library proved unchanged, and the next list copies them with its own marks', async () => {
	const indexed = Array.from({length: 4500}, (_, index) => meta(index, index % 7 ? `T${index}` : `标题 "${index}"`));
	const from = indexIn();
	const first = new EarlyJson(() => false);
	first.take(indexed, from);
	await first.keep([...indexed]);
	assert.equal(existsSync(rowsFileFor(from.file)), false, 'a load that changed something keeps no rows');
	await first.keep(indexed);
	assert.equal(existsSync(rowsFileFor(from.file)), true);

	// Marks changed since: read and starred on different articles.
	const isRead = (article: ArticleMeta) => Number(article.id.slice(2)) % 3 === 0;
	const isStarred = (article: ArticleMeta) => Number(article.id.slice(2)) % 5 === 0;
	const second = new EarlyJson(isRead, isStarred);
	second.take(indexed, from);
	const copied = second.sliceAt(indexed, 0);
	assert.equal(copied?.count, 2000, 'a run of kept rows');
	assert.equal(
		text(listJsonChunks(indexed, isRead, second, isStarred)),
		text(listJsonChunks(indexed, isRead, undefined, isStarred)),
	);

	// The load changed some: what the rows hold is copied where the articles are the indexed ones, in order.
	const final = [...indexed];
	final[10] = meta(10, 'changed');
	final.splice(3000, 2);
	final.unshift(meta(9999));
	final.reverse();
	assert.equal(second.sliceAt(final, final.length - 1), null, 'a new article has no row');
	assert.equal(
		text(listJsonChunks(final, isRead, second, isStarred)),
		text(listJsonChunks(final, isRead, undefined, isStarred)),
	);
	await second.keep(indexed);
});

test('rows of another index, or of another count of articles, are not used', async () => {
	const indexed = Array.from({length: 30}, (_, index) => meta(index));
	const from = indexIn();
	const maker = new EarlyJson(() => false);
	maker.take(indexed, from);
	await maker.keep(indexed);
	const renamed = indexed.map((article) => ({...article, title: `${article.title} renamed`}));
	for (const [articles, digest] of [
		[renamed, 'b'.repeat(64)],
		[renamed.slice(1), from.digest],
	] as const) {
		const early = new EarlyJson(() => true);
		early.take(articles, {file: from.file, digest});
		assert.equal(text(listJsonChunks(articles, () => true, early)), text(listJsonChunks(articles, () => true)), digest);
	}
});

test('an empty list is an empty array', () => {
	assert.equal(text(listJsonChunks([], () => false)), '[]\n');
});
