// The one order of articles: newest first, undated (or invalid dates) last, then by path, so that the order never
// depends on the order a folder walk met the files. The library and the browser both sort by it.
import type {ArticleMeta} from './article.ts';

/** The time an article sorts by: its date, or -Infinity when it has none (or an invalid one). */
export function sortTime(meta: ArticleMeta): number {
	const time = meta.date?.getTime() ?? Number.NEGATIVE_INFINITY;
	return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Compares two articles by their sort times and paths: negative when the first comes first, 0 when equal. */
export function compareNewestFirst(timeA: number, pathA: string, timeB: number, pathB: string): number {
	if (timeA !== timeB) return timeB > timeA ? 1 : -1;
	return pathA < pathB ? -1 : pathA > pathB ? 1 : 0;
}

/** The positions of `articles` in that order, each date read once (sorting through Date objects is several times slower). */
export function newestFirstOrder(articles: readonly ArticleMeta[]): Uint32Array {
	const times = Float64Array.from(articles, sortTime);
	return Uint32Array.from(articles.keys()).sort((a, b) =>
		compareNewestFirst(times[a]!, articles[a]!.path, times[b]!, articles[b]!.path),
	);
}

/** Whether `articles` are in that order already: one pass, where sorting takes n log n comparisons. */
export function isNewestFirst(articles: readonly ArticleMeta[]): boolean {
	for (let i = 1; i < articles.length; i++) {
		const before = articles[i - 1]!;
		const after = articles[i]!;
		if (compareNewestFirst(sortTime(before), before.path, sortTime(after), after.path) > 0) return false;
	}
	return true;
}

/** A sorted copy of `articles`. */
export function sortNewestFirst(articles: readonly ArticleMeta[]): ArticleMeta[] {
	return Array.from(newestFirstOrder(articles), (i) => articles[i]!);
}
