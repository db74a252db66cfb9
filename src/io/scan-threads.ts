// Where the walk and the front-matter reading run: worker threads, so the browser's keys stay
// responsive and a large library uses every core, or the calling thread when no worker can be
// started. Worker 0 walks the tree first (synchronous stat calls, much faster than async ones),
// then parses. A second worker joins once the walk has found many files: it stats batches of
// them that worker 0 hands it, through a channel of their own, then parses too; it also joins
// when many files need reading. A library of middling size is walked on the calling thread, a
// batch at a time (a worker takes longer to start than such a walk takes), and its workers start
// only when a file needs reading.
import {availableParallelism} from 'node:os';
import type {MessagePort, Worker} from 'node:worker_threads';
import {workerThreads} from './worker-threads.ts';
import type {FoundBatch} from './library-walk.ts';
import {isSmallLibrary} from './library-walk.ts';
import type {ParsedFiles} from './scan-head.ts';
import type {FoundHandler, ScanSource} from './scan-here.ts';
import {inlineSource, noFiles, walkHere} from './scan-here.ts';

export interface ScanWorkerData {
	root: string;
}

export type ScanRequest =
	| {type: 'walk'; helper?: MessagePort}
	| {type: 'help'; port: MessagePort}
	| {type: 'parse'; id: number; paths: string[]};

/** Between the walking worker and its helper: files to stat, 'end'; and back 'ready', 'done' (a batch). */
export type HelperMessage = string[] | 'ready' | 'done' | 'end';

export type ScanReply =
	| {type: 'found'; batch: FoundBatch; warnings: string[]; helped?: true}
	| {type: 'walked'; warnings: string[]; handedOff: number}
	| {type: 'parsed'; id: number; metas: ParsedFiles['metas']; warnings: string[]}
	| {type: 'failed'; message: string};

/** A worker died or failed: the caller starts over on its own thread. */
export class ScanThreadError extends Error {}

/** Files waiting to be parsed before a second worker is worth its start-up. */
const SECOND_WORKER_BACKLOG = 1024;
/** Files the walk has found before a second worker is worth starting to share its stats. */
const HELPER_AFTER_FILES = 2048;
/** Parse requests in flight per worker: one being worked on, one ready behind it. */
const IN_FLIGHT = 2;
/**
 * A worker's garbage is short-lived (one file's text and YAML at a time); V8's default young
 * generation let each worker grow by tens of megabytes for nothing (figures in the README).
 */
const WORKER_LIMITS = {maxYoungGenerationSizeMb: 4};

export interface ScanSourceOptions {
	/** false: the walk and the reading on the calling thread. Default true: worker threads read. */
	threads?: boolean;
	/** With threads: the walk on the calling thread, a batch per turn of the event loop, not in a worker. */
	walkHere?: boolean;
	/** With walkHere: files per batch at most (library-walk.ts's default: 512). */
	walkChunk?: number;
	/** Files the walking worker finds before a helper starts to share its stats (tests change it). */
	helperAfterFiles?: number;
	/** Whether a helper may share the walking worker's stats; by default, when the machine has a core for it. */
	helper?: boolean;
	/** Everything on the calling thread after all when the library holds at most this many articles. */
	hereUpTo?: number;
}

/** Starts walking `root` at once, in a worker thread if one can be started (unless `walkHere`). */
export function openScanSource(root: string, onFound: FoundHandler, options: ScanSourceOptions = {}): ScanSource {
	const small = options.hereUpTo !== undefined && isSmallLibrary(root, options.hereUpTo);
	if (options.threads !== false && !small) {
		try {
			return new ThreadPool(root, onFound, {
				walkInWorker: options.walkHere !== true,
				walkChunk: options.walkChunk,
				helperAfterFiles: options.helperAfterFiles ?? HELPER_AFTER_FILES,
				helper: options.helper ?? availableParallelism() > 1,
			});
		} catch {
			// Threads refused outright: the calling thread does it all. (A worker that fails later,
			// a missing dist/scan-worker.js included, rejects with ScanThreadError instead.)
		}
	}
	return inlineSource(root, onFound);
}

interface Slot {
	worker: Worker;
	walking: boolean;
	inFlight: number;
}

interface Job {
	id: number;
	paths: string[];
	resolve: (parsed: ParsedFiles) => void;
	reject: (error: Error) => void;
}

class ThreadPool implements ScanSource {
	threaded = false;
	readonly walked: Promise<void>;
	private readonly slots: Slot[] = [];
	private readonly queue: Job[] = [];
	private readonly running = new Map<number, Job>();
	private queuedFiles = 0;
	private nextId = 0;
	private failure: ScanThreadError | null = null;
	/** The helper's end of the walking worker's channel, until a helper is started. */
	private helperPort: MessagePort | null = null;
	private foundFiles = 0;
	/** Batches the helper has answered, and what the walking worker said at its end. */
	private helped = 0;
	private walkedReply: {warnings: string[]; handedOff: number} | null = null;
	private walkEnded = false;
	private helperWarnings: string[] = [];
	private walkDone!: () => void;
	private walkFailed!: (error: Error) => void;
	private closed = false;
	/** Files the walk finds before a helper is started to share its stats. */
	private readonly helperAfterFiles: number;

