import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmodSync, rmSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {openToAll, runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';
import type {ScanProgress} from '../../src/io/library.ts';
import {LibraryError, loadLibrary, readArticle} from '../../src/io/library.ts';

const temp = tempFolders('leaf-library-')();
// Every load here writes its index under the temporary folder, never the user's cache.
process.env.XDG_CACHE_HOME = join(temp, 'cache');
process.env.HOME = join(temp, 'home');
let count = 0;

/** A fresh library folder holding `files` (relative path -> text). */
const library = (files: Record<string, string>): string => writeFiles(join(temp, `lib${count++}`), files);

const article = (title: string, date?: string) =>
	`---\ntitle: ${title}\n${date ? `date: ${date}\n` : ''}---\n<p>${title} body</p>\n`;
const paths = (scan: {articles: {path: string}[]}) => scan.articles.map((a) => a.path);

test('finds .md and .markdown files in nested folders, skipping hidden folders, node_modules and other files', async () => {
	const root = library({
		'a.md': article('A'),
		'one/b.markdown': article('B'),
		'one/two/three/c.MD': article('C'),
		'中文 目录/文章 一.md': article('D'),
		'notes.txt': 'not an article',
		'image.png': 'x',
		'.git/x.md': article('hidden'),
		'.drafts/y.md': article('hidden'),
		'one/.hidden.md': article('hidden'),
		'node_modules/pkg/readme.md': article('dependency'),
	});
	const scan = await loadLibrary(root);
	assert.deepEqual(paths(scan).sort(), ['a.md', 'one/b.markdown', 'one/two/three/c.MD', '中文 目录/文章 一.md']);
	assert.deepEqual(scan.warnings, []);
	assert.deepEqual(scan.articles.find((a) => a.path === 'one/b.markdown')?.title, 'B');
});

test('a folder named x.md is walked as a folder', async () => {
	const root = library({'x.md/inner.md': article('Inner'), 'y.markdown/z.txt': ''});
	const scan = await loadLibrary(root);
	assert.deepEqual(paths(scan), ['x.md/inner.md']);
	assert.deepEqual(scan.warnings, []);
});

test('newest first, undated last, ties by path', async () => {
	const root = library({
		'old.md': article('Old', '2001-01-01 10:00:00'),
		'new.md': article('New', 'Wed, 02 Feb 2022 07:38:40 GMT'),
		'b/same.md': article('Same B', '2010-05-05T00:00:00Z'),
		'a/same.md': article('Same A', '2010-05-05T00:00:00Z'),
		'undated-b.md': article('Undated B'),
		'undated-a.md': article('Undated A', 'Invalid Date'),
	});
	const scan = await loadLibrary(root);
	assert.deepEqual(paths(scan), ['new.md', 'a/same.md', 'b/same.md', 'old.md', 'undated-a.md', 'undated-b.md']);
});

test('symbolic links: loops end, dangling links warn, links out of the tree are not followed', async () => {
	const outside = library({'secret.md': article('Outside folder')});
	const root = library({'real/a.md': article('A'), 'file.md': article('F')});
	symlinkSync(root, join(root, 'real', 'loop-to-root'));
	symlinkSync(join(root, 'real'), join(root, 'again'));
	symlinkSync(join(root, 'nowhere.md'), join(root, 'dangling.md'));
	symlinkSync(outside, join(root, 'outside'));
	symlinkSync(join(root, 'file.md'), join(root, 'alias.md'));
	symlinkSync(join(outside, 'secret.md'), join(root, 'linked-file.md'));
	const selfLoop = join(root, 'self.md');
	symlinkSync(selfLoop, selfLoop);

	const scan = await loadLibrary(root);
	// Links to files in the tree are read (the link is the article's path); linked folders add nothing already seen.
	assert.deepEqual(paths(scan).sort(), ['alias.md', 'file.md', 'real/a.md']);
	assert.deepEqual(scan.warnings.sort(), [
		'skipped dangling.md: broken link',
		'skipped linked-file.md: it links to a file outside the library',
		'skipped outside: it links to a folder outside the library',
		'skipped self.md: too many levels of links',
	]);
});

test('a link to a folder inside the tree that is otherwise hidden is followed once', async () => {
	const root = library({'.archive/old.md': article('Old')});
	symlinkSync(join(root, '.archive'), join(root, 'archive'));
	symlinkSync(join(root, '.archive'), join(root, 'archive2'));
	const scan = await loadLibrary(root);
	assert.equal(scan.articles.length, 1);
	assert.match(scan.articles[0]!.path, /^archive2?\/old\.md$/);
});

test('a FIFO named x.md is skipped, not read (which would block)', {timeout: 10_000}, async () => {
	const root = library({'a.md': article('A')});
	execFileSync('mkfifo', [join(root, 'pipe.md')]);
	const scan = await loadLibrary(root);
	assert.deepEqual(paths(scan), ['a.md']);
	assert.deepEqual(scan.warnings, ['skipped pipe.md: not a regular file']);
});

test('unreadable files and folders are skipped with one warning each', {skip: skipUnlessPermissionsHold()}, () => {
	const root = library({'a.md': article('A'), 'locked.md': article('L'), 'closed/b.md': article('B')});
	openToAll(root, temp);
	chmodSync(join(root, 'locked.md'), 0);
	chmodSync(join(root, 'closed'), 0);
	try {
		const scan = runUnprivileged(`
				import {loadLibrary} from ${sourceUrl('src/io/library.ts')};
				const scan = await loadLibrary(${JSON.stringify(root)}, {cache: false});
				console.log(JSON.stringify({paths: scan.articles.map((a) => a.path), warnings: scan.warnings.sort()}));
			`);
		assert.deepEqual(scan, {
			paths: ['a.md'],
			warnings: ['cannot read folder closed: permission denied', 'cannot read locked.md: permission denied'],
		});
	} finally {
		chmodSync(join(root, 'closed'), 0o755);
	}
});

test('broken front matter is listed with its warning; names with control characters are warned about safely', async () => {
	const root = library({'broken.md': '---\ntitle: [x\n---\nbody', 'ok.md': article('OK')});
	symlinkSync(join(root, 'missing'), join(root, 'bad\x1b[31mname.md'));
	const scan = await loadLibrary(root);
	const broken = scan.articles.find((a) => a.path === 'broken.md');
	assert.equal(broken?.title, '[x');
	assert.match(broken?.warning ?? '', /^front matter is not valid YAML \(YAMLException line \d+\): read line by line$/);
	assert.equal(scan.warnings.length, 1);
	assert.doesNotMatch(scan.warnings[0]!, /\x1b/);
});

test('progress arrives in batches that add up to every article, ending with done = total', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 620; i++) files[`d${i % 7}/a${i}.md`] = article(`T${i}`);
	const root = library(files);
	const calls: ScanProgress[] = [];
	const scan = await loadLibrary(root, {onProgress: (progress) => calls.push(progress)});
	assert.equal(scan.articles.length, 620);
	assert.ok(calls.length >= 2 && calls.length <= 10, `${calls.length} progress calls`);
	assert.equal(calls.flatMap((c) => c.added).length, 620);
	for (const call of calls) assert.ok(call.done <= call.total);
	assert.deepEqual([calls.at(-1)!.done, calls.at(-1)!.total], [620, 620]);
	assert.deepEqual(new Set(calls.flatMap((c) => c.added.map((a) => a.path))), new Set(paths(scan)));
});

