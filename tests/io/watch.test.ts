import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appendFileSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import type {FSWatcher} from 'node:fs';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';
import {watchLibrary} from '../../src/io/watch.ts';

const newFolder = tempFolders('leaf-watch-');
const article = (title: string) => `---\ntitle: ${title}\n---\n${title}\n`;

/** A library of two folders under watch, with the count of onChange calls. */
async function watched(options: Parameters<typeof watchLibrary>[1] extends infer O ? Partial<O> : never = {}) {
	const root = writeFiles(newFolder(), {
		'a/one.md': article('One'),
		'b/two.md': article('Two'),
		'top.md': article('Top'),
	});
	const calls = {count: 0};
	const watch = await watchLibrary(root, {onChange: () => calls.count++, ...options});
	return {root, calls, watch};
}

test('a new, an edited and a deleted article each make a call, in any folder', async () => {
	const {root, calls, watch} = await watched();
	try {
		assert.equal(watch.mode, 'events');
		assert.equal(watch.reason, null);
		assert.equal(watch.folders, 3);
		writeFileSync(join(root, 'a/three.md'), article('Three'));
		await waitFor(() => calls.count === 1, 'the call for the new article');
		appendFileSync(join(root, 'b/two.md'), 'more text\n');
		await waitFor(() => calls.count === 2, 'the call for the edited article');
		rmSync(join(root, 'top.md'));
		await waitFor(() => calls.count === 3, 'the call for the deleted article');
	} finally {
		watch.close();
	}
});

test('a burst of writes is one call', async () => {
	const {root, calls, watch} = await watched({quietMs: 300, maxWaitMs: 10_000});
	try {
		for (let i = 0; i < 50; i++) writeFileSync(join(root, `a/burst-${i}.md`), article(`Burst ${i}`));
		await waitFor(() => calls.count === 1, 'the call for the burst');
		// One more change after the burst: a second call, never a stale third from the burst.
		writeFileSync(join(root, 'b/after.md'), article('After'));
		await waitFor(() => calls.count === 2, 'the call after the burst');
		assert.equal(calls.count, 2);
	} finally {
		watch.close();
	}
});

test('a new folder is watched too, and a deleted one is a change', async () => {
	const {root, calls, watch} = await watched();
	try {
		mkdirSync(join(root, 'c'));
		await waitFor(() => calls.count === 1 && watch.folders === 4, 'the new folder under watch');
		writeFileSync(join(root, 'c/four.md'), article('Four'));
		await waitFor(() => calls.count === 2, 'the call for an article in the new folder');
		// The folder's article and the folder itself go: one call or two, as the events fall.
		rmSync(join(root, 'a'), {recursive: true});
		await waitFor(() => calls.count >= 3 && watch.folders === 3, 'the deleted folder forgotten');
	} finally {
		watch.close();
	}
});

test('with no watches left it compares folder times instead, and says why', async () => {
	const outOfWatches = (): FSWatcher => {
		throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), {code: 'ENOSPC'});
	};
	const {root, calls, watch} = await watched({watch: outOfWatches, pollMs: 20});
	try {
		assert.equal(watch.mode, 'polling');
		assert.equal(watch.reason, 'the system has no file watches left (ENOSPC)');
		assert.equal(watch.folders, 3);
		writeFileSync(join(root, 'b/new.md'), article('New'));
		await waitFor(() => calls.count >= 1, 'the call for the new article, found by polling');
		rmSync(join(root, 'a/one.md'));
		const before = calls.count;
		await waitFor(() => calls.count > before, 'the call for the deleted article, found by polling');
	} finally {
		watch.close();
	}
});

test('each call says where the changes were: folders whose articles changed, folders that came or went', async () => {
	const places: unknown[] = [];
	const {root, watch} = await watched({onChange: (changed) => places.push(changed)});
	try {
		writeFileSync(join(root, 'a/three.md'), article('Three'));
		await waitFor(() => places.length === 1, 'the call for the new article');
		assert.deepEqual(places[0], {folders: ['a'], trees: []});
		appendFileSync(join(root, 'top.md'), 'more\n');
		await waitFor(() => places.length === 2, 'the call for the edited article at the top');
		assert.deepEqual(places[1], {folders: [''], trees: []});
		mkdirSync(join(root, 'c'));
		await waitFor(() => places.length === 3, 'the call for the new folder');
		assert.deepEqual(places[2], {folders: [], trees: ['c']});
		rmSync(join(root, 'b'), {recursive: true});
		await waitFor(() => places.length >= 4, 'the call for the deleted folder');
		assert.ok(
			places.slice(3).some((place) => (place as {trees: string[]} | null)?.trees.includes('b')),
			JSON.stringify(places.slice(3)),
		);
	} finally {
		watch.close();
	}
});
