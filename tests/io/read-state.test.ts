// read-state in one process: round trips, merging two stores, bad files, flush rules, unwritable folders.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {tempFolders} from '../helpers/temp.ts';
import {runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import type {ReadStore, ReadStoreOptions} from '../../src/io/read-state.ts';

const tempDir = tempFolders('leaf-read-state-');
/** The library these stores keep marks for (its folder is never read: marks are asked by id and path). */
const LIB = fs.realpathSync(tempDir());
const open = (dir: string, more: Partial<ReadStoreOptions> = {}): ReadStore =>
	openReadStore({cwd: dir, library: LIB, ...more});
const has = (store: ReadStore, id: string): boolean => store.isRead({id, path: `${id}.md`});
const stateFile = (dir: string): string => path.join(dir, 'config.json');
const writeState = (dir: string, ids: string[]): void =>
	fs.writeFileSync(stateFile(dir), JSON.stringify({version: 2, libraries: {lib: {root: LIB, sample: [], read: ids}}}));
/** The version and the marks of LIB in the file. */
const readState = (dir: string): {version: number; read: string[]} => {
	const data = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as {
		version: number;
		libraries: Record<string, {root: string; read: string[]}>;
	};
	const entry = Object.values(data.libraries).find((library) => library.root === LIB);
	return {version: data.version, read: entry?.read ?? []};
};
const asideFiles = (dir: string): string[] => fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'));
const fileIdentity = (file: string): string => {
	const stat = fs.statSync(file);
	return `${stat.ino}:${stat.mtimeMs}`;
};
const hexId = (n: number): string => n.toString(16).padStart(16, '0');

describe('read marks survive a restart', () => {
	it('keeps every id, including ids with dots and object-ish names', () => {
		const dir = tempDir();
		const ids = [
			'0123456789abcdef',
			'a.b',
			'posts/2021/x.y.md',
			'..',
			'.hidden',
			'__proto__',
			'constructor',
			'中文.md',
			'with space',
		];
		const first = open(dir);
		for (const id of ids) first.setRead(id, true);
		first.setRead('marked-then-unmarked', true);
		first.setRead('marked-then-unmarked', false);
		first.flush();

		const second = open(dir);
		for (const id of ids) assert.equal(has(second, id), true, id);
		assert.equal(has(second, 'marked-then-unmarked'), false);
		assert.equal(has(second, 'never-marked'), false);
		assert.equal(second.notice, null);
		assert.deepEqual(readState(dir), {version: 2, read: [...ids].sort()});
		assert.deepEqual(fs.readdirSync(dir), ['config.json'], 'no temp file or lock left behind');
	});

	it('makes a missing config folder only at the first write, readable by its owner alone', () => {
		const dir = path.join(tempDir(), 'leaf');
		const store = open(dir);
		assert.equal(fs.existsSync(dir), false, 'opening (reading through conf) creates nothing');
		store.setRead('a', true);
		store.flush();
		assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
		assert.deepEqual(readState(dir), {version: 2, read: ['a']});
	});
});

describe('two instances on one state file', () => {
	type Step = ['A' | 'B', string, boolean] | ['A' | 'B', 'flush'];
	const cases: {name: string; initial: string[]; steps: Step[]; expected: string[]}[] = [
		{
			name: 'each keeps its own new mark',
			initial: [],
			steps: [
				['A', 'x', true],
				['B', 'y', true],
				['A', 'flush'],
				['B', 'flush'],
			],
			expected: ['x', 'y'],
		},
		{
			name: 'an un-mark removes only that id',
			initial: ['x', 'y', 'z'],
			steps: [
				['A', 'x', false],
				['B', 'w', true],
				['A', 'flush'],
				['B', 'flush'],
			],
			expected: ['w', 'y', 'z'],
		},
		{
			name: 'an un-mark survives the other flushing first',
			initial: ['x', 'y', 'z'],
			steps: [
				['A', 'x', false],
				['B', 'w', true],
				['B', 'flush'],
				['A', 'flush'],
			],
			expected: ['w', 'y', 'z'],
		},
		{
			name: 'a stale copy does not bring an un-marked id back',
			initial: ['x'],
			steps: [
				['A', 'x', false],
				['A', 'flush'],
				['B', 'y', true],
				['B', 'flush'],
			],
			expected: ['y'],
		},
		{
			name: 'both un-mark different ids',
			initial: ['x', 'y', 'z'],
			steps: [
				['A', 'x', false],
				['B', 'y', false],
				['B', 'flush'],
				['A', 'flush'],
			],
			expected: ['z'],
		},
	];
	for (const {name, initial, steps, expected} of cases) {
		it(name, () => {
			const dir = tempDir();
			writeState(dir, initial);
			const stores: Record<'A' | 'B', ReadStore> = {A: open(dir), B: open(dir)};
			for (const step of steps) {
				if (step[1] === 'flush') stores[step[0]].flush();
				else stores[step[0]].setRead(step[1], step[2] as boolean);
			}
			assert.deepEqual(readState(dir).read, expected);
			const last = steps.at(-1)![0];
			for (const id of ['w', 'x', 'y', 'z'])
				assert.equal(has(stores[last], id), expected.includes(id), `${last} sees ${id}`);
		});
	}
});

describe('a bad state file is kept aside, never lost', () => {
	const truncated = JSON.stringify({version: 1, read: Array.from({length: 1000}, (_, i) => hexId(i))}).slice(0, 9000);
	const cases: {name: string; content: string | Buffer}[] = [
		{name: 'truncated', content: truncated},
		{name: 'empty', content: ''},
		{name: 'not JSON', content: 'read: [a, b]\n'},
		{name: 'binary', content: Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b])},
		{name: 'an array', content: '[]'},
		{name: 'a number', content: '5'},
		{name: 'null', content: 'null'},
		{name: 'a string', content: '"read"'},
		{name: 'read is a number', content: '{"read": 5}'},
		{name: 'read holds numbers', content: '{"version": 1, "read": [1, 2]}'},
		{name: 'version is a string', content: '{"version": "1", "read": []}'},
		{name: 'version zero', content: '{"version": 0, "read": []}'},
	];
	for (const {name, content} of cases) {
		it(`${name}: renamed next to the original, one notice, fresh start, then saved`, () => {
			const dir = tempDir();
			fs.writeFileSync(stateFile(dir), content);
			const store = open(dir);
			const [aside, ...more] = asideFiles(dir);
			assert.ok(aside !== undefined && more.length === 0, `one file kept aside, got ${fs.readdirSync(dir).join(', ')}`);
			assert.match(aside, /^config\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
			assert.deepEqual(fs.readFileSync(path.join(dir, aside)), Buffer.from(content));
			assert.ok(
				store.notice?.startsWith(`Read state kept aside as ${aside}, starting afresh`),
				`notice names the kept file first: ${store.notice}`,
			);
			assert.doesNotMatch(store.notice ?? '', /\n/);
			assert.equal(store.saving, true);
			assert.equal(has(store, hexId(0)), false);
			assert.equal(fs.existsSync(stateFile(dir)), false);

			store.setRead('after', true);
			store.flush();
			assert.deepEqual(readState(dir), {version: 2, read: ['after']});
			assert.deepEqual(fs.readFileSync(path.join(dir, aside)), Buffer.from(content));
		});
	}

	const midway: {name: string; damage: (dir: string) => void; aside: boolean}[] = [
		{
			name: 'garbage written by another process',
			damage: (dir) => fs.writeFileSync(stateFile(dir), '{"version": 2, "li'),
			aside: true,
		},
		{name: 'replaced by a wrong shape', damage: (dir) => fs.writeFileSync(stateFile(dir), '[]'), aside: true},
		{name: 'deleted', damage: (dir) => fs.rmSync(stateFile(dir)), aside: false},
	];
	for (const {name, damage, aside} of midway) {
		it(`state file ${name} between open and flush: flush keeps our marks and does not throw`, () => {
			const dir = tempDir();
			writeState(dir, ['a']);
			const store = open(dir);
			store.setRead('b', true);
			store.flush();
			damage(dir);
			store.setRead('c', true);
			store.flush();
			assert.deepEqual(readState(dir).read, ['a', 'b', 'c']);
			assert.equal(asideFiles(dir).length, aside ? 1 : 0);
			if (aside) assert.match(store.notice ?? '', /^Read state kept aside as config\.json\.corrupt-/);
		});
	}

	it('a state file from a newer leaf is left untouched and marks stay in memory', () => {
		const dir = tempDir();
		const content = '{"version": 3, "read": {"a": 1}}';
		fs.writeFileSync(stateFile(dir), content);
		const store = open(dir);
		assert.equal(store.saving, false);
		assert.match(store.notice ?? '', /newer leaf .*will not be saved/);
		store.setRead('b', true);
		store.flush();
		assert.equal(has(store, 'b'), true);
		assert.equal(fs.readFileSync(stateFile(dir), 'utf8'), content);
		assert.deepEqual(fs.readdirSync(dir), ['config.json']);
	});

	it('keys it does not know are kept when writing', () => {
		const dir = tempDir();
		fs.writeFileSync(
			stateFile(dir),
			JSON.stringify({
				version: 2,
				libraries: {lib: {root: LIB, sample: [], read: ['a'], starred: ['a']}},
				later: {x: 1},
			}),
		);
		const store = open(dir);
		store.setRead('b', true);
		store.flush();
		assert.deepEqual(JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')), {
			version: 2,
			libraries: {lib: {root: LIB, sample: [], read: ['a', 'b'], starred: ['a']}},
			later: {x: 1},
		});
	});
});

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
