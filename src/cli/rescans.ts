// Reading the library again, by hand (`R`, after the editor) or because the watcher saw a change: one scan at a
// time (two would race to write the index), a change seen during a scan makes one more after it, and quitting
// cancels the one under way. Scans go through the index, so only new and changed files are read.
import type {Action} from '../core/browser/types.ts';
import {loadLibrary} from '../io/library.ts';
import type {ReadStore} from '../io/read-state.ts';
import type {LibraryWatch} from '../io/watch.ts';
import {watchLibrary} from '../io/watch.ts';

export interface Rescans {
	/** Reads the library again; `said` is the notice to show after (null: the counts; undefined: none). */
	run(said?: string | null): Promise<void>;
	/**
	 * Starts watching the library, each change reading it again (quietly); stopped by the signal. Started while
	 * the first load runs, what changes in a folder its walk has passed is seen; started after it, a catch-up scan
	 * reads what changed between the two.
	 */
	watch(): void;
}

export function createRescans(context: {
	root: string;
	store: Pick<ReadStore, 'isRead'>;
	send: (action: Action) => void;
	signal: AbortSignal;
	/** The first load: scans wait for it. */
	initial: Promise<void>;
}): Rescans {
	const {root, store, send, signal} = context;
	// The scan under way ends `queue`; at most one more waits behind it, and what is asked meanwhile joins that one.
	let queue: Promise<void> = context.initial.catch(() => {});
	let initialDone = false;
	void queue.then(() => {
		initialDone = true;
	});
	let waiting: {said: string | null | undefined; done: Promise<void>} | null = null;

	const scanOnce = async (said: string | null | undefined): Promise<void> => {
		let scan;
		try {
			scan = await loadLibrary(root, {signal});
		} catch (error) {
			if (signal.aborted) return;
			throw error;
		}
		if (signal.aborted) return;
		const readIds = new Set<string>();
		for (const meta of scan.articles) if (store.isRead(meta)) readIds.add(meta.id);
		send({type: 'libraryReplaced', articles: scan.articles, readIds});
		if (said === undefined) return;
		const count = `${scan.articles.length} article${scan.articles.length === 1 ? '' : 's'}`;
		const warnings = scan.warnings.length > 0 ? `, ${scan.warnings.length} could not be read` : '';
		send({type: 'noticeShown', text: said ?? `Library read again: ${count}${warnings}.`});
	};

	const run = (said?: string | null): Promise<void> => {
		if (signal.aborted) return Promise.resolve();
		if (waiting) {
			if (said !== undefined) waiting.said = said;
			return waiting.done;
		}
		const entry: {said: string | null | undefined; done: Promise<void>} = {said, done: Promise.resolve()};
		entry.done = queue.then(() => {
			waiting = null;
			return scanOnce(entry.said);
		});
		waiting = entry;
		queue = entry.done.catch(() => {});
		return entry.done;
	};

	return {
		run,
		watch() {
			if (signal.aborted) return;
			let watching: LibraryWatch | null = null;
			signal.addEventListener('abort', () => watching?.close(), {once: true});
			const quietly = () =>
				void run().catch((error: unknown) =>
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
