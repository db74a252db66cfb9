// A scan worker that dies mid-load: the load starts over on the calling thread and reports each article once.
import assert from 'node:assert/strict';
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Worker} from 'node:worker_threads';
import type {ScanProgress} from '../../src/io/library.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {tempFolders, writeFiles} from '../helpers/temp.ts';

const temp = tempFolders('leaf-scan-run-')();
process.env.XDG_CACHE_HOME = join(temp, 'cache');
process.env.HOME = join(temp, 'home');

const article = (title: string) => `---\ntitle: ${title}\ndate: 2021-10-28 14:08:07\n---\n<p>${title}</p>\n`;

/** Node announces every worker thread started on this channel: the test ends them from outside. */
function watchWorkers(): {workers: Worker[]; stop: () => void} {
	const workers: Worker[] = [];
	const onWorker = (message: unknown) => workers.push((message as {worker: Worker}).worker);
	subscribe('worker_threads', onWorker);
	return {workers, stop: () => unsubscribe('worker_threads', onWorker)};
}

for (const warm of [false, true]) {
	test(`a worker killed after the first articles were reported: each article is reported once (${warm ? 'warm' : 'cold'} start)`, async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 800; i++) files[`d${i % 4}/a${i}.md`] = article(`T${i}`);
		const root = writeFiles(join(temp, `lib-${warm}`), files);
		if (warm) await loadLibrary(root, {threads: false});
		const {workers, stop} = watchWorkers();
		const calls: ScanProgress[] = [];
		try {
			const scan = await loadLibrary(root, {
				threads: true,
				onProgress: (progress) => {
					calls.push(progress);
					if (calls.length === 1) for (const worker of workers) void worker.terminate();
				},
			});
			assert.ok(workers.length >= 1, 'a worker was started');
			assert.equal(scan.stats.threads, false, 'finished on the calling thread');
			assert.equal(scan.articles.length, 800);
			const reported = calls.flatMap((call) => call.added.map((meta) => meta.id));
			assert.equal(new Set(reported).size, reported.length, 'no article reported twice');
			assert.deepEqual(new Set(reported), new Set(scan.articles.map((meta) => meta.id)));
			assert.deepEqual([calls.at(-1)!.done, calls.at(-1)!.total], [800, 800]);
		} finally {
			stop();
		}
	});
}
