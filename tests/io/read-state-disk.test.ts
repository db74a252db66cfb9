// No write can destroy the read state (issue 11, finding 1): a full disk, a short write, a damaged file.
import {describe, it, mock} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {tempFolders} from '../helpers/temp.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import type {ReadStore, ReadStoreOptions} from '../../src/io/read-state.ts';

const tempDir = tempFolders('leaf-read-state-disk-');
const LIB = fs.realpathSync(tempDir());
const stateFile = (dir: string): string => path.join(dir, 'config.json');
const hexId = (n: number): string => n.toString(16).padStart(16, '0');
const key = (id: string) => ({id, path: `${id}.md`});

/** The marks of LIB as the file holds them; throws when the file is not valid JSON. */
function marksOnDisk(file: string): string[] {
	const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {libraries: Record<string, {root: string; read: string[]}>};
	return Object.values(data.libraries).find((library) => library.root === LIB)?.read ?? [];
}

function openStore(dir: string, notices: string[] = [], more: Partial<ReadStoreOptions> = {}): ReadStore {
	return openReadStore({
		cwd: dir,
		library: LIB,
		onNotice: (text, weight) => notices.push(`${weight}: ${text}`),
		...more,
	});
}

function markMany(store: ReadStore, from: number, count: number): string[] {
	const ids = Array.from({length: count}, (_, i) => hexId(from + i));
	for (const id of ids) store.setRead(id, true);
	return ids;
}

describe('a full disk (a real 64 KiB tmpfs)', () => {
	it('keeps the file whole, the marks in memory, says so until a write succeeds, and saves them then', (t) => {
		const dir = tempDir();
		if (process.getuid?.() !== 0) return t.skip('needs root to mount a tmpfs');
		const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {encoding: 'utf8'});
		if (mounted.status !== 0) return t.skip(`cannot mount a tmpfs here: ${mounted.stderr.trim()}`);
		t.after(() => spawnSync('umount', [dir]));

		const notices: string[] = [];
		let saved = 0;
		const first = openStore(dir, notices, {onSaved: () => saved++});
		const before = markMany(first, 0, 500);
		first.flush();
		assert.equal(marksOnDisk(stateFile(dir)).length, 500);

		// 3,000 more marks need about 80 KiB: more than the disk holds.
		const more = markMany(first, 500, 3000);
		first.flush();
		assert.deepEqual(marksOnDisk(stateFile(dir)), before, 'the file on disk is the last good one, whole');
		assert.equal(first.pendingChanges, 3000);
		assert.ok(
			more.every((id) => first.isRead(key(id))),
			'the marks are kept in memory',
		);
		assert.match(notices.at(-1) ?? '', /^until-saved: Read marks NOT saved \(ENOSPC/);
		assert.deepEqual(
			fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
			[],
			'no temporary file left to fill the disk',
		);
		assert.match(first.unsaved() ?? '', /^3000 read mark changes were not saved to .*config\.json \(ENOSPC/);

		// Another start meanwhile finds the 500 marks, nothing set aside.
		const second = openStore(dir);
		assert.ok(before.every((id) => second.isRead(key(id))));
		assert.equal(second.notice, null);

		// Space is freed: the next try saves everything, and the notice may go.
		spawnSync('mount', ['-o', 'remount,size=1m', dir]);
		first.flush();
		assert.equal(first.pendingChanges, 0);
		assert.equal(saved, 1);
		assert.equal(first.unsaved(), null);
		assert.deepEqual(marksOnDisk(stateFile(dir)), [...before, ...more].sort());
	});
});

describe('injected short writes', () => {
	type Write = (fd: number, buffer: Buffer, offset: number, length: number) => number;
	const original = fs.writeSync.bind(fs) as Write;
	const cases: {name: string; write: Write}[] = [
		{
			name: 'the file system takes part of the bytes, then none',
			write: (fd, buffer, offset, length) => (offset > 0 ? 0 : original(fd, buffer, offset, Math.min(length, 100))),
		},
		{
			name: 'the file system says it took every byte but kept only some (what conf trusted)',
			write: (fd, buffer, offset, length) => {
				original(fd, buffer, offset, Math.min(length, 100));
				return length;
			},
		},
	];
	for (const {name, write} of cases) {
		it(`${name}: the previous file stays, the marks wait for the next write`, (t) => {
			const dir = tempDir();
			const notices: string[] = [];
			const store = openStore(dir, notices);
			markMany(store, 0, 10);
			store.flush();
			const good = fs.readFileSync(stateFile(dir));
			markMany(store, 10, 10);
			const mocked = mock.method(fs, 'writeSync', write as typeof fs.writeSync);
			t.after(() => mocked.mock.restore());
			store.flush();
			mocked.mock.restore();
			assert.ok(mocked.mock.callCount() > 0, 'the write went through fs.writeSync');
			assert.deepEqual(fs.readFileSync(stateFile(dir)), good);
			assert.equal(store.pendingChanges, 10);
			assert.match(notices.at(-1) ?? '', /^until-saved: Read marks NOT saved \(ENOSPC: only \d+ of \d+ bytes/);
			store.flush();
			assert.equal(marksOnDisk(stateFile(dir)).length, 20);
		});
	}
});

describe('the last good state is kept as config.json.bak', () => {
	it('and used when the main file is damaged, before the damaged one is set aside', () => {
		const dir = tempDir();
		const store = openStore(dir);
		const older = markMany(store, 0, 5);
		store.flush();
		markMany(store, 5, 5);
		store.flush();
		assert.deepEqual(marksOnDisk(`${stateFile(dir)}.bak`), older, 'the backup is the state before the last write');

		// Cut as conf left it on a full disk.
		const whole = fs.readFileSync(stateFile(dir));
		fs.writeFileSync(stateFile(dir), whole.subarray(0, whole.length >> 1));
		const notices: string[] = [];
		const restored = openStore(dir, notices);
		assert.ok(
			older.every((id) => restored.isRead(key(id))),
			'the backup marks are there',
		);
		assert.match(
			notices.join('\n'),
			/^lasting: Read state kept aside as config\.json\.corrupt-\S+, restored the last good state from config\.json\.bak/,
		);
		assert.equal(fs.readdirSync(dir).filter((name) => name.includes('.corrupt-')).length, 1);
		restored.flush();
		assert.deepEqual(marksOnDisk(stateFile(dir)), older, 'the restored state is written back at once');
	});

	it('a damaged main file and no backup: set aside, a fresh start', () => {
		const dir = tempDir();
		fs.writeFileSync(stateFile(dir), '{"version": 2, "libr');
		const notices: string[] = [];
		openStore(dir, notices);
		assert.match(notices.join('\n'), /^lasting: Read state kept aside as config\.json\.corrupt-\S+, starting afresh/);
	});
});

describe('a state file that cannot be used', () => {
	it('XDG_CONFIG_HOME is a file: the notice is one that lasts, and quitting says what was not saved', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'file'), '');
		const notices: string[] = [];
		const store = openStore(path.join(dir, 'file', 'leaf'), notices);
		assert.equal(store.saving, false);
		assert.match(notices.join('\n'), /^lasting: Cannot open the read state \(ENOTDIR.*read marks will not be saved\.$/);
		store.setRead('a', true);
		store.flush();
		assert.match(store.unsaved() ?? '', /^1 read mark change was not saved to .*file\/leaf\/config\.json/);
	});
});
