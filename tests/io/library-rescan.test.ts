// Reading the library again only where the watcher saw changes (io/library-rescan.ts), against the last full read.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {KnownLibrary} from '../../src/io/scan-types.ts';
import {rescanFolders} from '../../src/io/library-rescan.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const newFolder = tempFolders('leaf-rescan-');
const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n${title}.\n`;

async function library(): Promise<{root: string; known: KnownLibrary}> {
	const root = writeFiles(newFolder(), {
		'tech/one.md': article('One', '2024-01-01'),
		'tech/two.md': article('Two', '2024-01-02'),
		'news/2024/three.md': article('Three', '2024-01-03'),
		'top.md': article('Top', '2024-01-04'),
	});
	const scan = await loadLibrary(root, {cache: false, threads: false});
	return {root, known: {articles: scan.articles, stats: scan.fileStats}};
}

const titles = (known: KnownLibrary) => known.articles.map((meta) => meta.title);

test('a new, a changed and a deleted file in a folder: only that folder is read, newest first after', async () => {
	const {root, known} = await library();
	writeFileSync(join(root, 'tech/four.md'), article('Four', '2024-01-05'));
	writeFileSync(join(root, 'tech/two.md'), article('Two again', '2023-12-31'));
	rmSync(join(root, 'tech/one.md'));
	const result = await rescanFolders(root, known, {folders: ['tech'], trees: []});
	assert.deepEqual(titles(result!.library), ['Four', 'Top', 'Three', 'Two again']);
	assert.deepEqual(result!.warnings, []);
	// The stats follow the articles, kept ones too: as a full read has them.
	const statsByPath = (library: KnownLibrary) =>
		new Map(library.articles.map((meta, i) => [meta.path, Array.from(library.stats.subarray(i * 3, i * 3 + 3))]));
	const full = await loadLibrary(root, {cache: false, threads: false});
	assert.deepEqual(statsByPath(result!.library), statsByPath({articles: full.articles, stats: full.fileStats}));
	// A second look at the same folder finds nothing to change.
	const again = await rescanFolders(root, result!.library, {folders: ['tech'], trees: []});
	assert.equal(again!.library, result!.library);
});

test('a file changed in a folder not named is not seen: the watcher names every folder with changes', async () => {
	const {root, known} = await library();
	appendFileSync(join(root, 'top.md'), 'more\n');
	writeFileSync(join(root, 'news/2024/five.md'), article('Five', '2024-01-06'));
	const result = await rescanFolders(root, known, {folders: ['tech'], trees: []});
	assert.deepEqual(titles(result!.library), ['Top', 'Three', 'Two', 'One']);
	const atRoot = await rescanFolders(root, known, {folders: ['', 'news/2024'], trees: []});
	assert.deepEqual(titles(atRoot!.library), ['Five', 'Top', 'Three', 'Two', 'One']);
});

test('a folder that appears or vanishes is read whole, its subfolders too', async () => {
	const {root, known} = await library();
	writeFiles(root, {'new/deep/six.md': article('Six', '2024-01-07'), 'new/seven.md': article('Seven', '2023-01-01')});
	rmSync(join(root, 'news'), {recursive: true});
	const result = await rescanFolders(root, known, {folders: [], trees: ['new', 'news']});
	assert.deepEqual(titles(result!.library), ['Six', 'Top', 'Two', 'One', 'Seven']);
	// A renamed folder: gone under its old name, back under the new one.
	renameSync(join(root, 'tech'), join(root, 'renamed'));
	const renamed = await rescanFolders(root, result!.library, {folders: [], trees: ['tech', 'renamed']});
	assert.deepEqual(
		renamed!.library.articles.map((meta) => meta.path),
		['new/deep/six.md', 'top.md', 'renamed/two.md', 'renamed/one.md', 'new/seven.md'],
	);
});

test('what only the full walk can settle is left to it: a symbolic link, many files to read', async () => {
	const {root, known} = await library();
	symlinkSync(join(root, 'top.md'), join(root, 'tech/link.md'));
	assert.equal(await rescanFolders(root, known, {folders: ['tech'], trees: []}), null);
	rmSync(join(root, 'tech/link.md'));
	mkdirSync(join(root, 'many'));
	for (let i = 0; i < 300; i++) writeFileSync(join(root, `many/${i}.md`), article(`Many ${i}`, '2024-02-01'));
	assert.equal(await rescanFolders(root, known, {folders: [], trees: ['many']}), null);
});

test('hidden files and folders, other files and unreadable articles are as the walk has them', async () => {
	const {root, known} = await library();
	writeFiles(root, {'tech/.hidden.md': article('Hidden', '2024-03-01'), 'tech/notes.txt': 'not an article'});
	writeFileSync(join(root, 'tech/bad.md'), '---\ntitle: [broken\n---\nBody.\n');
	const result = await rescanFolders(root, known, {folders: ['tech'], trees: []});
	const paths = result!.library.articles.map((meta) => meta.path);
	assert.ok(!paths.includes('tech/.hidden.md'));
	assert.ok(!paths.includes('tech/notes.txt'));
	// Broken front matter is listed with a warning, as the full read lists it.
	const full = await loadLibrary(root, {cache: false, threads: false});
	assert.deepEqual(paths.toSorted(), full.articles.map((meta) => meta.path).toSorted());
	assert.deepEqual(
		result!.library.articles.find((meta) => meta.path === 'tech/bad.md')?.warning,
		full.articles.find((meta) => meta.path === 'tech/bad.md')?.warning,
	);
});

test('a file whose size, mtime and ctime all match is not read again; any one of them differing, it is', async () => {
	const {root, known} = await library();
	writeFileSync(join(root, 'tech/four.md'), article('Four', '2024-01-05'));
	// What the last read said of tech/one.md, made recognisable: kept as it is while its stats match.
	const one = known.articles.findIndex((meta) => meta.path === 'tech/one.md');
	const marked = {...known.articles[one]!, title: 'As known'};
	const articles = known.articles.map((meta, i) => (i === one ? marked : meta));
	const result = await rescanFolders(root, {articles, stats: known.stats}, {folders: ['tech'], trees: []});
	assert.equal(
		result!.library.articles.find((meta) => meta.path === 'tech/one.md'),
		marked,
	);
	for (const k of [0, 1, 2]) {
		const stats = known.stats.slice();
		stats[one * 3 + k]! += 1;
		const again = await rescanFolders(root, {articles, stats}, {folders: ['tech'], trees: []});
		const titlesNow = again!.library.articles.map((meta) => meta.title);
		assert.deepEqual(titlesNow, ['Four', 'Top', 'Three', 'Two', 'One'], `stat ${k} differs`);
		assert.deepEqual(
			Array.from(again!.library.stats.subarray(12, 15)),
			Array.from(known.stats.subarray(one * 3, one * 3 + 3)),
			`stat ${k}: the file's own stats`,
		);
	}
});

