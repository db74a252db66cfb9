// Where the index cache lives, and a cache folder that cannot be written: no cache, never an error.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {indexFileFor} from '../../src/io/index-cache.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {cacheHome, indexOf, library, someArticles, temp} from '../helpers/index-library.ts';
import {openToAll, runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';

test('only the index file is left in the cache folder, readable only by its owner', async () => {
	const root = library(someArticles(3));
	await loadLibrary(root, {threads: false});
	const file = indexOf(root);
	assert.equal(dirname(file), join(cacheHome, 'leaf'));
	assert.deepEqual(
		readdirSync(dirname(file)).filter((name) => name.includes('.tmp')),
		[],
	);
	assert.equal(statSync(file).mode & 0o777, 0o600);
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
				const scan = await loadLibrary(root, {threads: false});
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
