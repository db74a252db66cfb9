// Running a CommonJS script with V8's code cache (io/browser-script.ts), as main.ts runs the browser's bundle:
// the cache is written once, used after, and a damaged, cut or stale one is never used, only made again. Each
// start is a process of its own (`start`): within one, V8 keeps what it compiled and would not read a cache.
import {after, test} from 'node:test';
import {execFileSync} from 'node:child_process';
import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	truncateSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {runScript} from '../../src/io/browser-script.ts';
import {openToAll, runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';

const home = mkdtempSync(join(tmpdir(), 'leaf-script-'));
after(() => rmSync(home, {recursive: true, force: true}));

// Enough code that V8's cache of it is not trivial; what it exports shows each way into the script works.
const body = Array.from({length: 200}, (_, i) => `function f${i}(x) { return x * ${i} + ${i % 7}; }`).join('\n');
const source = (answer: number) => `'use strict';
${body}
const path = require('node:path');
module.exports = {
	answer: f1(${answer}) + f0(1),
	meta: leafScriptMeta.url,
	file: path.basename(__filename),
	folder: path.basename(__dirname),
	sameExports: exports === module.exports,
	fail() { throw new Error('from the script'); },
};
`;

function scriptAt(name: string, answer: number): URL {
	const folder = mkdtempSync(join(home, `${name}-`));
	const file = join(folder, 'browser.cjs');
	writeFileSync(file, source(answer));
	return pathToFileURL(file);
}

interface Exports {
	answer: number;
	meta: string;
	file: string;
	folder: string;
	sameExports: boolean;
	fail(): never;
}

const module = fileURLToPath(new URL('../../src/io/browser-script.ts', import.meta.url));

/** runScript in a new process, as a start of leaf runs it, then saveCache. */
function start(url: URL, build: string, cache: string): {fromCache: boolean; answer: number} {
	const code = `import {runScript} from ${JSON.stringify(pathToFileURL(module).href)};
const run = runScript(new URL(${JSON.stringify(url.href)}), ${JSON.stringify(build)}, ${JSON.stringify(cache)});
await run.saveCache();
process.stdout.write(JSON.stringify({fromCache: run.fromCache, answer: run.exports.answer}));`;
	return JSON.parse(
		execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
			encoding: 'utf8',
			timeout: 30_000,
		}),
	) as {fromCache: boolean; answer: number};
}

const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8'));

test('the script runs as a CommonJS module: require, module, exports, __filename, and its URL as import.meta', () => {
	const url = scriptAt('plain', 41);
	const {exports, fromCache} = runScript(url, 'b1', null);
	const got = exports as Exports;
	assert.equal(fromCache, false);
	assert.equal(got.answer, 41 + 1);
	assert.equal(got.meta, url.href);
	assert.equal(got.file, 'browser.cjs');
	assert.ok(got.folder.startsWith('plain-'));
	assert.equal(got.sameExports, true);
	// Stack traces give the script's own lines: the wrapper around it is not counted.
	let stack = '';
	try {
		got.fail();
	} catch (error) {
		stack = (error as Error).stack ?? '';
	}
	const line =
		source(41)
			.split('\n')
			.findIndex((text) => text.includes("throw new Error('from the script')")) + 1;
	assert.match(stack, new RegExp(`browser\\.cjs:${line}:`));
});

test('what the caller adds to import.meta reaches the script beside its URL, which it cannot replace', () => {
	const folder = mkdtempSync(join(home, 'meta-'));
	const file = join(folder, 'browser.cjs');
	writeFileSync(file, "module.exports = {url: leafScriptMeta.url, later: leafScriptMeta.later('src/a.ts')};");
	const url = pathToFileURL(file);
	const asked: string[] = [];
	const later = (path: string) => {
		asked.push(path);
		return {from: path};
	};
	const {exports} = runScript(url, 'b1', null, {url: 'file:///elsewhere.cjs', later});
	assert.deepEqual(exports, {url: url.href, later: {from: 'src/a.ts'}});
	assert.deepEqual(asked, ['src/a.ts']);
});

test('the first run saves the cache, the next runs from it and leaves it as it was', async () => {
	const url = scriptAt('cached', 1);
	const cache = join(home, 'cache-once');
	assert.deepEqual(start(url, 'b1', cache), {fromCache: false, answer: 2});
	const file = cacheFiles(cache)[0] ?? '';
	assert.ok(file.startsWith('browser.cjs-b1-'), file);
	assert.ok(file.includes(process.version));
	const written = statSync(join(cache, file));

	assert.deepEqual(start(url, 'b1', cache), {fromCache: true, answer: 2});
	assert.deepEqual(cacheFiles(cache), [file]);
	assert.equal(statSync(join(cache, file)).mtimeMs, written.mtimeMs, 'a cache that was used is not written again');
});

