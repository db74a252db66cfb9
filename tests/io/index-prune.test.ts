// The index cache is pruned (issue 11, finding 8): at start, in the background, the index files of libraries
// not opened for 90 days or whose folder is gone are removed; the others stay. Its own file: pruning runs
// once per process.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';
import {indexFileFor} from '../../src/io/index-cache.ts';
import {pruneIndexes} from '../../src/io/index-prune.ts';
import {loadLibrary} from '../../src/io/library.ts';

const temp = tempFolders('leaf-index-prune-')();
const cacheHome = join(temp, 'cache');
process.env.XDG_CACHE_HOME = cacheHome;
process.env.HOME = join(temp, 'home');
const article = (title: string) => `---\ntitle: ${title}\n---\n<p>${title}</p>\n`;
const DAY = 24 * 60 * 60 * 1000;

// pruneIndexes itself, on index files written here, at a fixed "now": quick and exact. The last test is the
// whole path, a load that prunes in the background.
const NOW = 1_700_000_000_000;
const hex24 = (digit: string) => digit.repeat(24);
let folders = 0;
/** A cache folder holding `files` (name -> header root or raw text), each last used `days` ago unless given. */
function cacheFolder(files: Record<string, {root?: unknown; raw?: string; daysAgo?: number}>): string {
	const folder = join(temp, `prune${folders++}`);
	mkdirSync(folder);
	for (const [name, {root, raw, daysAgo = 1}] of Object.entries(files)) {
		const file = join(folder, name);
		writeFileSync(file, raw ?? `${JSON.stringify({leaf: 'index', version: 1, root})}\npayload`);
		const seconds = (NOW - daysAgo * DAY) / 1000;
		utimesSync(file, seconds, seconds);
	}
	return folder;
}
const left = (folder: string) => readdirSync(folder).sort();

test('an index not used for more than 90 days is removed, one used 90 days ago to the second stays', async () => {
	const library = writeFiles(join(temp, 'here'), {'a.md': article('here')});
	const folder = cacheFolder({
		[`index-${hex24('a')}.bin`]: {root: library, daysAgo: 90},
		[`index-${hex24('b')}.bin`]: {root: library, daysAgo: 90 + 1 / 86_400},
		[`index-${hex24('c')}.bin`]: {root: library, daysAgo: 400},
		[`index-${hex24('d')}.bin`]: {root: library, daysAgo: 0},
	});
	assert.deepEqual((await pruneIndexes(folder, null, NOW)).sort(), [
		`index-${hex24('b')}.bin`,
		`index-${hex24('c')}.bin`,
	]);
	assert.deepEqual(left(folder), [`index-${hex24('a')}.bin`, `index-${hex24('d')}.bin`]);
});

test('an index whose library is gone, or whose header names no library, is removed', async () => {
	const library = writeFiles(join(temp, 'there'), {'a.md': article('there')});
	const aFile = join(library, 'a.md');
	symlinkSync('loop', join(temp, 'loop'));
	const folder = cacheFolder({
		[`index-${hex24('0')}.bin`]: {root: library},
		[`index-${hex24('1')}.bin`]: {root: join(temp, 'never-made')},
		[`index-${hex24('2')}.bin`]: {root: join(aFile, 'below-a-file')},
		[`index-${hex24('3')}.bin`]: {root: 42},
		[`index-${hex24('4')}.bin`]: {raw: 'not json\npayload'},
		[`index-${hex24('5')}.bin`]: {raw: 'null\npayload'},
		[`index-${hex24('6')}.bin`]: {raw: JSON.stringify({root: library})},
		// A header too long to be ours: its line does not end within the part read.
		[`index-${hex24('7')}.bin`]: {raw: `${JSON.stringify({root: library, pad: ' '.repeat(9000)})}\npayload`},
		// Neither there nor gone (a loop of links): left for a later start.
		[`index-${hex24('8')}.bin`]: {root: join(temp, 'loop')},
	});
	const removed = ['1', '2', '3', '4', '5', '6', '7'].map((digit) => `index-${hex24(digit)}.bin`);
	assert.deepEqual((await pruneIndexes(folder, null, NOW)).sort(), removed);
	assert.deepEqual(left(folder), [`index-${hex24('0')}.bin`, `index-${hex24('8')}.bin`]);
});