test('a place named twice, or a folder inside a tree also named, is listed once', async () => {
	const {root, known} = await library();
	writeFiles(root, {'new/deep/six.md': article('Six', '2024-01-07'), 'new/seven.md': article('Seven', '2023-01-01')});
	const result = await rescanFolders(root, known, {
		folders: ['new', 'new/deep', 'news/2024'],
		trees: ['new', 'new', 'news'],
	});
	assert.deepEqual(titles(result!.library), ['Six', 'Top', 'Three', 'Two', 'One', 'Seven']);
	assert.equal(result!.library.stats.length, 18);
});

test('nothing changed where the watcher looked: the same library, not a copy', async () => {
	const {root, known} = await library();
	for (const changed of [
		{folders: ['tech'], trees: []},
		{folders: [], trees: ['news']},
		{folders: ['gone'], trees: ['gone-too']},
		{folders: [], trees: ['']},
	]) {
		const result = await rescanFolders(root, known, changed);
		assert.equal(result!.library, known, JSON.stringify(changed));
		assert.deepEqual(result!.warnings, []);
	}
});

test('a file deleted alone: nothing to read, and it is gone', async () => {
	const {root, known} = await library();
	rmSync(join(root, 'tech/two.md'));
	const result = await rescanFolders(root, known, {folders: ['tech'], trees: []});
	assert.deepEqual(titles(result!.library), ['Top', 'Three', 'One']);
	assert.equal(result!.library.stats.length, 9);
});

test('a folder replaced by a file holds no articles: its old ones are gone, no full read needed', async () => {
	const {root, known} = await library();
	rmSync(join(root, 'tech'), {recursive: true});
	writeFileSync(join(root, 'tech'), 'now a file');
	const result = await rescanFolders(root, known, {folders: [], trees: ['tech']});
	assert.deepEqual(titles(result!.library), ['Top', 'Three']);
});

test('up to 256 files to read are read here; one more is left to the full read', async () => {
	const {root, known} = await library();
	mkdirSync(join(root, 'many'));
	for (let i = 0; i < 256; i++) writeFileSync(join(root, `many/${i}.md`), article(`Many ${i}`, '2024-02-01'));
	const result = await rescanFolders(root, known, {folders: [], trees: ['many']});
	assert.equal(result!.library.articles.length, 4 + 256);
	writeFileSync(join(root, 'many/256.md'), article('Many 256', '2024-02-01'));
	assert.equal(await rescanFolders(root, known, {folders: [], trees: ['many']}), null);
});
