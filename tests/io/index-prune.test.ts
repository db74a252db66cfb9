// The index cache is pruned (issue 11, finding 8): at start, in the background, the index files of libraries
// not opened for 90 days or whose folder is gone are removed; the others stay. Its own file: pruning runs
// once per process.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readdirSync, rmSync, utimesSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {indexFileFor} from '../../src/io/index-cache.ts';
import {loadLibrary} from '../../src/io/library.ts';

const temp = tempFolders('leaf-index-prune-')();
const cacheHome = join(temp, 'cache');
process.env.XDG_CACHE_HOME = cacheHome;
process.env.HOME = join(temp, 'home');
const article = (title: string) => `---\ntitle: ${title}\n---\n<p>${title}</p>\n`;
const DAY = 24 * 60 * 60 * 1000;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await delay(10);
	}
}

test('index files of libraries gone or not opened for 90 days are removed at start; the others stay', async () => {
	const libraries = ['recent', 'old', 'gone', 'current'].map((name) =>
		writeFiles(join(temp, name), {'a.md': article(name)}),
	);
	// Each library opened once: each has its index.
	for (const root of libraries) await loadLibrary(root);
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
	await fresh.loadLibrary(libraries[3]!);
	const expected = [recent, current, join(cacheHome, 'leaf', 'index-not-ours')]
		.map((file) => file!.split('/').at(-1)!)
		.sort();
	await waitFor(() => names().join() === expected.join(), `only ${expected.join(', ')} left (${names().join(', ')})`);
	assert.ok(!names().includes(old!.split('/').at(-1)!));
	assert.ok(!names().includes(gone!.split('/').at(-1)!));
});
