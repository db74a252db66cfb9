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

/** Where a load works, from the size of the library's index file (null: no index, so all is to read). */
export function scanPlan(indexBytes: number | null): {threads: boolean; walkHere: boolean} {
	if (indexBytes === null) return {threads: true, walkHere: false};
	if (indexBytes < SMALL_INDEX_BYTES) return {threads: false, walkHere: true};
	return {threads: true, walkHere: indexBytes < WALK_HERE_INDEX_BYTES};
}

/** The size of the index file, or null when there is none (or no cache). */
export async function indexSize(file: string | null): Promise<number | null> {
	if (file === null) return null;
	try {
		return (await stat(file)).size;
	} catch {
		return null;
	}
}