test('a damaged or cut cache is refused: the script runs compiled afresh and the cache is made again', async () => {
	const url = scriptAt('damaged', 5);
	const cache = join(home, 'cache-damaged');
	start(url, 'b1', cache);
	const [file] = cacheFiles(cache);
	const path = join(cache, file as string);
	const good = readFileSync(path);
	for (const damage of [
		(bytes: Buffer) => {
			const copy = Buffer.from(bytes);
			for (const at of [Math.floor(copy.length / 3), Math.floor(copy.length / 2), copy.length - 9]) copy[at]! ^= 0x5a;
			return copy;
		},
		(bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)),
		() => Buffer.alloc(0),
		() => Buffer.from('not a code cache at all'),
	]) {
		writeFileSync(path, damage(good));
		assert.deepEqual(start(url, 'b1', cache), {fromCache: false, answer: 6});
		assert.deepEqual(start(url, 'b1', cache), {fromCache: true, answer: 6}, 'made again, and used');
	}
});

test("another build or an edited script never meets the old script's cache, which the new one's removes", async () => {
	const url = scriptAt('edited', 7);
	const cache = join(home, 'cache-edited');
	start(url, 'b1', cache);
	const [old] = cacheFiles(cache);

	// Another build: another name, so the old cache is not offered; saving removes it.
	assert.deepEqual(start(url, 'b2', cache), {fromCache: false, answer: 8});
	assert.equal(cacheFiles(cache).length, 1);
	assert.notEqual(cacheFiles(cache)[0], old);

	// The same build name, the script edited to a text of the same length: its time names another cache.
	const file = new URL(url);
	writeFileSync(file, source(8));
	utimesSync(file, new Date(), new Date(Date.now() + 5000));
	assert.deepEqual(start(url, 'b2', cache), {fromCache: false, answer: 9});
	assert.equal(cacheFiles(cache).length, 1);
});

test("a temporary file of a leaf killed while saving is removed; a running one's is left", async () => {
	const url = scriptAt('temporaries', 3);
	const cache = join(home, 'cache-temporaries');
	await runScript(url, 'b1', cache).saveCache();
	const [file] = cacheFiles(cache);
	// No process has pid 2^22 + 1 (above Linux's limit); this process is running.
	const abandoned = `${file}.${2 ** 22 + 1}-abc.tmp`;
	const live = `${file}.${process.pid}-def.tmp`;
	writeFileSync(join(cache, abandoned), 'x');
	writeFileSync(join(cache, live), 'x');
	await runScript(url, 'b3', cache).saveCache();
	const names = readdirSync(cache);
	assert.ok(!names.includes(abandoned), names.join(' '));
	assert.ok(names.includes(live), names.join(' '));
});

test('a cache folder that cannot be made or written costs the cache, never the run', async () => {
	const url = scriptAt('unwritable', 2);
	const blocker = join(home, 'a-file');
	writeFileSync(blocker, 'in the way');
	for (const cache of [blocker, join(blocker, 'compiled')]) {
		const run = runScript(url, 'b1', cache);
		assert.equal((run.exports as Exports).answer, 3);
		await run.saveCache();
		assert.equal(readFileSync(blocker, 'utf8'), 'in the way');
	}
});

test('a cache that is a FIFO, a folder or no file of sane size is not read, and the start goes on', async () => {
	const url = scriptAt('odd', 4);
	const cache = join(home, 'cache-odd');
	start(url, 'b1', cache);
	const file = join(cache, cacheFiles(cache)[0] ?? '');
	rmSync(file);
	// A FIFO with no writer: reading it would wait for ever.
	execFileSync('mkfifo', [file]);
	assert.deepEqual(start(url, 'b1', cache), {fromCache: false, answer: 5});
	rmSync(file, {force: true});
	mkdirSync(file);
	assert.deepEqual(start(url, 'b1', cache), {fromCache: false, answer: 5});
	rmSync(file, {recursive: true});
	writeFileSync(file, Buffer.alloc(0));
	truncateSync(file, 65 * 1024 * 1024);
	assert.deepEqual(start(url, 'b1', cache), {fromCache: false, answer: 5});
});

test(
	'a cache folder its user may not enter or write costs the cache, never the run',
	{skip: skipUnlessPermissionsHold()},
	() => {
		const shared = mkdtempSync(join(home, 'nobody-'));
		openToAll(shared, home);
		const folder = join(shared, 'script');
		mkdirSync(folder);
		const file = join(folder, 'browser.cjs');
		writeFileSync(file, source(6));
		chmodSync(folder, 0o755);
		chmodSync(file, 0o644);
		const locked = join(shared, 'compiled');
		mkdirSync(locked, {mode: 0o700});
		const readOnly = join(shared, 'read-only');
		mkdirSync(readOnly, {mode: 0o555});
		for (const cache of [locked, join(locked, 'inside'), readOnly]) {
			const got = runUnprivileged(`import {runScript} from ${sourceUrl('src/io/browser-script.ts')};
const run = runScript(new URL(${JSON.stringify(pathToFileURL(file).href)}), 'b1', ${JSON.stringify(cache)});
await run.saveCache();
console.log(JSON.stringify({fromCache: run.fromCache, answer: run.exports.answer}));`);
			assert.deepEqual(got, {fromCache: false, answer: 7}, cache);
		}
		assert.deepEqual(readdirSync(readOnly), []);
	},
);
