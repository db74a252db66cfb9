// Full-text search over a library's files, in worker threads (one per core, as the scan in scan-threads.ts)
// so keys keep working while it runs. Files go out in small batches in list order, newest first, so the
// first results are the first rows; results come back batch by batch. Cancelling ends the workers at once.
// Without workers (they cannot be started) the search runs on this thread between turns of the event loop.
import {availableParallelism} from 'node:os';
import {setImmediate as yieldToEventLoop} from 'node:timers/promises';
import type {Worker} from 'node:worker_threads';
import {workerThreads} from './worker-threads.ts';
import {textContains} from '../core/search/needle.ts';
import type {Needle} from '../core/search/prefilter.ts';
import {prepareNeedle} from '../core/search/prefilter.ts';

export interface SearchWorkerData {
	root: string;
}

export interface SearchRequest {
	id: number;
	items: number[];
	paths: string[];
	/** Each file's size as the library was last read; -1: not known (search-match.ts reads on to the end). */
	sizes: number[];
}

export interface SearchReply {
	id: number;
	hits: number[];
}

export interface SearchFile {
	item: number;
	path: string;
	title: string;
	author: string;
}

export interface SearchProgress {
	/** Newly found items. */
	items: number[];
	done: number;
	total: number;
	finished: boolean;
}

/** Files per request: small enough that the first results come early and a cancel is quick. */
const BATCH = 128;
/** Requests in flight per worker. */
const IN_FLIGHT = 2;
const MAX_WORKERS = 4;

export interface SearchOptions {
	/** false: on this thread. */
	threads?: boolean;
	/** The size of each article's file (by path) as the library was last read: a file still that size is read once. */
	sizes?: ReadonlyMap<string, number>;
}

/** Searches `files` (in the order given) for `query`; returns a function that cancels the search. */
export function startSearch(
	root: string,
	query: string,
	files: readonly SearchFile[],
	onProgress: (progress: SearchProgress) => void,
	options: SearchOptions = {},
): () => void {
	const needle = prepareNeedle(query);
	const total = files.length;
	if (needle === null) {
		onProgress({items: [], done: total, total, finished: true});
		return () => {};
	}
	// The title and author are known already: those matches are the first results.
	const byMeta = files
		.filter((file) => textContains(file.title, needle.text) || textContains(file.author, needle.text))
		.map((file) => file.item);
	if (byMeta.length > 0) onProgress({items: byMeta, done: 0, total, finished: false});
	const requests: SearchRequest[] = [];
	for (let start = 0, id = 0; start < files.length; start += BATCH, id++) {
		const batch = files.slice(start, start + BATCH);
		requests.push({
			id,
			items: batch.map((file) => file.item),
			paths: batch.map((file) => file.path),
			sizes: batch.map((file) => options.sizes?.get(file.path) ?? -1),
		});
	}
	if (requests.length === 0) {
		// Nothing to read: no worker is started for it (one left waiting would keep the process alive).
		onProgress({items: [], done: 0, total, finished: true});
		return () => {};
	}
	if (options.threads !== false) {
		try {
			return threaded(root, needle, requests, total, onProgress);
		} catch {
			// No workers: this thread does it.
		}
	}
	return inline(root, needle, requests, total, onProgress);
}

function threaded(
	root: string,
	needle: Needle,
	requests: SearchRequest[],
	total: number,
	onProgress: (progress: SearchProgress) => void,
): () => void {
	const workers: Worker[] = [];
	let next = 0;
	let done = 0;
	let answered = 0;
	let stopped = false;
	const stop = () => {
		stopped = true;
		for (const worker of workers) void worker.terminate();
	};
	const count = Math.min(MAX_WORKERS, availableParallelism(), requests.length);
	const send = (worker: Worker) => {
		const request = requests[next++];
		if (request) worker.postMessage(request);
	};
	for (let index = 0; index < count; index++) {
		const worker = startWorker({root}, needle);
		worker.unref();
		workers.push(worker);
		worker.on('message', (reply: SearchReply) => {
			if (stopped) return;
			done += requests[reply.id]?.paths.length ?? 0;
			answered++;
			const finished = answered === requests.length;
			onProgress({items: reply.hits, done, total, finished});
			if (finished) stop();
			else send(worker);
		});
		worker.on('error', () => {
			if (stopped) return;
			// A worker that fails takes its requests with it: what the others find still arrives, and the end is said.
			stop();
			onProgress({items: [], done, total, finished: true});
		});
		for (let flight = 0; flight < IN_FLIGHT; flight++) send(worker);
	}
	return stop;
}

function inline(
	root: string,
	needle: Needle,
	requests: SearchRequest[],
	total: number,
	onProgress: (progress: SearchProgress) => void,
): () => void {
	let stopped = false;
	void (async () => {
		// The matcher (markdown and HTML parsers) is loaded on first use: the browser starts without it.
		const {matchingFiles} = await import('./search-match.ts');
		let done = 0;
		for (const request of requests) {
			await yieldToEventLoop();
			if (stopped) return;
			const hits = matchingFiles(root, needle, request.paths, request.items, request.sizes);
			done += request.paths.length;
			onProgress({items: hits, done, total, finished: done === total});
		}
	})();
	return () => {
		stopped = true;
	};
}

/** As scan-threads.ts: dist/search-worker.js in the bundle; under tsx the worker registers tsx itself. */
function startWorker(data: SearchWorkerData, needle: Needle): Worker {
	const {Worker} = workerThreads();
	const here = import.meta.url;
	const workerData = {...data, needle};
	if (!here.endsWith('.ts')) return new Worker(new URL('./search-worker.js', here), {workerData});
	const entry = new URL('./search-worker.ts', here).href;
	const tsx = import.meta.resolve('tsx/esm/api');
	const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
	return new Worker(code, {eval: true, workerData});
}
