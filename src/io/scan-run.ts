// One load of a library: walk and stat the tree, take every unchanged file's metadata from the
// index cache, read the front matter of the rest, report progress, write the index back.
//
// With an index, every indexed article is reported as soon as the index is read, before the walk
// has checked any (titles on the first frame at any size); the walk then reports what differs: new
// files, changed ones (removed and added again) and, at its end, the ones gone (scan-report.ts).
import type {ArticleMeta} from '../core/article/article.ts';
import {knownIndex, readIndex, readIndexHead, writeIndex, type LibraryIndex} from './index-cache.ts';
import {isNewestFirst, newestFirstOrder} from '../core/article/order.ts';
import {availableParallelism} from 'node:os';
import {setTimeout as sleep} from 'node:timers/promises';
import {Reporter} from './scan-report.ts';
import {sameFileStats, type LibraryScan, type LoadOptions, type ScanStats} from './scan-types.ts';
import type {FoundBatch} from './library-walk.ts';
import type {ScanSource} from './scan-here.ts';
import {openScanSource, ScanThreadError, type ScanSourceOptions} from './scan-threads.ts';
import {indexSize, KNOWN_PLAN, scanPlan} from './scan-plan.ts';

/** Files per parse request: small enough to report progress often, big enough to keep a worker busy. */
const PARSE_BATCH = 256;
/** A frame at 60 Hz: time enough for a key pressed while the index is read to be drawn before its next step. */
const FRAME_MS = 16;
/**
 * Test-only: LEAF_TEST_HOLD_INDEXING=N reads the first N new files (in whole parse batches) and holds the rest
 * until the load is cancelled, so that a test catches indexing in progress without racing the clock.
 */
function holdIndexingAfter(): number | null {
	const count = Number(process.env.LEAF_TEST_HOLD_INDEXING);
	return Number.isInteger(count) && count > 0 ? count : null;
}

export interface ScanTarget {
	root: string;
	rootReal: string;
	/** null: no cache folder, or caching off. */
	indexFile: string | null;
}

