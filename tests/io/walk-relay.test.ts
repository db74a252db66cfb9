import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {FoundBatch} from '../../src/io/library-walk.ts';
import {WalkRelay} from '../../src/io/walk-relay.ts';

const batch = (...paths: string[]): FoundBatch => ({paths, stats: new Float64Array(paths.length * 3)});
const pathsOf = (seen: [FoundBatch, string[]][]) =>
	seen.map(([{paths}, warnings]) => [paths.join(','), warnings.join(',')]);

test('a watcher sees what was found before it came, then each batch; a follower takes every batch once', () => {
	const relay = new WalkRelay();
	relay.onFound(batch('a', 'b'), ['w1']);
	const watched: [FoundBatch, string[]][] = [];
	relay.watch((found, warnings) => watched.push([found, warnings]));
	relay.onFound(batch('c'), []);
	assert.deepEqual(pathsOf(watched), [
		['a,b', 'w1'],
		['c', ''],
	]);
	assert.deepEqual(relay.warnings(), ['w1']);

	const followed: [FoundBatch, string[]][] = [];
	relay.follow((found, warnings) => followed.push([found, warnings]));
	relay.onFound(batch('d'), ['w2']);
	relay.onFound(batch(), []);
	assert.deepEqual(pathsOf(followed), [
		['a,b', 'w1'],
		['c', ''],
		['d', 'w2'],
		['', ''],
	]);
	assert.equal(watched.length, 2, 'the watcher sees nothing once the walk is followed');
});
