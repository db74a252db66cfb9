// The browser's read marks: kept in the store at once, written in one flush per batch, a delay after the first
// unsaved change, and on close. The clock is node:test's mock, so no test waits for real time.
import assert from 'node:assert/strict';
import {beforeEach, afterEach, describe, it, mock} from 'node:test';
import {batchedMarks} from '../../src/cli/read-marks.ts';

/**
 * A store that records what it is asked: each setRead, and each flush as the marks it holds then (and in `last`,
 * whether it was one that no flush follows).
 */
function fakeStore(failures = 0) {
	const read = new Set<string>();
	const flushes: string[][] = [];
	const last: boolean[] = [];
	let pending = 0;
	return {
		flushes,
		last,
		saving: true,
		get pendingChanges() {
			return pending;
		},
		setRead(id: string, value: boolean) {
			if (value) read.add(id);
			else read.delete(id);
			pending++;
		},
		/** Stars are held apart from the marks (shown in a flush as `★id`). */
		setStarred(id: string, value: boolean) {
			if (value) read.add(`★${id}`);
			else read.delete(`★${id}`);
			pending++;
		},
		/** Positions and the session are shown in a flush as `@id=fraction` and `session:cursor`. */
		setPosition(id: string, fraction: number) {
			for (const kept of [...read]) if (kept.startsWith(`@${id}=`)) read.delete(kept);
			if (fraction > 0) read.add(`@${id}=${fraction}`);
			pending++;
		},
		setSession(session: {cursor: string | null}) {
			for (const kept of [...read]) if (kept.startsWith('session:')) read.delete(kept);
			read.add(`session:${session.cursor}`);
			pending++;
		},
		/** The first `failures` flushes fail (a full disk): the changes stay pending. */
		flush(isLast = false) {
			flushes.push([...read].sort());
			last.push(isLast);
			if (failures > 0) failures--;
			else pending = 0;
		},
	};
}

describe('batched read marks', () => {
	beforeEach(() => mock.timers.enable({apis: ['setTimeout']}));
	afterEach(() => mock.timers.reset());

	it('hands a star to the store as a star, not as a read mark', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000, 5000);
		marks.record([
			{id: 'a', starred: true},
			{id: 'b', read: true},
		]);
		mock.timers.tick(1000);
		assert.deepEqual(store.flushes, [['b', '★a']]);
		marks.close();
	});

	it('writes nothing before the delay, then one flush for every change of the batch', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000);
		marks.record([{id: 'a', read: true}]);
		mock.timers.tick(500);
		marks.record([
			{id: 'b', read: true},
			{id: 'c', read: true},
		]);
		mock.timers.tick(499);
		assert.deepEqual(store.flushes, []);
		mock.timers.tick(1);
		assert.deepEqual(store.flushes, [['a', 'b', 'c']]);
		mock.timers.tick(5000);
		assert.deepEqual(store.flushes, [['a', 'b', 'c']], 'no flush without a change');
		marks.close();
	});

	it('the delay counts from the first change of a batch, not the last', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000);
		for (let t = 0; t < 10; t++) {
			marks.record([{id: `m${t}`, read: true}]);
			mock.timers.tick(300);
		}
		// Changes at 0, 300, ..., 2700 ms: batches due at 1000 (from 0), 2200 (from 1200) and 3400 (from 2400).
		assert.equal(store.flushes.length, 2);
		assert.deepEqual(store.flushes[0], ['m0', 'm1', 'm2', 'm3']);
		marks.close();
		assert.equal(store.flushes.length, 3);
		assert.equal(store.flushes[2]!.length, 10);
	});

	it('an unread mark is recorded too', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000);
		marks.record([{id: 'a', read: true}]);
		marks.record([{id: 'a', read: false}]);
		mock.timers.tick(1000);
		assert.deepEqual(store.flushes, [[]]);
		marks.close();
	});

	it('flush() writes at once and the pending timer does not write again', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000);
		marks.record([{id: 'a', read: true}]);
		marks.flush();
		assert.deepEqual(store.flushes, [['a']]);
		mock.timers.tick(2000);
		assert.deepEqual(store.flushes, [['a']]);
		marks.record([{id: 'b', read: true}]);
		mock.timers.tick(1000);
		assert.deepEqual(store.flushes, [['a'], ['a', 'b']], 'a new batch starts after a flush');
		marks.close();
	});

	it('close() writes what is pending as the last write and stops listening for the process exit', () => {
		const store = fakeStore();
		const before = process.listenerCount('exit');
		const marks = batchedMarks(store, 1000);
		assert.equal(process.listenerCount('exit'), before + 1);
		marks.record([{id: 'a', read: true}]);
		marks.flush();
		marks.record([{id: 'b', read: true}]);
		marks.close();
		assert.deepEqual(store.flushes, [['a'], ['a', 'b']]);
		assert.deepEqual(store.last, [false, true], 'only the write at close waits for the lock as a last one');
		assert.equal(process.listenerCount('exit'), before);
		mock.timers.tick(2000);
		assert.deepEqual(store.flushes, [['a'], ['a', 'b']]);
	});

	it('a failed write at close is not tried again: leaf is on its way out', () => {
		const store = fakeStore(1);
		const marks = batchedMarks(store, 1000, 5000);
		marks.record([{id: 'a', read: true}]);
		marks.close();
		mock.timers.tick(60_000);
		assert.deepEqual(store.last, [true]);
	});

	it('a write that failed is tried again until it succeeds (issue 11: a full disk)', () => {
		const store = fakeStore(2);
		const marks = batchedMarks(store, 1000, 5000);
		marks.record([{id: 'a', read: true}]);
		mock.timers.tick(1000);
		assert.equal(store.flushes.length, 1);
		mock.timers.tick(4999);
		assert.equal(store.flushes.length, 1);
		mock.timers.tick(1);
		assert.equal(store.flushes.length, 2, 'tried again');
		mock.timers.tick(5000);
		assert.equal(store.flushes.length, 3, 'and again: this one succeeds');
		mock.timers.tick(60_000);
		assert.equal(store.flushes.length, 3, 'nothing more once saved');
		marks.close();
	});
	it('positions and the session are kept at once but written only once the keys rest, or with marks, or on close', () => {
		const store = fakeStore();
		const marks = batchedMarks(store, 1000, 5000, 3000);
		const where = {category: [], starred: false, query: '', cursor: 'a', open: 'a', focus: 'reader' as const};
		// Scrolling: a position every 200 ms for 2 s writes nothing meanwhile.
		for (let line = 1; line <= 10; line++) {
			marks.remember({position: {id: 'a', fraction: line / 100}});
			mock.timers.tick(200);
		}
		assert.deepEqual(store.flushes, []);
		mock.timers.tick(2799);
		assert.deepEqual(store.flushes, []);
		mock.timers.tick(1);
		assert.deepEqual(store.flushes, [['@a=0.1']], 'one write, 3 s after the last change');

		marks.remember({session: {...where, sort: 'newest'}});
		marks.record([{id: 'r', read: true}]);
		mock.timers.tick(1000);
		assert.deepEqual(store.flushes.at(-1), ['@a=0.1', 'r', 'session:a'], 'taken along by the marks');
		mock.timers.tick(5000);
		assert.equal(store.flushes.length, 2, 'and not written again after its own delay');

		marks.remember({position: {id: 'a', fraction: 0}});
		marks.close();
		assert.deepEqual(store.flushes.at(-1), ['r', 'session:a'], 'written on the way out');
	});
});
