// Read marks from the browser: kept in the store at once, written to disk a little later in one write per batch,
// and on every way out (process exit included, so a crash between batches loses nothing already recorded).
import type {ReadChange} from '../core/browser/types.ts';
import type {ReadStore} from '../io/read-state.ts';

/** Read marks are written this long after the first unsaved change (and on every exit). */
export const FLUSH_DELAY_MS = 1000;
/** A write that failed (a full disk) is tried again this often while leaf runs. */
export const RETRY_MS = 5000;

export interface BatchedMarks {
	/** Marks the changes in the store now; the write follows within `delayMs`. */
	record(changes: readonly ReadChange[]): void;
	/** Writes what is pending now. */
	flush(): void;
	/** Writes what is pending and stops writing at process exit. */
	close(): void;
}

export function batchedMarks(
	store: Pick<ReadStore, 'setRead' | 'setStarred' | 'flush' | 'saving' | 'pendingChanges'>,
	delayMs = FLUSH_DELAY_MS,
	retryMs = RETRY_MS,
): BatchedMarks {
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		store.flush();
		// Failed, the changes still pending: try again later (space may be freed), for as long as leaf runs.
		if (store.saving && store.pendingChanges > 0) {
			timer = setTimeout(flush, retryMs);
			timer.unref();
		}
	};
	process.on('exit', flush);
	return {
		record(changes) {
			for (const change of changes)
				if (change.starred === undefined) store.setRead(change.id, change.read);
				else store.setStarred(change.id, change.starred);
			timer ??= setTimeout(flush, delayMs);
		},
		flush,
		close() {
			flush();
			clearTimeout(timer);
			process.off('exit', flush);
		},
	};
}
