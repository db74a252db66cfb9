// Which state-file entry is the library being opened (read-state-library.ts): the one at its path, else a gone
// folder's whose sample is more than half here (a move), the best such; else a new key.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import type {LibraryState, StateData} from '../../src/io/read-state-format.ts';
import {findLibrary, mergeSample, newKey} from '../../src/io/read-state-library.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const temp = tempFolders('leaf-state-library-');
const entry = (root: string, sample: string[]): LibraryState => ({root, sample, read: []});
const state = (libraries: Record<string, LibraryState>): StateData => ({version: 2, libraries});

test('the entry at the real path first; a gone folder whose sample is more than half here is the library moved', () => {
	const dir = temp();
	const here = writeFiles(join(dir, 'here'), {'a.md': '', 'b.md': '', 'c.md': '', 'sub/d.md': ''});
	const gone = join(dir, 'gone');
	const exact = entry(here, []);
	const moved = entry(gone, ['a.md', 'b.md', 'sub/d.md', 'x.md']);
	assert.deepEqual(findLibrary(state({m: moved, e: exact}), here), {key: 'e', entry: exact, movedFrom: null});
	assert.deepEqual(findLibrary(state({m: moved}), here), {key: 'm', entry: moved, movedFrom: gone});
	// Exactly half is not more than half.
	const half = entry(gone, ['a.md', 'b.md', 'x.md', 'y.md']);
	assert.equal(findLibrary(state({h: half}), here).entry, null);
});

test('of several moved candidates the one with the most sample files here wins, the first on a tie', () => {
	const dir = temp();
	const here = writeFiles(join(dir, 'here'), {'a.md': '', 'b.md': '', 'c.md': ''});
	const two = entry(join(dir, 'gone1'), ['a.md', 'b.md', 'x.md']);
	const three = entry(join(dir, 'gone2'), ['a.md', 'b.md', 'c.md', 'x.md']);
	const threeToo = entry(join(dir, 'gone3'), ['a.md', 'b.md', 'c.md']);
	assert.equal(findLibrary(state({two, three}), here).key, 'three');
	assert.equal(findLibrary(state({three, two}), here).key, 'three');
	assert.equal(findLibrary(state({three, threeToo}), here).key, 'three');
	assert.equal(findLibrary(state({threeToo, three}), here).key, 'threeToo');
});

test('a folder still there (or only unreachable) is no move; sample paths out of the library or not files count not', () => {
	const dir = temp();
	const here = writeFiles(join(dir, 'here'), {'a.md': '', 'b.md': '', 'folder.md/x': ''});
	const there = writeFiles(join(dir, 'there'), {});
	symlinkSync('loop', join(dir, 'loop'));
	const file = writeFiles(join(dir, 'files'), {f: ''});
	const sample = ['a.md', 'b.md'];
	assert.equal(findLibrary(state({s: entry(there, sample)}), here).entry, null, 'still there');
	assert.equal(findLibrary(state({l: entry(join(dir, 'loop'), sample)}), here).entry, null, 'a loop of links');
	assert.equal(findLibrary(state({f: entry(join(file, 'f', 'x'), sample)}), here).key, 'f', 'below a file: gone');
	mkdirSync(join(dir, 'outside'));
	writeFiles(dir, {'outside/o.md': ''});
	// One of three here: a path out of the library and a folder do not count, or it would be two of three.
	const tricky = ['a.md', '../outside/o.md', 'folder.md'];
	assert.equal(findLibrary(state({t: entry(join(dir, 'gone'), ['a.md', 'b.md', 'folder.md'])}), here).key, 't');
	assert.equal(findLibrary(state({t: entry(join(dir, 'gone'), tricky)}), here).entry, null);
	assert.equal(findLibrary(state({e: entry(join(dir, 'gone'), [])}), here).entry, null);
});

test('a new key is the start of the path hash, with a suffix when taken', () => {
	// The first 16 hex digits of SHA-256('/lib/b'), worked out with sha256sum.
	const base = '1fe090f455a74745';
	assert.equal(newKey(state({}), '/lib/b'), base);
	assert.equal(newKey(state({[base]: entry('/x', [])}), '/lib/b'), `${base}-2`);
	assert.equal(newKey(state({[base]: entry('/x', []), [`${base}-2`]: entry('/y', [])}), '/lib/b'), `${base}-3`);
	assert.deepEqual(findLibrary(state({}), '/lib/b'), {key: base, entry: null, movedFrom: null});
});

test('the sample: ours first, then the remembered, no repeats, at most 16', () => {
	assert.deepEqual(mergeSample(['b', 'a'], ['a', 'c']), ['b', 'a', 'c']);
	const many = Array.from({length: 20}, (_, i) => `p${i}`);
	assert.deepEqual(mergeSample(many.slice(0, 10), many.slice(5)), many.slice(0, 16));
});
