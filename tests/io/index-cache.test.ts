import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {deserialize, serialize} from 'node:v8';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {indexFileFor, readIndex, writeIndex} from '../../src/io/index-cache.ts';
import type {LibraryScan} from '../../src/io/library.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {openToAll, runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';

const temp = mkdtempSync(join(tmpdir(), 'leaf-index-'));
after(() => rmSync(temp, {recursive: true, force: true}));
const cacheHome = join(temp, 'cache');
process.env.XDG_CACHE_HOME = cacheHome;
process.env.HOME = join(temp, 'home');
let count = 0;

function library(files: Record<string, string>): string {
	const root = join(temp, `lib${count++}`);
	mkdirSync(root);
	for (const [path, text] of Object.entries(files)) write(root, path, text);
	return root;
}

function write(root: string, path: string, text: string): void {
	mkdirSync(dirname(join(root, path)), {recursive: true});
	writeFileSync(join(root, path), text);
}

const article = (title: string, extra = '') =>
	`---\ntitle: ${title}\ndate: 2021-10-28 14:08:07\ncategories: [[新媒体, 趣头条]]\ntags: [a, b]\n${extra}---\n<p>${title}</p>\n`;

function someArticles(n: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < n; i++) files[`d${i % 3}/a${i}.md`] = article(`T${i}`, i % 2 ? `author: 作者${i % 4}\n` : '');
	return files;
}

const byPath = (scan: LibraryScan) => new Map(scan.articles.map((a) => [a.path, a]));
/** The articles a load without any cache gives: what every cached load must give too. */
const uncached = async (root: string) => (await loadLibrary(root, {cache: false})).articles;
const indexOf = (root: string) => indexFileFor(realpathSync(root))!;

test('warm start: unchanged files are not read again; new, changed and deleted files are seen', async () => {
	const root = library(someArticles(40));
	const cold = await loadLibrary(root);
	assert.deepEqual(
		{...cold.stats, threads: undefined},
		{reused: 0, parsed: 40, dropped: 0, index: 'missing', saved: true, threads: undefined},
	);

	const warm = await loadLibrary(root);
	assert.deepEqual(
		[warm.stats.reused, warm.stats.parsed, warm.stats.dropped, warm.stats.index, warm.stats.saved],
		[40, 0, 0, 'used', false],
	);
	assert.deepEqual(warm.articles, cold.articles);

	write(root, 'd0/a0.md', article('Changed title'));
	write(root, 'new/fresh.md', article('Fresh'));
	rmSync(join(root, 'd1/a1.md'));
	const after = await loadLibrary(root);
	assert.deepEqual([after.stats.reused, after.stats.parsed, after.stats.dropped, after.stats.saved], [38, 2, 1, true]);
	const articles = byPath(after);
	assert.equal(articles.get('d0/a0.md')?.title, 'Changed title');
	assert.equal(articles.get('new/fresh.md')?.title, 'Fresh');
	assert.equal(articles.has('d1/a1.md'), false);
	assert.deepEqual(after.articles, await uncached(root));

	const again = await loadLibrary(root);
	assert.deepEqual([again.stats.reused, again.stats.parsed, again.stats.saved], [40, 0, false]);
});

test('an edit that keeps the size and the old mtime is still seen (ctime changes)', async () => {
	const root = library({'a.md': article('AAAA')});
	const file = join(root, 'a.md');
	// Whole seconds, so that setting it again gives exactly the same mtimeMs.
	const mtime = 1_600_000_000;
	utimesSync(file, mtime, mtime);
	await loadLibrary(root);
	const before = statSync(file);
	writeFileSync(file, article('BBBB'));
	utimesSync(file, mtime, mtime);
	assert.deepEqual([statSync(file).size, statSync(file).mtimeMs], [before.size, before.mtimeMs]);
	const scan = await loadLibrary(root);
	assert.equal(scan.stats.parsed, 1);
	assert.equal(scan.articles[0]?.title, 'BBBB');
});

test('only the index file is left in the cache folder, readable only by its owner', async () => {
	const root = library(someArticles(3));
	await loadLibrary(root);
	const file = indexOf(root);
	assert.equal(dirname(file), join(cacheHome, 'leaf'));
	assert.deepEqual(
		readdirSync(dirname(file)).filter((name) => name.includes('.tmp')),
		[],
	);
	assert.equal(statSync(file).mode & 0o777, 0o600);
});