test('metadata only: the scan keeps no bodies', async () => {
	const scan = await loadLibrary(library({'a.md': article('A')}));
	assert.equal('body' in scan.articles[0]!, false);
});

test('a missing library or a file instead of a folder is one LibraryError line', async () => {
	const root = library({'a.md': article('A')});
	const cases: [string, string][] = [
		[join(root, 'nope'), `no such folder: ${join(root, 'nope')}`],
		[join(root, 'a.md'), `not a folder: ${join(root, 'a.md')}`],
	];
	for (const [path, message] of cases) {
		await assert.rejects(
			loadLibrary(path),
			(error: unknown) => error instanceof LibraryError && error.message === message,
		);
	}
});

test('readArticle re-reads one file with its body; a vanished file is a LibraryError', async () => {
	const root = library({'sub/a.md': article('A', '2021-10-28 14:08:07')});
	const [meta] = (await loadLibrary(root)).articles;
	const full = await readArticle(root, meta!);
	assert.equal(full.title, 'A');
	assert.equal(full.id, meta!.id);
	assert.equal(full.body, '<p>A body</p>\n');
	assert.equal(full.format, 'html');
	rmSync(join(root, 'sub/a.md'));
	await assert.rejects(
		readArticle(root, meta!),
		(error: unknown) =>
			error instanceof LibraryError && error.message === 'cannot read sub/a.md: no such file or folder',
	);
});

