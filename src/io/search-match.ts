// The files of one batch that hold the needle in the text the reader shows: what a search worker does with each
// request (search-worker.ts), and what the search does on this thread when no worker can start (search-threads.ts).
// Here, not in the worker file, so that tests call it on their own thread (a worker's coverage is not seen).
import {closeSync, constants, openSync, readSync} from 'node:fs';
import {join} from 'node:path';
import {bodyMatches} from '../core/search/file-match.ts';
import {byteNeedle, mightContainBytes} from '../core/search/prefilter-bytes.ts';
import type {Needle} from '../core/search/prefilter.ts';
import {MAX_ARTICLE_BYTES} from './library-walk.ts';

/**
 * The items (the same place in `items` as each file in `paths`) whose files under `root` hold the needle. `sizes`
 * (the same places; -1 or none: not known) are the files' sizes as the library was last read.
 */
export function matchingFiles(
	root: string,
	needle: Needle,
	paths: readonly string[],
	items: readonly number[],
	sizes: readonly number[],
): number[] {
	const hits: number[] = [];
	const bytesNeedle = byteNeedle(needle);
	paths.forEach((path, index) => {
		// Gone, unreadable or too large since the library was read: it cannot be shown either.
		const bytes = readBytes(join(root, path), sizes[index]);
		if (bytes === null) return;
		// Most files are ruled out on their bytes, not decoded (prefilter-bytes.ts).
		if (mightContainBytes(bytes, bytesNeedle) === false) return;
		if (bodyMatches(bytes.toString('utf8'), needle)) hits.push(items[index]!);
	});
	return hits;
}

/** One buffer for every file a thread reads, grown as needed: a search reads thousands of files a second. */
let scratch = Buffer.allocUnsafe(256 * 1024);
/** A buffer grown past this for one large file is not kept for the next ones (a thread would hold it for good). */
const SCRATCH_KEPT = 4 * 1024 * 1024;

/**
 * The bytes of the file at `path` (a view of `scratch` or of a larger buffer, good until the next call), or null
 * when it cannot be read or holds more than an article may. Opened without blocking: a FIFO put in an article's
 * place reads as empty.
 *
 * A read that brings `expected` bytes, the size the file had when the library was read, is taken as the whole file,
 * as fs.readFile takes the size fstat gives: no read more to see its end. That read, one of four calls a file cost
 * (open, read, read, close), made a search of 100,000 articles a tenth to a sixth slower. A file whose size changed
 * since is read to its end.
 */
function readBytes(path: string, expected: number | undefined): Buffer | null {
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch {
		return null;
	}
	try {
		let buffer = scratch;
		let length = 0;
		for (;;) {
			const count = readSync(fd, buffer, length, buffer.length - length, null);
			length += count;
			// One byte past the limit is enough to know the file is over it.
			if (length > MAX_ARTICLE_BYTES) return null;
			if (count === 0 || length === expected) return buffer.subarray(0, length);
			if (length < buffer.length) continue;
			const larger = Buffer.allocUnsafe(Math.min(length * 2, MAX_ARTICLE_BYTES + 1));
			buffer.copy(larger);
			buffer = larger;
			if (buffer.length <= SCRATCH_KEPT) scratch = buffer;
		}
	} catch {
		return null;
	} finally {
		closeSync(fd);
	}
}