test('only files named as leaf names its indexes are looked at, and the one in use is kept', async () => {
	const gone = join(temp, 'not-there');
	const lookAlikes = [
		`index-${hex24('a').slice(1)}.bin`,
		`index-${hex24('a')}a.bin`,
		`index-${hex24('A')}.bin`,
		`xindex-${hex24('a')}.bin`,
		`index-${hex24('a')}.bin.tmp`,
		`index-${hex24('a')}xbin`,
		`index-${hex24('g')}.bin`,
	];
	const inUse = `index-${hex24('e')}.bin`;
	const folder = cacheFolder(
		Object.fromEntries([...lookAlikes, inUse].map((name) => [name, {root: gone, daysAgo: 400}])),
	);
	assert.deepEqual(await pruneIndexes(folder, join(folder, inUse), NOW), []);
	assert.deepEqual(left(folder), [...lookAlikes, inUse].sort());
	assert.deepEqual(await pruneIndexes(folder, join(folder, 'other'), NOW), [inUse]);
});

test("the list cache of a library goes by its index's rules, and is kept with the index in use", async () => {
	const library = writeFiles(join(temp, 'listed'), {'a.md': article('listed')});
	const folder = cacheFolder({
		[`list-${hex24('a')}.bin`]: {root: library},
		[`list-${hex24('b')}.bin`]: {root: library, daysAgo: 400},
		[`list-${hex24('c')}.bin`]: {root: join(temp, 'never-made')},
		[`index-${hex24('d')}.bin`]: {root: library, daysAgo: 400},
		[`list-${hex24('d')}.bin`]: {root: library, daysAgo: 400},
		[`lists-${hex24('e')}.bin`]: {root: join(temp, 'never-made')},
	});
	assert.deepEqual((await pruneIndexes(folder, join(folder, `index-${hex24('d')}.bin`), NOW)).sort(), [
		`list-${hex24('b')}.bin`,
		`list-${hex24('c')}.bin`,
	]);
	assert.deepEqual(left(folder), [
		`index-${hex24('d')}.bin`,
		`list-${hex24('a')}.bin`,
		`list-${hex24('d')}.bin`,
		`lists-${hex24('e')}.bin`,
	]);
});

test('a folder named like an index is left alone; a cache folder that is not there prunes nothing', async () => {
	const folder = cacheFolder({});
	const name = `index-${hex24('f')}.bin`;
	mkdirSync(join(folder, name));
	utimesSync(join(folder, name), 1, 1);
	assert.deepEqual(await pruneIndexes(folder, null, NOW), []);
	assert.deepEqual(left(folder), [name]);
	assert.deepEqual(await pruneIndexes(join(temp, 'no-cache-here'), null, NOW), []);
});

test('index files of libraries gone or not opened for 90 days are removed at start; the others stay', async () => {
	const libraries = ['recent', 'old', 'gone', 'current'].map((name) =>
		writeFiles(join(temp, name), {'a.md': article(name)}),
	);
	// Each library opened once: each has its index.
	for (const root of libraries) await loadLibrary(root, {threads: false});
	const [recent, old, gone, current] = libraries.map((root) => indexFileFor(root)!);
	const names = () => readdirSync(join(cacheHome, 'leaf')).sort();
	assert.equal(names().length, 4);
	const ago = (days: number) => new Date(Date.now() - days * DAY);
	utimesSync(recent!, ago(89), ago(89));
	utimesSync(old!, ago(91), ago(91));
	utimesSync(current!, ago(200), ago(200));
	rmSync(libraries[2]!, {recursive: true});
	mkdirSync(join(cacheHome, 'leaf', 'index-not-ours'));

	// A new process would prune at its first load: this one prunes at its first load too, which was above.
	// So prune through a fresh import of the module (a new "process" for the module's once-only flag).
	// (Compiled for the mutation run, this file and the module are .js: scripts/mutate/build.mjs.)
	const module = new URL(`../../src/io/library.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}`, import.meta.url);
	module.search = `fresh=${Date.now()}`;
	const fresh = (await import(module.href)) as typeof import('../../src/io/library.ts');
	await fresh.loadLibrary(libraries[3]!, {threads: false});
	const expected = [recent, current, join(cacheHome, 'leaf', 'index-not-ours')]
		.map((file) => file!.split('/').at(-1)!)
		.sort();
	await waitFor(() => names().join() === expected.join(), `only ${expected.join(', ')} left (${names().join(', ')})`);
	assert.ok(!names().includes(old!.split('/').at(-1)!));
	assert.ok(!names().includes(gone!.split('/').at(-1)!));
});
