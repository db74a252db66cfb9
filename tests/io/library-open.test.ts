// Open what was listed, and only that (issue 11, findings 3 and 4): a listed file replaced while leaf runs
// (by a FIFO, a link out of the library, a device, a huge file) is refused at once with the reason; two
// names that differ only by Unicode normalisation are two articles.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {descriptorsUnder} from '../helpers/descriptors.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {readListedFile} from '../../src/io/library-open.ts';
import {loadLibrary, readArticle} from '../../src/io/library.ts';

const temp = tempFolders('leaf-library-open-')();
process.env.XDG_CACHE_HOME = join(temp, 'cache');
process.env.HOME = join(temp, 'home');
let count = 0;
const library = (files: Record<string, string>): string => writeFiles(join(temp, `lib${count++}`), files);
const article = (title: string) => `---\ntitle: ${title}\n---\n<p>${title} body</p>\n`;

/** The read's outcome, or 'still waiting' when it has not settled within the deadline (a hang). */
async function settle(reading: Promise<unknown>, deadlineMs = 3000): Promise<string> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<string>((resolve) => {
		timer = setTimeout(() => resolve('still waiting'), deadlineMs);
	});
	const outcome = reading.then(
		(value) => `read: ${JSON.stringify((value as {body?: string}).body ?? value).slice(0, 60)}`,
		(error: unknown) => `refused: ${error instanceof Error ? error.message : String(error)}`,
	);
	try {
		return await Promise.race([outcome, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

async function listed(root: string, path: string): Promise<ArticleMeta> {
	const scan = await loadLibrary(root, {cache: false, threads: false});
	const meta = scan.articles.find((candidate) => candidate.path === path);
	assert.ok(meta, `${path} is listed`);
	return meta;
}

test('a listed file replaced by something the walk would refuse is refused at once, saying why', async (t) => {
	const cases: {name: string; replace: (file: string) => void; expected: string}[] = [
		{
			name: 'a FIFO (the read-ahead hung until something wrote to it)',
			replace: (file) => execFileSync('mkfifo', [file]),
			expected: 'refused: cannot read g.md: not a regular file any more',
		},
		{
			name: 'a link to /etc/passwd (the reader showed root:x:0:0)',
			replace: (file) => symlinkSync('/etc/passwd', file),
			expected: 'refused: cannot read g.md: it now links outside the library',
		},
		{
			name: 'a link to /dev/zero (memory climbed to 650 MB, "loading…" for ever)',
			replace: (file) => symlinkSync('/dev/zero', file),
			expected: 'refused: cannot read g.md: it now links outside the library',
		},
		{
			name: 'a file past the size limit',
			replace: (file) => {
				writeFileSync(file, article('Huge'));
				truncateSync(file, 32 * 1024 * 1024 + 1);
			},
			expected: 'refused: cannot read g.md: larger than 32 MiB',
		},
		{
			name: 'nothing (deleted)',
			replace: () => undefined,
			expected: 'refused: cannot read g.md: no such file or folder',
		},
	];
	if (process.getuid?.() === 0)
		cases.push({
			name: 'a character device inside the library (/dev/null made with mknod)',
			replace: (file) => execFileSync('mknod', [file, 'c', '1', '3']),
			expected: 'refused: cannot read g.md: not a regular file any more',
		});
	else t.diagnostic('not root: the device made with mknod is not tried');
	for (const {name, replace, expected} of cases) {
		const root = library({'g.md': article('G'), 'other.md': article('Other')});
		const meta = await listed(root, 'g.md');
		rmSync(join(root, 'g.md'));
		replace(join(root, 'g.md'));
		assert.equal(await settle(readArticle(root, meta)), expected, name);
	}
});

test('a link inside the library is still read, as the walk lists it', async () => {
	const root = library({'real/a.md': article('Linked')});
	symlinkSync(join(root, 'real/a.md'), join(root, 'link.md'));
	const meta = await listed(root, 'link.md');
	assert.equal(await settle(readArticle(root, meta)), 'read: "<p>Linked body</p>\\n"');
});

test('the walk skips a file past the size limit, with one warning', async () => {
	const root = library({'small.md': article('Small'), 'huge.md': article('Huge')});
	truncateSync(join(root, 'huge.md'), 32 * 1024 * 1024 + 1);
	const scan = await loadLibrary(root, {cache: false, threads: false});
	assert.deepEqual(
		scan.articles.map((meta) => meta.path),
		['small.md'],
	);
	assert.deepEqual(scan.warnings, ['skipped huge.md: larger than 32 MiB']);
});

test('names that differ only by Unicode normalisation are two articles with two ids', async () => {
	const nfc = 'caf\u00e9.md';
	const nfd = 'cafe\u0301.md';
	const root = library({[nfc]: article('Composed'), [nfd]: article('Decomposed')});
	const scan = await loadLibrary(root, {cache: false, threads: false});
	const byPath = new Map(scan.articles.map((meta) => [meta.path, meta]));
	assert.equal(byPath.get(nfc)?.title, 'Composed');
	assert.equal(byPath.get(nfd)?.title, 'Decomposed');
	assert.notEqual(byPath.get(nfc)?.id, byPath.get(nfd)?.id);
});

test('a file of exactly the size limit is read whole; each read closes its file, refused or not', async () => {
	const root = library({'edge.md': '', 'small.md': article('Small')});
	truncateSync(join(root, 'edge.md'), 32 * 1024 * 1024);
	assert.equal((await readListedFile(root, 'edge.md')).length, 32 * 1024 * 1024);
	for (let i = 0; i < 5; i++) assert.equal(await readListedFile(root, 'small.md'), article('Small'));
	truncateSync(join(root, 'edge.md'), 32 * 1024 * 1024 + 1);
	await assert.rejects(readListedFile(root, 'edge.md'), {message: 'cannot read edge.md: larger than 32 MiB'});
	assert.deepEqual(descriptorsUnder(root), []);
});