test('worker threads and the calling thread give the same scan, cold and warm', async () => {
	const files: Record<string, string> = {'broken.md': '---\ntitle: [x\n---\nbody', 'plain.md': 'no front matter'};
	for (let i = 0; i < 300; i++)
		files[`d${i % 4}/a${i}.md`] = article(
			`T${i}`,
			i % 3 ? `2020-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00` : undefined,
		);
	const root = library(files);
	const reference = await loadLibrary(root, {threads: false, cache: false});
	assert.equal(reference.stats.threads, false);
	for (const attempt of ['cold', 'warm']) {
		const scan = await loadLibrary(root, {threads: true});
		assert.equal(scan.stats.threads, true, attempt);
		assert.equal(scan.stats.parsed, attempt === 'cold' ? 302 : 0, attempt);
		assert.deepEqual(scan.articles, reference.articles, attempt);
		assert.deepEqual(scan.warnings, reference.warnings, attempt);
	}
});

test('a warm start reports every cached article through progress too, ending with done = total', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 700; i++) files[`d${i % 5}/a${i}.md`] = article(`T${i}`);
	const root = library(files);
	await loadLibrary(root);
	const calls: ScanProgress[] = [];
	const scan = await loadLibrary(root, {onProgress: (progress) => calls.push(progress)});
	assert.equal(scan.stats.reused, 700);
	assert.ok(calls.length >= 2, `${calls.length} progress calls`);
	assert.equal(calls.flatMap((c) => c.added).length, 700);
	assert.deepEqual(new Set(calls.flatMap((c) => c.added.map((a) => a.id))), new Set(scan.articles.map((a) => a.id)));
	assert.deepEqual([calls.at(-1)!.done, calls.at(-1)!.total], [700, 700]);
});

test("an aborted load rejects with the signal's reason, reports nothing more, and keeps what it read for the next load", async () => {
	// Three batches of progress (250 articles each): the load is stopped after the first.
	const files: Record<string, string> = {};
	for (let i = 0; i < 750; i++) files[`d${i % 5}/a${i}.md`] = article(`T${i}`);
	for (const threads of [true, false]) {
		const root = library(files);
		const early = new AbortController();
		early.abort();
		await assert.rejects(loadLibrary(root, {signal: early.signal, threads}), {name: 'AbortError'});

		const controller = new AbortController();
		let reported = 0;
		const onProgress = (progress: ScanProgress) => {
			reported += progress.added.length;
			if (reported >= 250) controller.abort();
		};
		await assert.rejects(loadLibrary(root, {signal: controller.signal, onProgress, threads}), {name: 'AbortError'});
		const reportedWhenAborted = reported;
		const next = await loadLibrary(root, {threads});
		assert.equal(next.articles.length, 750);
		assert.ok(next.stats.reused >= 250 && next.stats.parsed <= 500, JSON.stringify(next.stats));
		assert.equal(reported, reportedWhenAborted, `threads: ${threads}: progress after the abort`);
	}
});
