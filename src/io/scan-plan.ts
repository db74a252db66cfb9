// Where a load works, from the size of the library's index: the calling thread, worker threads, or the calling
// thread's walk with workers only for the files to read (scan-threads.ts).
import {stat} from 'node:fs/promises';

/**
 * An index file under this size (about 2,000 articles, at the 250 bytes each of the bench's libraries) means a
 * library that the calling thread walks faster than a worker thread starts (~50 ms, more on a busy machine), and
 * reads its few new files as fast.
 */
const SMALL_INDEX_BYTES = 512 * 1024;
/**
 * Under this size (about 40,000 articles), the calling thread still walks the library sooner than a walking
 * worker and its helper start and finish (README, speed: 99 against 211 ms at 10,000 files); the files
 * that need reading go to workers started for them.
 */
const WALK_HERE_INDEX_BYTES = 10 * 1024 * 1024;

/**
 * With no index, a library of at most this many articles is read on the calling thread: worker threads start in
 * about 50 ms (more while the browser loads Ink), its files are read in less (the bundled manual's first titles came
 * 47 ms sooner).
 */
const SMALL_LIBRARY_FILES = 256;

export interface ScanPlan {
	threads: boolean;
	walkHere: boolean;
	/** A second worker shares the walking worker's stats (scan-threads.ts) when there is a core for it. */
	helper: boolean;
	/** No threads after all for a library of at most this many articles (found by a walk that stops after them). */
	hereUpTo?: number;
	/** Files per turn of a walk on the calling thread. */
	walkChunk?: number;
}

/**
 * Where a load works, from the size of the library's index file (null: no index, so all is to read). `cores`: the
 * machine's; `readingMeanwhile`: the calling thread reads the index while the walk runs (`leaf list`), so it keeps a
 * core busy: on two cores a helper would only take turns with it (a warm `leaf list --json` of 100,000 articles took
 * 2.03 s with one, 1.83 s without).
 */
export function scanPlan(indexBytes: number | null, cores: number, readingMeanwhile = false): ScanPlan {
	if (indexBytes === null) return {threads: true, walkHere: false, helper: cores > 1, hereUpTo: SMALL_LIBRARY_FILES};
	if (indexBytes < SMALL_INDEX_BYTES) return {threads: false, walkHere: true, helper: false};
	if (indexBytes < WALK_HERE_INDEX_BYTES) return {threads: true, walkHere: true, helper: false};
	return {threads: true, walkHere: false, helper: cores - (readingMeanwhile ? 1 : 0) > 1};
}

/**
 * A read again of a library leaf has open (LoadOptions.known) is in the background: walked on the calling thread, a
 * small batch a turn (a key waits for one: 128 files, under a millisecond), workers only for files to read, so that
 * no walking worker's heap adds to the memory of the library on screen (at 100,000 articles, about 20 MB more at the
 * peak).
 */
export const KNOWN_PLAN: ScanPlan = {threads: true, walkHere: true, helper: false, walkChunk: 128};

/** The size of the index file, or null when there is none (or no cache). */
export async function indexSize(file: string | null): Promise<number | null> {
	if (file === null) return null;
	try {
		return (await stat(file)).size;
	} catch {
		return null;
	}
}