export async function runScan(target: ScanTarget, options: LoadOptions): Promise<LibraryScan> {
	const {signal} = options;
	signal?.throwIfAborted();
	let scan: Scan | null = null;
	const early: [FoundBatch, string[]][] = [];
	// Each attempt has its own handler, so a closed worker's last messages go nowhere.
	const handlerFor = (attempt: () => Scan | null) => (batch: FoundBatch, warnings: string[]) => {
		if (signal?.aborted) return;
		const current = attempt();
		if (current) current.take(batch, warnings);
		else early.push([batch, warnings]);
	};
	// Without a first frame to wait for, the walk starts at once, while this thread reads the index.
	const overlapping = options.walkAfter === undefined;
	const indexBytes = options.threads === undefined && !options.known ? await indexSize(target.indexFile) : null;
	/** `readingMeanwhile`: this thread reads the index while the walk runs. */
	const planWith = (readingMeanwhile: boolean): ScanSourceOptions =>
		options.threads !== undefined
			? {threads: options.threads, walkHere: !options.threads}
			: options.known
				? KNOWN_PLAN
				: scanPlan(indexBytes, availableParallelism(), readingMeanwhile);
	const plan = planWith(overlapping);
	// A walk under way (leaf list's) is followed; a worker's starts now unless it is to wait.
	const toScan = handlerFor(() => scan);
	options.walk?.follow(toScan);
	let source =
		options.walk?.source ?? (!plan.walkHere && overlapping ? openScanSource(target.root, toScan, plan) : null);
	const reporter = new Reporter(options.onProgress, signal);
	// The index's head first, when it fills the first frame: the rest is read after that frame, then walked.
	let headShown = false;
	let whole: LibraryIndex | null = null;
	if (options.walkAfter && options.showHead && target.indexFile !== null) {
		const head = await readIndexHead(target.indexFile, target.rootReal);
		if (head && options.showHead(head.metas, head.rows)) {
			headShown = true;
			whole = head.whole;
			reporter.announce(head.metas, head.rows);
			await untilAborted(options.walkAfter, signal);
			// The titles are on screen: a walk in workers runs while this thread reads the rest of the index.
			if (!plan.walkHere && whole === null) source = openScanSource(target.root, toScan, planWith(true));
		}
	}
	// With the head on screen, the rest is read in steps with a frame's time between them, for the keys pressed;
	// a head that holds every row is the index, not read again.
	const between = headShown ? () => sleep(FRAME_MS) : undefined;
	const index =
		whole ??
		(options.known
			? knownIndex(options.known)
			: target.indexFile === null
				? null
				: await readIndex(target.indexFile, target.rootReal, signal, between));
	if (signal?.aborted) {
		source?.close();
		signal.throwIfAborted();
	}
	if (index) {
		if (index !== whole) await between?.();
		reporter.announce(index.metas, index.metas.length);
		options.onIndexed?.(index.metas);
	}
	if (index && options.walkAfter) await untilAborted(options.walkAfter, signal);
	source ??= openScanSource(target.root, toScan, plan);
	scan = new Scan(index, source, reporter);
	for (const [batch, warnings] of early.splice(0)) scan.take(batch, warnings);

	try {
		await untilAborted(scan.finish(), signal);
	} catch (error) {
		source.close();
		if (!(error instanceof ScanThreadError)) {
			// Cancelled: keep what was learnt, and the rows not reached yet as they were.
			if (signal?.aborted && target.indexFile !== null && scan.learnt) await scan.save(target, true);
			throw error;
		}
		// A worker failed: start over on this thread (the reporter knows what it has already said).
		let retry: Scan | null = null;
		source = openScanSource(
			target.root,
			handlerFor(() => retry),
			{threads: false},
		);
		retry = new Scan(index, source, reporter);
		for (const [batch, warnings] of early.splice(0)) retry.take(batch, warnings);
		scan = retry;
		await untilAborted(scan.finish(), signal);
	} finally {
		source.close();
	}

	// Nothing changed: the index holds these very articles, saved newest first (unless a cancelled load saved
	// unchecked rows at its end), so the sort is a check.
	const asIndexed = index !== null && !scan.changed && isNewestFirst(index.metas);
	const order = asIndexed ? null : newestFirstOrder(scan.articles);
	const articles = order ? Array.from(order, (i) => scan.articles[i]!) : index!.metas;
	const fileStats = order ? scan.statsIn(order) : index!.stats;
	const saved = order !== null && target.indexFile !== null && scan.changed && (await scan.save(target, false, order));
	const stats: ScanStats = {
		reused: scan.reused,
		parsed: scan.parsed,
		dropped: scan.unseenCount,
		index: target.indexFile === null ? 'unavailable' : index ? 'used' : 'missing',
		saved,
		threads: source.threaded,
	};
	return {articles, warnings: scan.warnings, fileStats, stats};
}

class Scan {
	readonly articles: ArticleMeta[] = [];
	/** size, mtimeMs, ctimeMs per article, for the index. */
	private readonly stats: number[] = [];
	readonly warnings: string[] = [];
	reused = 0;
	parsed = 0;
	private done = 0;
	private total = 0;
	private replaced = 0;
	/** Per index position: whether the walk found its file (what is left unfound at the end is gone). */
	private readonly found: Uint8Array;
	private foundCount = 0;
	private pendingPaths: string[] = [];
	private pendingStats: number[] = [];
	private readonly parses: Promise<void>[] = [];
	private requested = 0;
	private readonly holdAfter = holdIndexingAfter();

	constructor(
		private readonly index: LibraryIndex | null,
		private readonly source: ScanSource,
		private readonly reporter: Reporter,
	) {
		this.found = new Uint8Array(index?.metas.length ?? 0);
	}

	get unseenCount(): number {
		return this.found.length - this.foundCount;
	}

	/** Whether files were read that the index lacks or has out of date. */
	get learnt(): boolean {
		return this.replaced > 0 || this.articles.length > this.reused;
	}

	/** At the end: whether the index on disk no longer says what was found. */
	get changed(): boolean {
		return this.index === null || this.unseenCount > 0 || this.learnt;
	}

