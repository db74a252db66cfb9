// Reading positions and the session in the read-state store: kept across a restart, merged between two instances
// (the newest position wins per article), capped, and a bad value dropped on load without losing a read mark.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type {Session} from '../../src/core/browser/types.ts';
import {LIB, asideFiles, has, hexId, open, stateFile, tempDir} from '../helpers/read-state-files.ts';

const session = (more: Partial<Session> = {}): Session => ({
	category: ['Tech', 'Go'],
	starred: false,
	query: 'rust',
	cursor: 'c1',
	open: 'o1',
	focus: 'reader',
	sort: 'title',
	...more,
});

/** LIB's entry in the file as written. */
function entryOf(dir: string): Record<string, unknown> {
	const data = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as {libraries: Record<string, {root: string}>};
	return Object.values(data.libraries).find((library) => library.root === LIB) ?? {};
}

/** A clock the test moves. */
function clock(start = 1_700_000_000_000) {
	let time = start;
	return {now: () => time, tick: (ms = 1) => (time += ms)};
}

describe('reading positions and the session in the read state', () => {
	it('survive a restart beside the marks, one line per position; back at the top keeps none', () => {
		const dir = tempDir();
		const time = clock();
		const first = open(dir, {now: time.now});
		first.setRead('r', true);
		first.setPosition('a', 0.25);
		first.setPosition('b', 0.5);
		first.setPosition('b', 0);
		first.setPosition('never-scrolled', 0);
		first.setSession(session());
		first.flush();
		assert.equal(first.pendingChanges, 0);

		const second = open(dir);
		assert.deepEqual([...second.positions()], [['a', 0.25]]);
		assert.deepEqual(second.session(), session());
		assert.equal(has(second, 'r'), true);
		assert.deepEqual(entryOf(dir).positions, {a: [0.25, 1_700_000_000_000]});
		assert.match(fs.readFileSync(stateFile(dir), 'utf8'), /\n\t{4}"a": \[0\.25, 1700000000000\]\n/);
	});

	it('two instances: the newest position wins per article, each keeps what it set; the last session written wins', () => {
		const dir = tempDir();
		const time = clock();
		const seed = open(dir, {now: time.now});
		seed.setPosition('x', 0.1);
		seed.setPosition('y', 0.1);
		seed.flush();

		const a = open(dir, {now: time.now});
		const b = open(dir, {now: time.now});
		time.tick();
		a.setPosition('x', 0.2);
		time.tick();
		b.setPosition('x', 0.3);
		b.setPosition('y', 0);
		a.setPosition('mine', 0.4);
		b.setSession(session({cursor: 'from-b'}));
		a.setSession(session({cursor: 'from-a'}));
		b.flush();
		a.flush();
		// a set x before b did: b's is newer and stays, though a wrote last; b's removal of y stays removed.
		assert.deepEqual(entryOf(dir).positions, {mine: [0.4, 1_700_000_000_002], x: [0.3, 1_700_000_000_002]});
		assert.equal((entryOf(dir).session as Session).cursor, 'from-a');
		assert.deepEqual([...a.positions()].sort(), [
			['mine', 0.4],
			['x', 0.3],
		]);
	});

	it('keeps only the 1,000 most recently set positions, so the file stays small however much is read', () => {
		const dir = tempDir();
		const time = clock();
		const store = open(dir, {now: time.now});
		for (let n = 0; n < 1500; n++) {
			time.tick();
			store.setPosition(hexId(n), 0.5);
		}
		store.flush();
		const kept = Object.keys(entryOf(dir).positions as object);
		assert.equal(kept.length, 1000);
		assert.equal(kept.includes(hexId(499)), false, 'the oldest went');
		assert.equal(kept.includes(hexId(500)), true);
		assert.equal(kept.includes(hexId(1499)), true);
		assert.equal(open(dir).positions().size, 1000);
	});

	it('drops bad positions and session fields on load: the marks, the stars and the good values stay', () => {
		const dir = tempDir();
		const hostile = {
			version: 2,
			libraries: {
				lib: {
					root: LIB,
					sample: [],
					read: ['r1', 'r2'],
					starred: ['s'],
					positions: {
						good: [0.5, 1_600_000_000_000],
						string: ['0.5', 1],
						nan: ['NaN', 1],
						negative: [-0.5, 1],
						one: [1, 1],
						huge: [1e308, 1],
						'huge-time': [0.5, 1e300],
						'negative-time': [0.5, -5],
						short: [0.5],
						object: {fraction: 0.5},
						future: [0.5, 9_000_000_000_000],
						['__proto__']: [0.25, 1],
						'': [0.5, 1],
					},
					session: {category: 'Tech', starred: 'yes', query: 42, cursor: 7, open: 'o', focus: 'x', sort: 'newest'},
				},
				other: {root: '/elsewhere', sample: [], read: ['o1'], positions: 'everything', session: [1, 2]},
			},
		};
		fs.writeFileSync(stateFile(dir), JSON.stringify(hostile));
		const time = clock();
		const store = open(dir, {now: time.now});
		assert.equal(store.notice, null, 'nothing to say: the file is good');
		assert.equal(has(store, 'r1'), true);
		assert.equal(has(store, 'r2'), true);
		assert.deepEqual(store.starredIds(), ['s']);
		const positions = store.positions();
		assert.deepEqual([...positions.keys()].sort(), ['__proto__', 'future', 'good']);
		assert.equal(positions.get('good'), 0.5);
		assert.deepEqual(store.session(), {
			category: [],
			starred: false,
			query: '',
			cursor: null,
			open: 'o',
			focus: 'list',
			sort: 'newest',
		});
		// Written back clean: a time from the future no longer beats every later position.
		store.setRead('r3', true);
		store.flush();
		const written = entryOf(dir).positions as Record<string, [number, number]>;
		assert.deepEqual(Object.keys(written).sort(), ['__proto__', 'future', 'good']);
		assert.ok(written.future![1] <= Date.now());
		assert.deepEqual(asideFiles(dir), []);
		const other = (JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as {libraries: Record<string, object>}).libraries
			.other;
		assert.deepEqual(other, {root: '/elsewhere', sample: [], read: ['o1']});
	});

	it('leaves a file without positions or session as it was: no key until something is kept', () => {
		const dir = tempDir();
		const store = open(dir);
		store.setRead('r', true);
		store.flush();
		assert.equal(Object.hasOwn(entryOf(dir), 'positions'), false);
		assert.equal(Object.hasOwn(entryOf(dir), 'session'), false);
	});
});
