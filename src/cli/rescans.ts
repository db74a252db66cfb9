// Reading the library again, by hand (`R`, after the editor) or because the watcher saw a change: one scan at a
// time (two would race to write the index), a change seen during a scan makes one more after it, and quitting
// cancels the one under way. Scans go through the index, so only new and changed files are read. A change the
// watcher placed is read where it happened (io/library-rescan.ts) against what the last scan found, which at
// 100,000 articles is the difference between milliseconds and seconds; anything else reads the whole library.
import type {ArticleMeta} from '../core/article/article.ts';
import type {Action} from '../core/browser/types.ts';
import {loadLibrary} from '../io/library.ts';
import type {ChangedFolders} from '../io/library-rescan.ts';
import type {KnownLibrary} from '../io/scan-types.ts';
import {sizesByPath} from '../io/scan-types.ts';
import {rescanFolders} from '../io/library-rescan.ts';
import type {ReadStore} from '../io/read-state.ts';
import type {LibraryWatch} from '../io/watch.ts';
import {watchLibrary} from '../io/watch.ts';

export interface Rescans {
	/**
	 * Reads the library again; `said` is the notice to show after (null: the counts; undefined: none). `where`:
	 * only there, when the watcher said where the changes were.
	 */
	run(said?: string | null, where?: ChangedFolders): Promise<void>;
	/**
	 * Starts watching the library, each change reading it again (quietly); stopped by the signal. Started while
	 * the first load runs, what changes in a folder its walk has passed is seen; started after it, a catch-up scan
	 * reads what changed between the two.
	 */
	watch(): void;
	/** The size of each article's file, by path, as the last scan found it; empty until the first has ended. */
	fileSizes(): Map<string, number>;
}

export function createRescans(context: {
	root: string;
	store: Pick<ReadStore, 'isRead'>;
	send: (action: Action) => void;
	signal: AbortSignal;
	/** The first load, with what it found (null or nothing: not known): scans wait for it. */
	initial: Promise<KnownLibrary | null | void>;
}): Rescans {
	const {root, store, send, signal} = context;
	// The scan under way ends `queue`; at most one more waits behind it, and what is asked meanwhile joins that one.
	/** What the last scan found: a placed change is compared with it. */
	let known: KnownLibrary | null = null;
	let initialDone = false;
	let queue: Promise<void> = context.initial.then(
		(found) => {
			known = found ?? null;
		},
		() => {},
	);
	void queue.then(() => {
		initialDone = true;
	});
	interface Waiting {
		said: string | null | undefined;
		/** Where to read; null: everywhere. */
		where: ChangedFolders | null;
		done: Promise<void>;
	}
	let waiting: Waiting | null = null;

	/** The library read where the changes were, or null when only a full read can tell. */
	const placed = async (where: ChangedFolders | null) => {
		if (where === null || known === null) return null;
		const result = await rescanFolders(root, known, where);
		return result && {articles: result.library.articles, fileStats: result.library.stats, warnings: result.warnings};
	};

	const scanOnce = async (said: string | null | undefined, where: ChangedFolders | null): Promise<void> => {
		let scan: {articles: readonly ArticleMeta[]; fileStats: Float64Array; warnings: readonly string[]} | null;
		try {
			// Compared with what the last scan found, not with the index file (not read again).
			scan = (await placed(where)) ?? (await loadLibrary(root, {signal, known: known ?? undefined}));
		} catch (error) {
			if (signal.aborted) return;
			throw error;
		}
		if (signal.aborted) return;
		// Nothing changed: the very articles the app has (a scan that found them all unchanged returns them).
		const unchanged = scan.articles === known?.articles;
		known = {articles: scan.articles, stats: scan.fileStats};
		if (!unchanged) {
			const readIds = new Set<string>();
			for (const meta of scan.articles) if (store.isRead(meta)) readIds.add(meta.id);
			send({type: 'libraryReplaced', articles: scan.articles, readIds});
		}
		if (said === undefined) return;
		const count = `${scan.articles.length} article${scan.articles.length === 1 ? '' : 's'}`;
		const warnings = scan.warnings.length > 0 ? `, ${scan.warnings.length} could not be read` : '';
		send({type: 'noticeShown', text: said ?? `Library read again: ${count}${warnings}.`});
	};

	const run = (said?: string | null, where?: ChangedFolders): Promise<void> => {
		if (signal.aborted) return Promise.resolve();
		if (waiting) {
			if (said !== undefined) waiting.said = said;
			waiting.where = joinPlaces(waiting.where, where ?? null);
			return waiting.done;
		}
		const entry: Waiting = {said, where: where ?? null, done: Promise.resolve()};
		entry.done = queue.then(() => {
			waiting = null;
			return scanOnce(entry.said, entry.where);
		});
		waiting = entry;
		queue = entry.done.catch(() => {});
		return entry.done;
	};

	return {
		run,
		fileSizes: () => (known === null ? new Map() : sizesByPath(known)),
		watch() {
			if (signal.aborted) return;
			let watching: LibraryWatch | null = null;
			signal.addEventListener('abort', () => watching?.close(), {once: true});
			const quietly = (where: ChangedFolders | null = null) =>
				void run(undefined, where ?? undefined).catch((error: unknown) =>
					send({
						type: 'noticeShown',
						text: `Cannot read the library again: ${error instanceof Error ? error.message : String(error)}`,
					}),
				);
			watchLibrary(root, {onChange: quietly}).then(
				(started) => {
					watching = started;
					if (signal.aborted) return started.close();
					if (initialDone) quietly();
					if (started.reason)
						send({
							type: 'noticeShown',
							text: `Not watching file edits: ${started.reason}; new and deleted files are checked every 2 s, R reads the rest.`,
						});
				},
				() => {},
			);
		},
	};
}

/** Both sets of places; null (everywhere) wins. */
function joinPlaces(a: ChangedFolders | null, b: ChangedFolders | null): ChangedFolders | null {
	if (a === null || b === null) return null;
	return {folders: [...a.folders, ...b.folders], trees: [...a.trees, ...b.trees]};
}