/** Ways an index file goes bad; each must be ignored and rebuilt. */
const damages: [string, (file: string, root: string) => void][] = [
	['empty', (file) => writeFileSync(file, '')],
	['garbage', (file) => writeFileSync(file, 'not an index at all\n\x00\x01\x02')],
	['truncated to half', (file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length >> 1))],
	[
		'truncated to its header',
		(file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).indexOf(10) + 1)),
	],
	[
		'one byte of the payload changed',
		(file) => {
			const data = readFileSync(file);
			data.writeUInt8(data.readUInt8(data.length - 20) ^ 0x20, data.length - 20);
			writeFileSync(file, data);
		},
	],
	['an older version', (file) => rewriteHeader(file, (header) => ({...header, version: 0}))],
	[
		'made under other parsing rules',
		(file) => rewriteHeader(file, (header) => ({...header, rules: '0000000000000000'})),
	],
	['of another folder', (file) => rewriteHeader(file, (header) => ({...header, root: '/elsewhere'}))],
	[
		'a valid file whose title holds an escape sequence',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.titles.splice(0, 1, '\x1b]0;PWNED\x07');
			}),
	],
	[
		'a valid file with a field of the wrong type',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.ids.splice(0, 1, 12);
			}),
	],
	[
		'a valid file with a column too short',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.images.pop();
			}),
	],
	[
		'a valid file listing one path twice',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.paths.splice(1, 1, payload.paths[0]);
			}),
	],
	[
		'a valid file pointing past its table',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.refs[0] = payload.table.length;
			}),
	],
];

test('a damaged, truncated, old or foreign index is rebuilt, never used', async () => {
	// On this thread: the cache works the same either way, and a worker under tsx takes ~200 ms to start.
	const load = (root: string) => loadLibrary(root, {threads: false});
	for (const [name, damage] of damages) {
		const root = library(someArticles(6));
		await load(root);
		damage(indexOf(root), root);
		const scan = await load(root);
		assert.deepEqual([scan.stats.index, scan.stats.parsed, scan.stats.saved], ['missing', 6, true], name);
		assert.deepEqual(scan.articles, (await loadLibrary(root, {cache: false, threads: false})).articles, name);
		const next = await load(root);
		assert.deepEqual([next.stats.index, next.stats.parsed], ['used', 0], `${name}: the rebuilt index is used`);
	}
});

test('a cache folder that cannot be written means no cache, never an error', async () => {
	const cases: [string, () => void][] = [
		[
			'XDG_CACHE_HOME is a file',
			() => {
				process.env.XDG_CACHE_HOME = join(temp, 'a-file');
				writeFileSync(process.env.XDG_CACHE_HOME, '');
			},
		],
		[
			'the index path is a folder',
			() => {
				process.env.XDG_CACHE_HOME = join(temp, 'cache-with-folder');
			},
		],
	];
	try {
		for (const [name, setUp] of cases) {
			const root = library(someArticles(4));
			setUp();
			if (name === 'the index path is a folder') mkdirSync(indexOf(root), {recursive: true});
			for (const attempt of [1, 2]) {
				const scan = await loadLibrary(root);
				assert.deepEqual(
					[scan.stats.parsed, scan.stats.saved, scan.articles.length],
					[4, false, 4],
					`${name}, load ${attempt}`,
				);
				assert.deepEqual(scan.warnings, [], name);
			}
		}
	} finally {
		process.env.XDG_CACHE_HOME = cacheHome;
	}
});

test('a read-only cache folder means no cache, never an error', {skip: skipUnlessPermissionsHold()}, () => {
	const root = library(someArticles(4));
	const cache = join(temp, 'read-only');
	mkdirSync(join(cache, 'leaf'), {recursive: true});
	openToAll(root, temp);
	openToAll(cache, temp);
	chmodSync(join(cache, 'leaf'), 0o555);
	const loads = runUnprivileged(
		`
		import {loadLibrary} from ${sourceUrl('src/io/library.ts')};
		const loads = [];
		for (const attempt of [1, 2]) {
			const scan = await loadLibrary(${JSON.stringify(root)});
			loads.push([scan.stats.parsed, scan.stats.saved, scan.articles.length, scan.warnings]);
		}
		console.log(JSON.stringify(loads));
	`,
		{XDG_CACHE_HOME: cache},
	);
	assert.deepEqual(loads, [
		[4, false, 4, []],
		[4, false, 4, []],
	]);
	assert.deepEqual(readdirSync(join(cache, 'leaf')), []);
});

test('a relative XDG_CACHE_HOME is ignored (XDG spec): ~/.cache is used', () => {
	const table: [NodeJS.ProcessEnv, string | null][] = [
		[{XDG_CACHE_HOME: '/x/cache', HOME: '/home/u'}, '/x/cache/leaf'],
		[{XDG_CACHE_HOME: 'relative/cache', HOME: '/home/u'}, '/home/u/.cache/leaf'],
		[{XDG_CACHE_HOME: '', HOME: '/home/u'}, '/home/u/.cache/leaf'],
	];
	for (const [env, folder] of table) assert.equal(dirname(indexFileFor('/lib', env)!), folder, JSON.stringify(env));
	assert.notEqual(indexFileFor('/lib/a', table[0]![0]), indexFileFor('/lib/b', table[0]![0]));
});

