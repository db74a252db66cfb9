// A library changed since its list cache was written: the cached lines still good and the lines of the files read
// anew, merged into the one order (newest first, then by path), as the usual load would list them.
import type {ArticleMeta} from '../core/article/article.ts';
import {compareNewestFirst, sortTime} from '../core/article/order.ts';

export interface Merge {
	/** Per line written, in order: a cached line's number (>= 0), or ~k for the k-th fresh article. */
	lines: Int32Array;
	/**
	 * Where in `fresh` the articles that come just before each cached line start; then where those after the last
	 * start, then `fresh.length`. The ones before line r are freshBefore[r] to freshBefore[r + 1], for every r up to
	 * the number of cached lines.
	 */
	freshBefore: Uint32Array;
}

/**
 * `times`, `paths`: the cached lines' (newest first); `fresh`: the articles read anew, newest first. Cached lines
 * no longer good stay in `lines` (they are left out when written): they are where they were in the file.
 */
export function mergeNewestFirst(times: Float64Array, paths: readonly string[], fresh: readonly ArticleMeta[]): Merge {
	const rows = paths.length;
	const freshBefore = new Uint32Array(rows + 2);
	const lines = new Int32Array(rows + fresh.length);
	let k = 0;
	let line = 0;
	for (let row = 0; row <= rows; row++) {
		freshBefore[row] = k;
		while (
			k < fresh.length &&
			(row === rows || compareNewestFirst(sortTime(fresh[k]!), fresh[k]!.path, times[row]!, paths[row]!) < 0)
		)
			lines[line++] = ~k++;
		if (row < rows) lines[line++] = row;
	}
	freshBefore[rows + 1] = fresh.length;
	return {lines, freshBefore};
}
