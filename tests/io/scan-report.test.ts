// What a load tells its listener (scan-report.ts): the indexed articles at once, then only what the walk finds
// different, in batches of 250, and at the end what was said but is gone.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {Reporter} from '../../src/io/scan-report.ts';
import {articleMeta} from '../helpers/article.ts';
import type {ScanProgress} from '../../src/io/scan-types.ts';

const meta = (id: string, title = id): ArticleMeta => articleMeta({id, path: `${id}.md`, title});
const listen = (signal?: AbortSignal) => {
	const heard: ScanProgress[] = [];
	return {heard, reporter: new Reporter((progress) => heard.push(progress), signal)};
};
const ids = (progress: ScanProgress) => [
	progress.done,
	progress.total,
	progress.added.map((m) => m.id),
	progress.removed,
];

test('the index is said at once, even when empty; the walk then says only what changed', () => {
	const {heard, reporter} = listen();
	const a = meta('a');
	const b = meta('b');
	reporter.announce([a, b], 2);
	reporter.add(a); // the very object announced: unchanged
	const b2 = meta('b', 'B changed');
	reporter.add(b2);
	reporter.add(meta('c'));
	reporter.flush(3, 3, true);
	assert.deepEqual(heard.map(ids), [
		[0, 2, ['a', 'b'], []],
		[3, 3, ['b', 'c'], ['b']],
	]);
	assert.equal(heard[1]!.added[0], b2);

	const empty = listen();
	empty.reporter.announce([], 0);
	assert.deepEqual(empty.heard.map(ids), [[0, 0, [], []]]);
});

test('what was said but is not kept at the end of the walk is said removed, once', () => {
	const {heard, reporter} = listen();
	const [a, b, c] = [meta('a'), meta('b'), meta('c')];
	reporter.announce([a, b, c], 3);
	reporter.settle([a, c]);
	reporter.flush(2, 2, true);
	reporter.settle([a, c]);
	reporter.flush(2, 2, true);
	reporter.settle([a]);
	reporter.flush(1, 1, true);
	assert.deepEqual(heard.map(ids), [
		[0, 3, ['a', 'b', 'c'], []],
		[2, 2, [], ['b']],
		[1, 1, [], ['c']],
	]);
});

test('between forced reports, the walk is said in batches of 250 articles', () => {
	const {heard, reporter} = listen();
	for (let i = 0; i < 249; i++) reporter.add(meta(`n${i}`));
	reporter.flush(249, 1000, false);
	assert.equal(heard.length, 0);
	reporter.add(meta('n249'));
	reporter.flush(250, 1000, false);
	assert.deepEqual(
		heard.map((progress) => [progress.done, progress.total, progress.added.length, progress.removed.length]),
		[[250, 1000, 250, 0]],
	);
	// A change counts twice (removed and added).
	reporter.announce([], 1000);
	for (let i = 0; i < 125; i++) reporter.add(meta(`n${i}`, 'changed'));
	reporter.flush(300, 1000, false);
	assert.deepEqual(
		heard.map((progress) => [progress.done, progress.added.length, progress.removed.length]),
		[
			[250, 250, 0],
			[0, 0, 0],
			[300, 125, 125],
		],
	);
});

test('a forced report with nothing new is made only when the counts moved', () => {
	const {heard, reporter} = listen();
	reporter.flush(0, 5, true);
	reporter.flush(0, 5, true);
	reporter.flush(1, 5, true);
	reporter.flush(1, 6, true);
	reporter.flush(1, 6, false);
	assert.deepEqual(heard.map(ids), [
		[0, 5, [], []],
		[1, 5, [], []],
		[1, 6, [], []],
	]);
});

test('once the load is aborted nothing more is said', () => {
	const controller = new AbortController();
	const {heard, reporter} = listen(controller.signal);
	reporter.announce([meta('a')], 1);
	controller.abort();
	reporter.add(meta('b'));
	reporter.flush(2, 2, true);
	reporter.announce([meta('c')], 3);
	assert.deepEqual(heard.map(ids), [[0, 1, ['a'], []]]);
});