test('a moved library gets its own index and keeps its ids; a symlink to it shares it', async () => {
	const root = library(someArticles(5));
	const before = await loadLibrary(root);
	const moved = join(temp, `moved${count++}`);
	renameSync(root, moved);
	const scan = await loadLibrary(moved);
	assert.deepEqual([scan.stats.index, scan.stats.parsed], ['missing', 5]);
	assert.deepEqual(
		scan.articles.map((a) => [a.id, a.path, a.title]),
		before.articles.map((a) => [a.id, a.path, a.title]),
	);
	const link = join(temp, `link${count++}`);
	symlinkSync(moved, link);
	const viaLink = await loadLibrary(link);
	assert.deepEqual([viaLink.stats.index, viaLink.stats.parsed], ['used', 0]);
});

test('readIndex gives back what writeIndex wrote; shared lists are frozen', async () => {
	const file = join(temp, 'unit', 'index.bin');
	const metas: ArticleMeta[] = [
		{
			id: '0123456789abcdef',
			path: 'a.md',
			title: '标题',
			date: new Date(Date.UTC(2021, 9, 28)),
			author: 'A',
			categories: [['x', 'y']],
			tags: ['t'],
			image: 'i.png',
			link: 'https://e.com',
			warning: null,
		},
		{
			id: 'fedcba9876543210',
			path: 'sub/b.md',
			title: 'b',
			date: null,
			author: 'A',
			categories: [['x', 'y']],
			tags: [],
			image: null,
			link: null,
			warning: 'front matter is not closed',
		},
	];
	const stats = [10, 1.5, 2.5, 20, 3.25, 4.75];
	assert.equal(await writeIndex(file, '/root', metas, stats), true);
	const index = await readIndex(file, '/root');
	assert.ok(index);
	assert.deepEqual(index.metas, metas);
	assert.deepEqual([...index.stats], stats);
	assert.deepEqual(
		[...index.positions],
		[
			['a.md', 0],
			['sub/b.md', 1],
		],
	);
	assert.equal(index.metas[0]!.categories, index.metas[1]!.categories, 'one shared list');
	assert.throws(() => index.metas[0]!.categories[0]!.push('z'), TypeError);
	assert.equal(await readIndex(file, '/other-root'), null);
	assert.equal(await readIndex(join(temp, 'unit', 'missing.bin'), '/root'), null);
});

test('writeIndex leaves out a row readIndex would refuse, so the rest stays usable', async () => {
	const file = join(temp, 'unit', 'filtered.bin');
	const good: ArticleMeta = {
		id: '0123456789abcdef',
		path: 'ok.md',
		title: 'OK',
		date: null,
		author: '',
		categories: [],
		tags: [],
		image: null,
		link: null,
		warning: null,
	};
	const bad: ArticleMeta = {...good, id: 'fedcba9876543210', path: 'bad.md', title: 'bad\x1b[2J'};
	assert.equal(await writeIndex(file, '/root', [good, bad], [1, 1, 1, 2, 2, 2]), true);
	assert.deepEqual((await readIndex(file, '/root'))?.metas, [good]);
	assert.equal(existsSync(file), true);
});

test("temporary files left by a leaf that was killed mid-write are removed; a running one's are kept", async () => {
	const folder = join(temp, 'abandoned');
	const file = join(folder, 'index.bin');
	mkdirSync(folder, {recursive: true});
	// Above Linux's largest process id (2^22), so no such process can be running.
	const abandoned = `index.bin.${2 ** 22 + 1}-abc123.tmp`;
	const running = `index.bin.${process.pid}-def456.tmp`;
	const unrelated = 'other.bin.1-abc.tmp';
	for (const name of [abandoned, running, unrelated]) writeFileSync(join(folder, name), '');
	assert.equal(await writeIndex(file, '/root', [], []), true);
	assert.deepEqual(readdirSync(folder).sort(), ['index.bin', running, unrelated].sort());
});

interface Header {
	[key: string]: unknown;
	bytes: number;
	sha256: string;
}

function splitIndex(file: string): {header: Header; payload: Buffer} {
	const data = readFileSync(file);
	const lineEnd = data.indexOf(10);
	return {header: JSON.parse(data.toString('utf8', 0, lineEnd)) as Header, payload: data.subarray(lineEnd + 1)};
}

function joinIndex(file: string, header: Header, payload: Buffer): void {
	const sealed = {...header, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex')};
	writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(sealed)}\n`), payload]));
}

function rewriteHeader(file: string, change: (header: Header) => Header): void {
	const {header, payload} = splitIndex(file);
	joinIndex(file, change(header), payload);
}

type Columns = Record<'table' | 'paths' | 'ids' | 'titles' | 'images', unknown[]> & {refs: Uint32Array};

function rewritePayload(file: string, change: (payload: Columns) => void): void {
	const {header, payload} = splitIndex(file);
	const columns = deserialize(payload) as Columns;
	change(columns);
	joinIndex(file, header, serialize(columns));
}
