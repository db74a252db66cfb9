// The lock around a write of the read state (read-state-file.ts, withLock): taken even by the first write, whose
// folder is not there yet. Two leafs quitting at once on a fresh config folder once wrote unlocked, each over the
// other, and one's read marks were lost.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {StateFile} from '../../src/io/read-state-file.ts';
import {open, readState, tempDir} from '../helpers/read-state-files.ts';

test('the first write makes the folder and holds the lock while it writes', () => {
	const folder = join(tempDir(), 'config', 'leaf');
	const file = new StateFile(folder);
	const held = file.withLock(() => existsSync(`${file.path}.lock`));
	assert.equal(held, true);
	assert.equal(existsSync(`${file.path}.lock`), false, 'let go after');
	assert.equal(statSync(folder).mode & 0o777, 0o700);
});

test('a store whose folder is not there yet writes its marks there, under the lock', () => {
	const folder = join(tempDir(), 'fresh', 'leaf');
	const store = open(folder);
	store.setRead('a', true);
	store.flush(true);
	assert.equal(store.pendingChanges, 0, store.notice ?? '');
	assert.deepEqual(readState(folder).read, ['a']);
});
