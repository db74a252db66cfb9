// read-state in one process: round trips, merging two stores, bad files kept aside (the rest: read-state-unwritable).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type {ReadStore} from '../../src/io/read-state.ts';
import {
	LIB,
	asideFiles,
	has,
	hexId,
	open,
	readState,
	stateFile,
	tempDir,
	writeState,
} from '../helpers/read-state-files.ts';

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