	constructor(
		private readonly root: string,
		private readonly onFound: FoundHandler,
		options: {walkInWorker: boolean; walkChunk?: number; helperAfterFiles: number; helper: boolean},
	) {
		this.helperAfterFiles = options.helperAfterFiles;
		this.walked = new Promise((resolve, reject) => {
			this.walkDone = resolve;
			this.walkFailed = reject;
		});
		// Nobody may be awaiting yet: the failure is reported through parse() or the awaited promise.
		this.walked.catch(() => undefined);
		if (!options.walkInWorker) {
			// The workers start with the first file to read; the walk ends here, with no helper to wait for.
			walkHere(root, onFound, () => this.closed, options.walkChunk).then(
				() => {
					if (this.closed) return;
					this.walkEnded = true;
					this.walkDone();
				},
				(error: unknown) => {
					// The walk's own failure, as the calling thread's walk would throw it: no worker is to blame.
					this.close();
					this.walkFailed(error instanceof Error ? error : new Error(String(error)));
				},
			);
			return;
		}
		const first = this.spawn(true);
		if (options.helper) {
			const {MessageChannel} = workerThreads();
			const channel = new MessageChannel();
			this.helperPort = channel.port2;
			first.worker.postMessage({type: 'walk', helper: channel.port1} satisfies ScanRequest, [channel.port1]);
		} else {
			first.worker.postMessage({type: 'walk'} satisfies ScanRequest);
		}
		if (this.helperAfterFiles === 0) this.startHelper();
	}

	parse(paths: string[]): Promise<ParsedFiles> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise((resolve, reject) => {
			this.queue.push({id: this.nextId++, paths, resolve, reject});
			this.queuedFiles += paths.length;
			if (this.slots.length === 0) {
				try {
					this.spawn(false);
				} catch (error) {
					this.fail(`no scan worker: ${error instanceof Error ? error.message : String(error)}`);
					return;
				}
			} else if (this.slots.length === 1 && this.queuedFiles >= SECOND_WORKER_BACKLOG && availableParallelism() > 1) {
				try {
					this.spawn(false);
				} catch {
					// One worker will do.
				}
			}
			this.dispatch();
		});
	}

	close(): void {
		this.closed = true;
		this.helperPort?.close();
		this.helperPort = null;
		for (const slot of this.slots) void slot.worker.terminate();
		this.slots.length = 0;
	}

	private spawn(walking: boolean): Slot {
		const worker = startWorker({root: this.root});
		this.threaded = true;
		worker.unref();
		const slot: Slot = {worker, walking, inFlight: 0};
		worker.on('message', (reply: ScanReply) => this.receive(slot, reply));
		worker.on('error', (error) => this.fail(error.message));
		worker.on('exit', (code) => {
			if (this.slots.includes(slot)) this.fail(`scan worker exited with code ${code}`);
		});
		this.slots.push(slot);
		return slot;
	}

	private receive(slot: Slot, reply: ScanReply): void {
		switch (reply.type) {
			case 'found':
				this.foundFiles += reply.batch.paths.length;
				if (reply.helped) this.helped++;
				// An empty batch would say the walk has ended: a helper's warnings wait for the end.
				if (reply.batch.paths.length > 0) this.onFound(reply.batch, reply.warnings);
				else this.helperWarnings.push(...reply.warnings);
				if (this.foundFiles >= this.helperAfterFiles) this.startHelper();
				this.endWalkIfDone();
				return;
			case 'walked':
				this.walkedReply = reply;
				this.endWalkIfDone();
				return;
			case 'parsed': {
				const job = this.running.get(reply.id);
				this.running.delete(reply.id);
				slot.inFlight--;
				job?.resolve({metas: reply.metas, warnings: reply.warnings});
				this.dispatch();
				return;
			}
			case 'failed':
				this.fail(reply.message);
		}
	}

	/** The walk has ended when the walking worker has and the helper has answered every batch it was given. */
	private endWalkIfDone(): void {
		const walked = this.walkedReply;
		if (!walked || this.helped < walked.handedOff) return;
		this.walkedReply = null;
		this.walkEnded = true;
		// No helper is wanted any more: the channel kept for one is let go.
		this.helperPort?.close();
		this.helperPort = null;
		for (const slot of this.slots) slot.walking = false;
		this.onFound(noFiles, [...this.helperWarnings, ...walked.warnings]);
		this.walkDone();
		this.dispatch();
	}

	private startHelper(): void {
		const port = this.helperPort;
		if (!port) return;
		this.helperPort = null;
		try {
			const helper = this.spawn(!this.walkEnded);
			helper.worker.postMessage({type: 'help', port} satisfies ScanRequest, [port]);
		} catch {
			// The walking worker stats everything itself.
			port.close();
		}
	}

	private dispatch(): void {
		for (const slot of this.slots) {
			while (!slot.walking && slot.inFlight < IN_FLIGHT && this.queue.length > 0) {
				const job = this.queue.shift()!;
				this.queuedFiles -= job.paths.length;
				this.running.set(job.id, job);
				slot.inFlight++;
				slot.worker.postMessage({type: 'parse', id: job.id, paths: job.paths} satisfies ScanRequest);
			}
		}
	}

	private fail(message: string): void {
		if (this.failure) return;
		this.failure = new ScanThreadError(message);
		this.close();
		this.walkFailed(this.failure);
		for (const job of [...this.running.values(), ...this.queue]) job.reject(this.failure);
		this.running.clear();
		this.queue.length = 0;
	}
}

/**
 * The bundle has dist/scan-worker.js next to this chunk. Under tsx (tests, development) the worker
 * must register tsx itself before importing the TypeScript entry: on Node 20 an inherited
 * `--import tsx` is registered too late for a worker's entry module.
 */
function startWorker(data: ScanWorkerData): Worker {
	const {Worker} = workerThreads();
	const here = import.meta.url;
	if (!here.endsWith('.ts'))
		return new Worker(new URL('./scan-worker.js', here), {workerData: data, resourceLimits: WORKER_LIMITS});
	const entry = new URL('./scan-worker.ts', here).href;
	const tsx = import.meta.resolve('tsx/esm/api');
	const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
	return new Worker(code, {eval: true, workerData: data, resourceLimits: WORKER_LIMITS});
}
