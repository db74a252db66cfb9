// Read marks from the browser: kept in the store at once, written to disk a little later in one write per batch,
// and on every way out (process exit included, so a crash between batches loses nothing already recorded).
import type {ReadChange} from '../core/browser/types.ts';
import type {ReadStore} from '../io/read-state.ts';

/** Read marks are written this long after the first unsaved change (and on every exit). */
export const FLUSH_DELAY_MS = 1000;

export interface BatchedMarks {
	/** Marks the changes in the store now; the write follows within `delayMs`. */
	record(changes: readonly ReadChange[]): void;
	/** Writes what is pending now. */
	flush(): void;
	/** Writes what is pending and stops writing at process exit. */
	close(): void;
}

export function batchedMarks(store: Pick<ReadStore, 'setRead' | 'flush'>, delayMs = FLUSH_DELAY_MS): BatchedMarks {
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		store.flush();
	};
	process.on('exit', flush);
	return {
		record(changes) {
			for (const change of changes) store.setRead(change.id, change.read);
			timer ??= setTimeout(flush, delayMs);
		},
		flush,
		close() {
			flush();
			process.off('exit', flush);
		},
	};
}
