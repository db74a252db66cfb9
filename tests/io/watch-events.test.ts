// The watcher's logic with the system's watches stood in for (the `watch` seam): which folders are watched, what
// each event becomes, and the fall-back to polling, event by event and exactly. watch.test.ts runs the real thing.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import type {FSWatcher, WatchListener} from 'node:fs';
import {mkdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import type {ChangedFolders} from '../../src/io/library-rescan.ts';
import type {WatchOptions} from '../../src/io/watch.ts';
import {watchLibrary} from '../../src/io/watch.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';

const newFolder = tempFolders('leaf-watch-events-');

/** System watches stood in for: each folder's listener and watcher; `fail` says which folders cannot be watched. */
function fakeWatches(fail: (path: string) => Error | undefined = () => undefined) {
	const listeners = new Map<string, WatchListener<string>>();
	const watchers = new Map<string, FSWatcher>();
	const closed: string[] = [];
	const watch: WatchOptions['watch'] = (path, listener) => {
		const error = fail(path);
		if (error) throw error;
		const watcher = Object.assign(new EventEmitter(), {close: () => closed.push(path)}) as unknown as FSWatcher;
		listeners.set(path, listener);
		watchers.set(path, watcher);
		return watcher;
	};
	return {watch, listeners, watchers, closed};
}

async function library(fail?: (path: string) => Error | undefined) {
	const root = writeFiles(newFolder(), {
		'top.md': 'x',
		'a/one.md': 'x',
		'a/b/two.md': 'x',
		'.hidden/three.md': 'x',
		'node_modules/four.md': 'x',
		'a/.git/five.md': 'x',
	});
	const fake = fakeWatches(fail);
	const calls: (ChangedFolders | null)[] = [];
	const watch = await watchLibrary(root, {onChange: (changed) => calls.push(changed), quietMs: 0, watch: fake.watch});
	const event = (folder: string, name: string | null) => fake.listeners.get(join(root, folder))!('rename', name!);
	return {root, fake, calls, watch, event};
}

const code = (name: string) => Object.assign(new Error(name), {code: name});

test('every folder of the library is watched, but hidden ones and node_modules', async () => {
	const {root, fake, watch} = await library();
	try {
		assert.deepEqual([...fake.listeners.keys()].sort(), [root, join(root, 'a'), join(root, 'a/b')].sort());
		assert.deepEqual([watch.mode, watch.reason, watch.folders], ['events', null, 3]);
	} finally {
		watch.close();
	}
	assert.deepEqual(fake.closed.sort(), [root, join(root, 'a'), join(root, 'a/b')].sort());
});

test('an article event names its folder; a burst is one call; a hidden name is none; no name means anywhere', async () => {
	const {calls, watch, event} = await library();
	try {
		event('a', 'one.md');
		event('a/b', 'two.markdown');
		event('a', 'one.md');
		event('', '.swap.md');
		event('', 'node_modules');
		await waitFor(() => calls.length === 1, 'the call for the burst');
		assert.deepEqual(calls, [{folders: ['a', 'a/b'], trees: []}]);
		event('', 'top.md');
		await waitFor(() => calls.length === 2, 'the call for top.md');
		assert.deepEqual(calls[1], {folders: [''], trees: []});
		event('a', null);
		event('a', 'one.md');
		await waitFor(() => calls.length === 3, 'the call for an event without a name');
		assert.equal(calls[2], null);
		// After an anywhere, the next burst says where again.
		event('a/b', 'two.md');
		await waitFor(() => calls.length === 4, 'the next call');
		assert.deepEqual(calls[3], {folders: ['a/b'], trees: []});
	} finally {
		watch.close();
	}
});

test('a folder that comes is watched with its subfolders; one that goes is forgotten with them', async () => {
	const {root, fake, calls, watch, event} = await library();
	try {
		writeFiles(root, {'new/sub/six.md': 'x'});
		event('', 'new');
		await waitFor(() => calls.length === 1, 'the call for the new folder');
		assert.deepEqual(calls[0], {folders: [], trees: ['new']});
		assert.equal(watch.folders, 5);
		assert.ok(fake.listeners.has(join(root, 'new/sub')));
		rmSync(join(root, 'a'), {recursive: true});
		event('', 'a');
		await waitFor(() => calls.length === 2, 'the call for the folder gone');
		assert.deepEqual(calls[1], {folders: [], trees: ['a']});
		assert.deepEqual(fake.closed.sort(), [join(root, 'a'), join(root, 'a/b')]);
		assert.equal(watch.folders, 3);
		// A name that is neither an article nor a folder, watched or not: nothing.
		writeFiles(root, {'notes.txt': 'x'});
		event('', 'notes.txt');
		event('', 'never-there');
		mkdirSync(join(root, 'later'));
		event('', 'later');
		await waitFor(() => calls.length === 3, 'the call for the folder made later');
		assert.deepEqual(calls[2], {folders: [], trees: ['later']});
	} finally {
		watch.close();
	}
});

test('a watch that fails with an error is closed and forgotten', async () => {
	const {root, fake, watch} = await library();
	try {
		fake.watchers.get(join(root, 'a/b'))!.emit('error', new Error('gone'));
		assert.deepEqual(fake.closed, [join(root, 'a/b')]);
		assert.equal(watch.folders, 2);
	} finally {
		watch.close();
	}
});

test('with no watches left (ENOSPC, EMFILE, ENFILE) it polls and says why; other failures skip the folder', async () => {
	for (const name of ['ENOSPC', 'EMFILE', 'ENFILE']) {
		const {root, fake, watch} = await library((path) => (path.endsWith('/b') ? code(name) : undefined));
		try {
			assert.deepEqual(
				[watch.mode, watch.reason, watch.folders],
				['polling', `the system has no file watches left (${name})`, 3],
			);
			assert.equal(fake.closed.length, fake.listeners.size, `${name}: every watch made is closed`);
			assert.ok(fake.closed.includes(root));
		} finally {
			watch.close();
		}
	}
	for (const error of [code('EACCES'), code('ENOENT'), new Error('no code')]) {
		const {root, fake, watch} = await library((path) => (path.endsWith('/b') ? error : undefined));
		try {
			assert.deepEqual([watch.mode, watch.reason, watch.folders], ['events', null, 2], error.message);
			assert.ok(!fake.listeners.has(join(root, 'a/b')));
		} finally {
			watch.close();
		}
	}
});

test('polling calls when a folder is added or removed, not before the first comparison, and not once closed', async () => {
	const root = writeFiles(newFolder(), {'a/one.md': 'x'});
	const calls: (ChangedFolders | null)[] = [];
	const watch = await watchLibrary(root, {
		onChange: (changed) => calls.push(changed),
		quietMs: 0,
		pollMs: 1,
		watch: () => {
			throw code('ENOSPC');
		},
	});
	try {
		assert.deepEqual([watch.mode, watch.folders], ['polling', 2]);
		// A poll that lists the folders just before a change and stats them just after sees half of it, and the
		// next poll the rest: one change may make two calls. Each is null (the change could be anywhere).
		mkdirSync(join(root, 'a/new'));
		await waitFor(() => calls.length >= 1, 'the call for the new folder');
		await waitFor(() => watch.folders === 3, 'the new folder polled');
		const before = calls.length;
		rmSync(join(root, 'a/new'), {recursive: true});
		await waitFor(() => watch.folders === 2 && calls.length > before, 'the call for the folder gone');
		assert.ok(calls.every((call) => call === null));
	} finally {
		watch.close();
	}
	const after = calls.length;
	mkdirSync(join(root, 'b'));
	// Another watch's poll, after this one's would have come: it sees the folder; the closed one said nothing.
	const other: unknown[] = [];
	const second = await watchLibrary(root, {
		onChange: (changed) => other.push(changed),
		pollMs: 1,
		watch: () => {
			throw code('EMFILE');
		},
	});
	mkdirSync(join(root, 'c'));
	await waitFor(() => other.length >= 1, 'the other watch sees c');
	second.close();
	assert.equal(calls.length, after);
});
