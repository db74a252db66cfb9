// Reading positions and the session from the state file, value by value (read-state-remember.ts): what leaf could
// have written is kept, anything else dropped to its default, at each limit exactly; and the per-library view that
// merges this instance's changes over what is on disk.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Session} from '../../src/core/browser/types.ts';
import {cleanPositions, cleanSession, RememberedFields} from '../../src/io/read-state-remember.ts';

const NOW = 1_000_000;
const long = (n: number) => 'x'.repeat(n);

test('positions: an id of 1 to 256 characters, a fraction strictly between 0 and 1, a whole time not before 1970', () => {
	const value = {
		ok: [0.5, 10],
		[long(256)]: [0.25, 0],
		[long(257)]: [0.5, 10],
		'': [0.5, 10],
		zero: [0, 10],
		one: [1, 10],
		below: [-0.1, 10],
		above: [1.1, 10],
		text: ['0.5', 10],
		nan: [Number.NaN, 10],
		short: [0.5],
		longer: [0.5, 10, 1],
		object: {0: 0.5, 1: 10},
		negative: [0.5, -1],
		fraction: [0.5, 1.5],
		textTime: [0.5, '10'],
		unsafe: [0.5, 2 ** 53],
		future: [0.75, NOW + 5],
	};
	assert.deepEqual(
		[...cleanPositions(value, NOW)],
		[
			['ok', [0.5, 10]],
			[long(256), [0.25, 0]],
			['future', [0.75, NOW]],
		],
	);
	for (const bad of [null, 'positions', 3, [[0.5, 10]]]) assert.equal(cleanPositions(bad, NOW).size, 0);
});

test('positions: the 1,000 most recently set are kept', () => {
	const many = (n: number) => Object.fromEntries(Array.from({length: n}, (_, i) => [`id${i}`, [0.5, i]]));
	assert.equal(cleanPositions(many(1000), NOW).size, 1000);
	const kept = cleanPositions(many(1001), NOW);
	assert.equal(kept.size, 1000);
	assert.equal(kept.has('id0'), false);
	assert.equal(kept.has('id1'), true);
	assert.equal(kept.has('id1000'), true);
});

const DEFAULT: Session = {
	category: [],
	starred: false,
	query: '',
	cursor: null,
	open: null,
	focus: 'list',
	sort: 'newest',
};

test('session: each field at its limit is kept, past it takes its default', () => {
	const good: Session = {
		category: Array.from({length: 64}, () => long(256)),
		starred: true,
		query: long(1000),
		cursor: long(256),
		open: 'a',
		focus: 'reader',
		sort: 'oldest',
	};
	assert.deepEqual(cleanSession(good), good);
	assert.deepEqual(cleanSession({...good, sort: 'title'})?.sort, 'title');
	const bad: [string, Record<string, unknown>, Partial<Session>][] = [
		['65 levels', {category: Array.from({length: 65}, () => 'a')}, {category: []}],
		['a name too long', {category: ['a', long(257)]}, {category: []}],
		['a name that is a number', {category: ['a', 5]}, {category: []}],
		['a category that is text', {category: 'a'}, {category: []}],
		['starred as text', {starred: 'true'}, {starred: false}],
		['a query too long', {query: long(1001)}, {query: ''}],
		['a query that is a number', {query: 5}, {query: ''}],
		['an empty cursor', {cursor: ''}, {cursor: null}],
		['a cursor too long', {cursor: long(257)}, {cursor: null}],
		['an open that is a number', {open: 7}, {open: null}],
		['another focus', {focus: 'category'}, {focus: 'list'}],
		['another sort', {sort: 'random'}, {sort: 'newest'}],
		['an empty sort', {sort: ''}, {sort: 'newest'}],
	];
	for (const [name, changes, expected] of bad)
		assert.deepEqual(cleanSession({...good, ...changes}), {...good, ...expected}, name);
	assert.deepEqual(cleanSession({}), DEFAULT);
	for (const notObject of [null, [], 'session', 1]) assert.equal(cleanSession(notObject), null);
});

test('a position set to what it is, or a session as it was found, is no change to write', () => {
	const fields = new RememberedFields();
	fields.load({positions: {a: [0.5, 1]}, session: {...DEFAULT, query: 'q'}});
	fields.setPosition('a', 0.5, 2);
	fields.setPosition('b', 0, 2);
	fields.setSession({...DEFAULT, query: 'q'});
	assert.equal(fields.pending, 0);
	fields.setPosition('a', 0.25, 3);
	assert.equal(fields.pending, 1);
	fields.setSession({...DEFAULT, query: 'other'});
	assert.equal(fields.pending, 2);
	// Back at the top (0) or past the end (1): no position kept, but a change to write.
	fields.setPosition('c', 0.5, 4);
	fields.setPosition('c', 1, 5);
	fields.setPosition('a', 0, 6);
	assert.deepEqual([...fields.positions()], []);
	// One change per article (a, c) and the session.
	assert.equal(fields.pending, 3);
	fields.written();
	assert.equal(fields.pending, 0);
});

test("rebase: ours replayed over the disk's where ours are newer or as new; ids in order; the disk's session unless we set one", () => {
	const fields = new RememberedFields();
	fields.load({session: {...DEFAULT, query: 'loaded'}});
	fields.setPosition('newer-on-disk', 0.5, 10);
	fields.setPosition('same-time', 0.5, 10);
	fields.setPosition('older-on-disk', 0.5, 10);
	fields.setPosition('removed', 0.5, 10);
	fields.setPosition('removed', 1, 11);
	const disk = {
		positions: {
			'newer-on-disk': [0.9, 11] as [number, number],
			'same-time': [0.9, 10] as [number, number],
			'older-on-disk': [0.9, 9] as [number, number],
			removed: [0.9, 10] as [number, number],
			'only-on-disk': [0.1, 1] as [number, number],
		},
		session: {...DEFAULT, query: 'on disk'},
	};
	const written = fields.rebase(disk);
	assert.deepEqual(Object.keys(written.positions!), ['newer-on-disk', 'older-on-disk', 'only-on-disk', 'same-time']);
	assert.deepEqual(written.positions, {
		'newer-on-disk': [0.9, 11],
		'older-on-disk': [0.5, 10],
		'only-on-disk': [0.1, 1],
		'same-time': [0.5, 10],
	});
	assert.deepEqual(written.session, {...DEFAULT, query: 'on disk'});
	assert.deepEqual(fields.session(), {...DEFAULT, query: 'on disk'});
	// No session on disk: the one loaded stays.
	const other = new RememberedFields();
	other.load({session: {...DEFAULT, query: 'loaded'}});
	assert.deepEqual(other.rebase({}), {positions: undefined, session: {...DEFAULT, query: 'loaded'}});
	// A session set here wins over the disk's.
	other.setSession({...DEFAULT, query: 'mine'});
	assert.deepEqual(other.rebase(disk).session, {...DEFAULT, query: 'mine'});
});
