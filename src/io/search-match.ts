// The files of one batch that hold the needle in the text the reader shows: what a search worker does with each
// request (search-worker.ts), and what the search does on this thread when no worker can start (search-threads.ts).
// Here, not in the worker file, so that tests call it on their own thread (a worker's coverage is not seen).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {bodyMatches} from '../core/search/file-match.ts';
import type {Needle} from '../core/search/prefilter.ts';

/** The items (the same place in `items` as each file in `paths`) whose files under `root` hold the needle. */
export function matchingFiles(
	root: string,
	needle: Needle,
	paths: readonly string[],
	items: readonly number[],
): number[] {
	const hits: number[] = [];
	paths.forEach((path, index) => {
		let source: string;
		try {
			source = readFileSync(join(root, path), 'utf8');
		} catch {
			return; // Gone or unreadable since the library was read: it cannot be shown either.
		}
		if (bodyMatches(source, needle)) hits.push(items[index]!);
	});
	return hits;
}
