// read-state when writing is not possible or not wanted: flush rules, unwritable folders, the read-only store.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';
import type {ReadStore} from '../../src/io/read-state.ts';
import {LIB, fileIdentity, has, open, readState, stateFile, tempDir, writeState} from '../helpers/read-state-files.ts';

describe('flush', () => {
	it('writes only when something changed', () => {
		const dir = tempDir();
		writeState(dir, ['a']);
		const store = open(dir);
		const opened = fileIdentity(stateFile(dir));
		store.flush();
		assert.equal(fileIdentity(stateFile(dir)), opened, 'flush right after open');
		store.setRead('a', true);
		store.flush();
		assert.equal(fileIdentity(stateFile(dir)), opened, 'marking an id already read');
		store.setRead('b', true);
		assert.equal(store.pendingChanges, 1);
		store.flush();
		const written = fileIdentity(stateFile(dir));
		assert.notEqual(written, opened, 'a change is written (a new file renamed over the old one)');
		assert.equal(store.pendingChanges, 0);
		store.flush();
		assert.equal(fileIdentity(stateFile(dir)), written, 'second flush without changes');
	});

	it('a stale lock left by a dead process is broken', () => {
		const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
		const dir = tempDir();
		fs.writeFileSync(`${stateFile(dir)}.lock`, String(deadPid));
		const store = open(dir);
		store.setRead('a', true);
		store.flush();
		assert.deepEqual(readState(dir).read, ['a']);
		assert.equal(fs.existsSync(`${stateFile(dir)}.lock`), false);
	});

	it("a live holder's lock is waited for, then left alone: nothing is written unlocked, the marks wait", () => {
		const dir = tempDir();
		writeState(dir, ['old']);
		const lock = `${stateFile(dir)}.lock`;
		fs.writeFileSync(lock, String(process.pid));
		const store = open(dir);
		store.setRead('a', true);
		store.flush();
		assert.deepEqual(readState(dir).read, ['old']);
		assert.equal(fs.existsSync(lock), true);
		assert.equal(store.pendingChanges, 1);
		assert.match(
			store.notice ?? '',
			/^Read marks NOT saved \(EBUSY: the read state is being written by another leaf\)/,
		);
		fs.rmSync(lock);
		store.flush();
		assert.deepEqual(readState(dir).read, ['a', 'old']);
		assert.equal(store.pendingChanges, 0);
	});

	it("the last write (leaf exiting) waits for a live holder's lock until it is let go", async () => {
		const dir = tempDir();
		writeState(dir, ['old']);
		const lock = JSON.stringify(`${stateFile(dir)}.lock`);
		// Another leaf holds the lock for 1.5 s (a slow disk): longer than a write waits, not long enough to be stale.
		const holder = spawn(process.execPath, [
			'-e',
			`const fs = require('fs'); fs.writeFileSync(${lock}, String(process.pid)); console.log('held');
			setTimeout(() => fs.rmSync(${lock}), 1500);`,
		]);
		const exited = new Promise((resolve) => holder.on('exit', resolve));
		await new Promise((resolve) => holder.stdout.once('data', resolve));
		const store = open(dir);
		store.setRead('a', true);
		store.flush(true);
		assert.equal(store.pendingChanges, 0, store.notice ?? '');
		assert.deepEqual(readState(dir).read, ['a', 'old']);
		assert.equal(await exited, 0, 'the holder found its own lock to let go: it was never broken');
	});

	it('the last write breaks a lock once it is stale, even one of a live process', () => {
		const dir = tempDir();
		writeState(dir, ['old']);
		const lock = `${stateFile(dir)}.lock`;
		fs.writeFileSync(lock, String(process.pid));
		// Stale 10 s after it was taken: this one in 2.5 s, later than two writes that give up after a moment.
		const taken = new Date(Date.now() - 7500);
		fs.utimesSync(lock, taken, taken);
		const store = open(dir);
		store.setRead('a', true);
		store.flush();
		assert.equal(store.pendingChanges, 1, 'a write that others follow gives up after a moment');
		store.flush(true);
		assert.equal(store.pendingChanges, 0, store.notice ?? '');
		assert.deepEqual(readState(dir).read, ['a', 'old']);
		assert.equal(fs.existsSync(lock), false);
	});

	it('removes temp files of writes killed long ago, and only those', () => {
		const dir = tempDir();
		const old = 'config.json.tmp-1234567890abcdef';
		const fresh = 'config.json.tmp-1234567891abcdef';
		const other = 'config.json.tmp-notours';
		for (const name of [old, fresh, other]) fs.writeFileSync(path.join(dir, name), '{');
		const hourAgo = new Date(Date.now() - 3_600_000);
		for (const name of [old, other]) fs.utimesSync(path.join(dir, name), hourAgo, hourAgo);
		open(dir);
		assert.deepEqual(fs.readdirSync(dir).sort(), [fresh, other]);
	});
});

describe('where the state cannot be written, marks live in memory', () => {
	const check = (store: ReadStore): void => {
		assert.equal(store.saving, false);
		assert.match(store.notice ?? '', /will not be saved/);
		assert.doesNotThrow(() => {
			store.setRead('a', true);
			store.flush();
		});
		assert.equal(has(store, 'a'), true);
	};

	it('the config folder would sit under a regular file', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'file'), '');
		check(open(path.join(dir, 'file', 'leaf')));
	});

	it('config.json is a directory', () => {
		const dir = tempDir();
		fs.mkdirSync(stateFile(dir));
		check(open(dir));
		assert.ok(fs.statSync(stateFile(dir)).isDirectory());
	});

	it('a read-only folder (chmod 555)', {skip: skipUnlessPermissionsHold()}, () => {
		const dir = tempDir();
		writeState(dir, ['old']);
		fs.chmodSync(stateFile(dir), 0o644);
		fs.chmodSync(dir, 0o555);
		const seen = runUnprivileged(`
			import {openReadStore} from ${sourceUrl('src/io/read-state.ts')};
			const store = openReadStore({cwd: ${JSON.stringify(dir)}, library: ${JSON.stringify(LIB)}});
			store.setRead('a', true);
			store.flush();
			const isRead = (id) => store.isRead({id, path: id + '.md'});
			console.log(JSON.stringify({saving: store.saving, notice: store.notice, a: isRead('a'), old: isRead('old')}));
		`);
		assert.deepEqual(seen, {
			saving: false,
			notice: `Cannot write to ${dir} (EACCES); read marks will not be saved.`,
			a: true,
			old: true,
		});
		assert.deepEqual(readState(dir).read, ['old']);
	});
});

describe('read-only store (leaf list)', () => {
	it('never creates, renames or writes anything', () => {
		const dir = tempDir();
		const missing = path.join(dir, 'missing');
		const empty = open(missing, {readOnly: true});
		assert.equal(has(empty, 'a'), false);
		assert.equal(fs.existsSync(missing), false);

		writeState(dir, ['a']);
		const before = fileIdentity(stateFile(dir));
		const store = open(dir, {readOnly: true});
		assert.equal(has(store, 'a'), true);
		store.setRead('b', true);
		store.flush();
		assert.equal(fileIdentity(stateFile(dir)), before);

		fs.writeFileSync(stateFile(dir), '{"read": 5}');
		const corrupt = open(dir, {readOnly: true});
		assert.match(corrupt.notice ?? '', /unreadable/);
		assert.deepEqual(fs.readdirSync(dir), ['config.json'], 'not renamed aside, nothing created');
	});
});
