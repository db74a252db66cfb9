// Read marks from the browser: kept in the store at once, written to disk a little later in one write per batch,
// and on every way out (process exit included, so a crash between batches loses nothing already recorded).
// Reading positions and the session change with nearly every key: they are kept in the store at once too, but
// written only once the keys have rested a while (or with the next marks, or on the way out), so scrolling through
// an article never writes the whole state file again and again.
import type {RememberChange} from '../core/browser/remember.ts';
import type {ReadChange} from '../core/browser/types.ts';
import type {ReadStore} from '../io/read-state.ts';

/** Read marks are written this long after the first unsaved change (and on every exit). */
export const FLUSH_DELAY_MS = 1000;
/**
 * Positions and the session are written once they have not changed for this long (else with the next marks, and on
 * every exit): a write of the whole file takes a noticeable moment at 100,000 read marks (about 0.2 s on 2 busy
 * cores), so it waits for the reader to rest rather than follow the scrolling.
 */
export const REMEMBER_DELAY_MS = 10_000;
/** A write that failed (a full disk) is tried again this often while leaf runs. */
export const RETRY_MS = 5000;

export interface BatchedMarks {
	/** Marks the changes in the store now; the write follows within `delayMs`. */
	record(changes: readonly ReadChange[]): void;
	/** Keeps a reading position or the session in the store now; written `rememberMs` after the last such change. */
	remember(change: RememberChange): void;
	/** Writes what is pending now. */
	flush(): void;
	/** Writes what is pending, the last write (see ReadStore.flush), and stops writing at process exit. */
	close(): void;
}

export function batchedMarks(
	store: Pick<
		ReadStore,
		'setRead' | 'setStarred' | 'setPosition' | 'setSession' | 'flush' | 'saving' | 'pendingChanges'
	>,
	delayMs = FLUSH_DELAY_MS,
	retryMs = RETRY_MS,
	rememberMs = REMEMBER_DELAY_MS,
): BatchedMarks {
	let timer: NodeJS.Timeout | undefined;
	let resting: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		clearTimeout(resting);
		timer = undefined;
		resting = undefined;
		store.flush();
		// Failed, the changes still pending: try again later (space may be freed), for as long as leaf runs.
		if (store.saving && store.pendingChanges > 0) {
			timer = setTimeout(flush, retryMs);
			timer.unref();
		}
	};
	// No flush follows this one: it waits for another leaf's lock rather than give up on it.
	const lastFlush = () => {
		clearTimeout(timer);
		clearTimeout(resting);
		store.flush(true);
	};
	process.on('exit', lastFlush);
	return {
		record(changes) {
			for (const change of changes)
				if (change.starred === undefined) store.setRead(change.id, change.read);
				else store.setStarred(change.id, change.starred);
			timer ??= setTimeout(flush, delayMs);
		},
		remember(change) {
			if (change.position) store.setPosition(change.position.id, change.position.fraction);
			if (change.session) store.setSession(change.session);
			clearTimeout(resting);
			resting = setTimeout(flush, rememberMs);
		},
		flush,
		close() {
			lastFlush();
			process.off('exit', lastFlush);
		},
	};
}
