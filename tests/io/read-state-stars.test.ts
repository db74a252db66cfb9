// Stars in the read-state store: kept across a restart, merged between two instances like read marks.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {tempFolders} from '../helpers/temp.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import type {ReadStore} from '../../src/io/read-state.ts';

const tempDir = tempFolders('leaf-read-stars-');
const LIB = fs.realpathSync(tempDir());
const open = (dir: string): ReadStore => openReadStore({cwd: dir, library: LIB});
const entryOf = (dir: string): Record<string, unknown> => {
	const data = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
		libraries: Record<string, Record<string, unknown>>;
	};
	return Object.values(data.libraries).find((library) => library.root === LIB) ?? {};
};

describe('stars in the read state', () => {
	it('survive a restart, beside the read marks and apart from them', () => {
		const dir = tempDir();
		const first = open(dir);
		first.setStarred('b', true);
		first.setStarred('a', true);
		first.setStarred('gone', true);
		first.setStarred('gone', false);
		first.setRead('r', true);
		assert.equal(first.pendingChanges, 5 - 1);
		first.flush();
		assert.equal(first.pendingChanges, 0);

		const second = open(dir);
		assert.deepEqual(second.starredIds().sort(), ['a', 'b']);
		assert.equal(second.isStarred('a'), true);
		assert.equal(second.isStarred('gone'), false);
		assert.equal(second.isStarred('r'), false);
		assert.equal(second.isRead({id: 'a', path: 'a.md'}), false);
		assert.deepEqual(entryOf(dir).starred, ['a', 'b']);
		assert.deepEqual(entryOf(dir).read, ['r']);
	});

	it('are merged between two instances: each keeps its own stars and un-stars only what it un-starred', () => {
		const dir = tempDir();
		const seed = open(dir);
		for (const id of ['x', 'y', 'z']) seed.setStarred(id, true);
		seed.flush();

		const a = open(dir);
		const b = open(dir);
		a.setStarred('x', false);
		a.setStarred('new-a', true);
		b.setStarred('new-b', true);
		b.setRead('read-b', true);
		b.flush();
		a.flush();

		assert.deepEqual(entryOf(dir).starred, ['new-a', 'new-b', 'y', 'z']);
		assert.deepEqual(entryOf(dir).read, ['read-b']);
		assert.deepEqual(a.starredIds().sort(), ['new-a', 'new-b', 'y', 'z'], 'a flush takes in the other stars');
	});

	it('leave a file without stars as it was: no starred key until something is starred', () => {
		const dir = tempDir();
		const store = open(dir);
		store.setRead('r', true);
		store.flush();
		assert.equal(Object.hasOwn(entryOf(dir), 'starred'), false);
	});

	it('a starred value that is not a list of ids makes the file unreadable, set aside rather than lost', () => {
		const dir = tempDir();
		const file = path.join(dir, 'config.json');
		fs.writeFileSync(file, JSON.stringify({version: 2, libraries: {k: {root: LIB, sample: [], read: [], starred: 3}}}));
		const store = open(dir);
		assert.deepEqual(store.starredIds(), []);
		assert.match(store.notice ?? '', /"starred" is not a list of ids/);
	});
});
