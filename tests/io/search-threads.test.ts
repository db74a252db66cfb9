// Full-text search over a library's files: title and author matches first, then the bodies batch by batch, the
// end said once; on this thread (threads: false), in workers, and the matcher the workers run (search-match.ts)
// called here directly.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {closeSync, openSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {prepareNeedle} from '../../src/core/search/prefilter.ts';
import {MAX_ARTICLE_BYTES} from '../../src/io/library-walk.ts';
import {matchingFiles} from '../../src/io/search-match.ts';
import type {SearchFile, SearchOptions, SearchProgress} from '../../src/io/search-threads.ts';
import {startSearch} from '../../src/io/search-threads.ts';
import {descriptorsUnder} from '../helpers/descriptors.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';

const folder = tempFolders('leaf-search-');
const article = (title: string, body: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n${body}\n`;

const root = writeFiles(folder(), {
	'html.md': article('H', '<p>The quick <b>Brown</b>\n  fox jumps</p>'),
	'markdown.md': article('M', 'A *brown fox* in markdown.'),
	'nothing.md': article('N', '<p>Nothing to see here.</p>'),
	'front-matter-only.md': article('F', '<p>other</p>', 'tags: [brown fox]\n'),
	'split.md': article('S', '<p>brown</p><p>fox</p>'),
	'in-markup.md': article('K', '<p class="brown fox">plain</p>'),
});
const files: SearchFile[] = [
	{item: 10, path: 'html.md', title: 'H', author: ''},
	{item: 11, path: 'markdown.md', title: 'M', author: ''},
	{item: 12, path: 'nothing.md', title: 'Of the BROWN  Fox', author: ''},
	{item: 13, path: 'front-matter-only.md', title: 'F', author: 'a brown fox'},
	{item: 14, path: 'split.md', title: 'S', author: ''},
	{item: 15, path: 'in-markup.md', title: 'K', author: ''},
	{item: 16, path: 'gone.md', title: 'G', author: ''},
];

/** Runs a search to its end; every progress report, in order. */
async function search(
	query: string,
	list: readonly SearchFile[],
	options: SearchOptions = {},
	where = root,
): Promise<SearchProgress[]> {
	const seen: SearchProgress[] = [];
	startSearch(where, query, list, (progress) => seen.push(progress), options);
	await waitFor(() => seen.some((progress) => progress.finished), `the search for ${query} to finish`);
	return seen;
}

test('the matcher: the files whose shown text holds the needle, as their items; unreadable ones are not hits', () => {
	const needle = prepareNeedle('Brown Fox')!;
	const paths = files.map((file) => file.path);
	assert.deepEqual(
		matchingFiles(
			root,
			needle,
			paths,
			files.map((file) => file.item),
			[],
		),
		[10, 11],
	);
	assert.deepEqual(matchingFiles(root, needle, ['markdown.md', 'html.md'], [7, 3], []), [7, 3]);
	assert.deepEqual(matchingFiles(join(root, 'missing'), needle, paths, [1, 2, 3, 4, 5, 6, 7], []), []);
	assert.deepEqual(matchingFiles(root, prepareNeedle('jumps')!, paths, [1, 2, 3, 4, 5, 6, 7], []), [1]);
});

test('the matcher reads a file of any size up to the article limit whole, and never waits on a FIFO', () => {
	const body = `<p>${'填充文字，'.repeat(60_000)}</p><p>最后的研究</p>`;
	const big = writeFiles(folder(), {
		'long.md': article('L', body),
		'short.md': article('S', '<p>研究</p>'),
		// Over 4 MiB: read into a buffer of its own, not kept for the next file.
		'huge.md': article('H', `<p>${'填充文字，'.repeat(450_000)}</p><p>研究</p>`),
		'over.md': `${article('O', '<p>研究</p>')}${' '.repeat(MAX_ARTICLE_BYTES)}`,
		// The limit itself is allowed, as the walk allows it (library-walk.ts refuses a size over it).
		'exact.md': padded(article('E', '<p>研究</p>'), MAX_ARTICLE_BYTES),
	});
	execFileSync('mkfifo', [join(big, 'fifo.md')]);
	const needle = prepareNeedle('研究')!;
	const paths = ['long.md', 'huge.md', 'fifo.md', 'short.md', 'over.md', 'exact.md', 'gone.md'];
	// Long first: the buffer it grew is then read into again, shorter; the huge one's own buffer is not.
	assert.deepEqual(matchingFiles(big, needle, paths, [1, 2, 3, 4, 5, 6, 7], []), [1, 2, 4, 6]);
	assert.deepEqual(matchingFiles(big, prepareNeedle('填充文字，填')!, ['short.md', 'long.md'], [1, 2], []), [2]);
	// Every file opened was closed: those read whole, the FIFO, the one over the limit.
	assert.deepEqual(descriptorsUnder(big), []);
});

test('a read that brings the size the library was read with ends the file; another size is read to its end', async () => {
	const text = article('R', '<p>研究</p>');
	const bytes = Buffer.byteLength(text);
	const dir = writeFiles(folder(), {'grown.md': `${text}<p>${'后来加的，'.repeat(9)}</p>`, 'shrunk.md': text});
	const needle = prepareNeedle('研究')!;
	// Grown or shrunk since the library was read: the whole file as it is now.
	assert.deepEqual(matchingFiles(dir, needle, ['grown.md', 'shrunk.md'], [1, 2], [bytes, bytes * 3]), [1, 2]);
	assert.deepEqual(matchingFiles(dir, prepareNeedle('后来加的')!, ['grown.md'], [1], [bytes]), [1]);
	// A FIFO whose writer is still there shows which reads are made: its bytes, then a read that would wait (not
	// blocking, it fails and the file is taken as unreadable). Given their number as the size, the first read is all.
	const fifo = join(dir, 'fifo.md');
	execFileSync('mkfifo', [fifo]);
	const writer = openSync(fifo, 'r+');
	try {
		writeSync(writer, text);
		assert.deepEqual(matchingFiles(dir, needle, ['fifo.md'], [1], [bytes]), [1], 'its size given');
		writeSync(writer, text);
		assert.deepEqual(matchingFiles(dir, needle, ['fifo.md'], [1], [-1]), [], 'no size given');
		// The sizes a search is given by path reach the matcher, on this thread and in the workers.
		for (const threads of [false, true]) {
			writeSync(writer, text);
			const sizes = new Map([['fifo.md', bytes]]);
			const reports = await search('研究', [{item: 5, path: 'fifo.md', title: '', author: ''}], {threads, sizes}, dir);
			assert.deepEqual(reports.at(-1), {items: [5], done: 1, total: 1, finished: true}, `threads ${threads}`);
		}
	} finally {
		closeSync(writer);
	}
	assert.deepEqual(descriptorsUnder(dir), []);
});

/** `text` followed by spaces up to exactly `bytes` bytes of UTF-8. */
function padded(text: string, bytes: number): string {
	return text + ' '.repeat(bytes - Buffer.byteLength(text));
}

test('on this thread: title and author matches first, then the bodies, and the end once, with the counts', async () => {
	assert.deepEqual(await search('brown fox', files, {threads: false}), [
		{items: [12, 13], done: 0, total: 7, finished: false},
		{items: [10, 11], done: 7, total: 7, finished: true},
	]);
	assert.deepEqual(await search('jumps', files, {threads: false}), [{items: [10], done: 7, total: 7, finished: true}]);
});

test('files go out in batches of 128, in the order given; each batch reports what it found', async () => {
	const many = Array.from({length: 300}, (_, item) => ({...files[item % 3 === 0 ? 0 : 2]!, title: '', item}));
	const reports = await search('brown fox', many, {threads: false});
	const hits = Array.from({length: 100}, (_, k) => 3 * k);
	assert.deepEqual(reports, [
		{items: hits.filter((item) => item < 128), done: 128, total: 300, finished: false},
		{items: hits.filter((item) => item >= 128 && item < 256), done: 256, total: 300, finished: false},
		{items: hits.filter((item) => item >= 256), done: 300, total: 300, finished: true},
	]);
});

test('an empty query or an empty list ends at once, finding nothing', async () => {
	for (const threads of [false, true]) {
		const reports: SearchProgress[] = [];
		startSearch(root, '  \t ', files, (progress) => reports.push(progress), {threads});
		assert.deepEqual(reports, [{items: [], done: 7, total: 7, finished: true}], `blank, threads ${threads}`);
		assert.deepEqual(
			await search('fox', [], {threads}),
			[{items: [], done: 0, total: 0, finished: true}],
			`no files, threads ${threads}`,
		);
	}
});

test('a cancelled search reports nothing more', async () => {
	const reports: SearchProgress[] = [];
	const cancel = startSearch(root, 'brown fox', files, (progress) => reports.push(progress), {threads: false});
	cancel();
	// A second search started after it goes through the same turns of the event loop, later: once it has ended,
	// the first would have reported by then.
	await search('brown fox', files, {threads: false});
	assert.deepEqual(reports, [{items: [12, 13], done: 0, total: 7, finished: false}]);
});

test('in worker threads: the same items, every file counted, the end said once and last', async () => {
	const many = Array.from({length: 300}, (_, item) => ({...files[item % 3 === 0 ? 0 : 2]!, title: '', item}));
	const reports = await search('brown fox', many, {threads: true});
	assert.deepEqual(
		reports.flatMap((progress) => progress.items).sort((a, b) => a - b),
		Array.from({length: 100}, (_, k) => 3 * k),
	);
	// Three batches, answered in any order: the counts add up, and only the last report says the end.
	assert.deepEqual(
		reports.map((progress) => progress.finished),
		[false, false, true],
	);
	assert.equal(reports.at(-1)!.done, 300);
	assert.ok([128 + 44, 128 + 128].includes(reports[1]!.done), `${reports[1]!.done} after two batches`);
	const small = await search('brown fox', files, {threads: true});
	assert.deepEqual(small[0], {items: [12, 13], done: 0, total: 7, finished: false});
	assert.deepEqual(small.slice(1), [{items: [10, 11], done: 7, total: 7, finished: true}]);
});