	take({paths, stats}: FoundBatch, warnings: string[]): void {
		this.warnings.push(...warnings);
		this.total += paths.length;
		const index = this.index;
		for (let i = 0; i < paths.length; i++) {
			const relative = paths[i]!;
			const size = stats[i * 3]!;
			const mtimeMs = stats[i * 3 + 1]!;
			const ctimeMs = stats[i * 3 + 2]!;
			const position = index?.positions.get(relative);
			if (position !== undefined) {
				this.found[position] = 1;
				this.foundCount++;
				if (sameFileStats(index!.stats, position, stats, i)) {
					this.reused++;
					this.done++;
					this.keep(index!.metas[position]!, size, mtimeMs, ctimeMs);
					continue;
				}
				this.replaced++;
			}
			this.pendingPaths.push(relative);
			this.pendingStats.push(size, mtimeMs, ctimeMs);
		}
		if (this.pendingPaths.length >= PARSE_BATCH) this.sendPending();
		// An empty batch is the end of the walk: the total is known, say so.
		this.reporter.flush(this.done, this.total, paths.length === 0);
	}

	async finish(): Promise<void> {
		await this.source.walked;
		this.sendPending();
		// Every take() has run (the last one came before `walked`), so no request is added from here on.
		await Promise.all(this.parses);
		this.reporter.settle(this.articles);
		this.reporter.flush(this.done, this.total, true);
	}

	/** The files' stats of the articles at positions `order`, three numbers each. */
	statsIn(order: Uint32Array): Float64Array {
		const stats = new Float64Array(order.length * 3);
		order.forEach((position, i) => {
			for (let k = 0; k < 3; k++) stats[i * 3 + k] = this.stats[position * 3 + k]!;
		});
		return stats;
	}

	/**
	 * `withUnseen`: also keep the index rows whose files the walk has not reached (a cancelled load).
	 * `order`: the articles' positions newest first, the order the index is saved in.
	 */
	save(target: ScanTarget, withUnseen: boolean, order?: Uint32Array): Promise<boolean> {
		let {articles, stats} = this;
		if (order) {
			articles = Array.from(order, (i) => this.articles[i]!);
			stats = Array.from({length: order.length * 3}, (_, k) => this.stats[order[Math.floor(k / 3)]! * 3 + (k % 3)]!);
		}
		if (withUnseen && this.index) {
			articles = [...articles];
			stats = [...stats];
			this.found.forEach((found, position) => {
				if (found) return;
				articles.push(this.index!.metas[position]!);
				stats.push(...this.index!.stats.subarray(position * 3, position * 3 + 3));
			});
		}
		return writeIndex(target.indexFile!, target.rootReal, articles, stats);
	}

	private keep(meta: ArticleMeta, size: number, mtimeMs: number, ctimeMs: number): void {
		this.articles.push(meta);
		this.stats.push(size, mtimeMs, ctimeMs);
		this.reporter.add(meta);
	}

	private sendPending(): void {
		if (this.pendingPaths.length === 0) return;
		const paths = this.pendingPaths;
		const stats = this.pendingStats;
		this.pendingPaths = [];
		this.pendingStats = [];
		const held = this.holdAfter !== null && this.requested >= this.holdAfter;
		this.requested += paths.length;
		if (held) {
			this.parses.push(new Promise<void>(() => {}));
			return;
		}
		const parsed = this.source.parse(paths).then(({metas, warnings}) => {
			this.parsed += paths.length;
			this.done += paths.length;
			this.warnings.push(...warnings);
			metas.forEach((meta, i) => {
				if (meta) this.keep(meta, stats[i * 3]!, stats[i * 3 + 1]!, stats[i * 3 + 2]!);
			});
			this.reporter.flush(this.done, this.total, false);
		});
		// finish() is the one that awaits it; until then a failure must not count as unhandled.
		parsed.catch(() => undefined);
		this.parses.push(parsed);
	}
}

/** `work`, or a rejection with the signal's reason as soon as it is aborted. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return work;
	return new Promise<T>((resolve, reject) => {
		const abort = () => reject(signal.reason);
		if (signal.aborted) abort();
		signal.addEventListener('abort', abort, {once: true});
		work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
	});
}
