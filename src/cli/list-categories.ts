// The categories nearest to one that matched nothing (`leaf list --category 编程/leetcode`), for the error line:
// the same letters in another case first, then a path that ends with what was typed (a sub-category typed
// without its parents), then the fewest edits, then the shortest path.
import type {ArticleMeta} from '../core/article/article.ts';
import {categoryKey} from '../core/article/format.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';

/** How many are named. */
const NEAREST_COUNT = 3;

/** Every category path and each of its prefixes, as typed for --category (`新媒体/趣头条`). */
function allCategories(articles: readonly ArticleMeta[]): string[] {
	const keys = new Set<string>();
	for (const article of articles)
		for (const path of article.categories)
			for (let depth = 1; depth <= path.length; depth++) keys.add(categoryKey(path.slice(0, depth)));
	return [...keys];
}

/** Levenshtein distance by code point, case-folded. */
function editDistance(a: string, b: string): number {
	const left = [...a.toLowerCase()];
	const right = [...b.toLowerCase()];
	let previous = Array.from({length: right.length + 1}, (_, index) => index);
	for (let i = 1; i <= left.length; i++) {
		const current = [i];
		for (let j = 1; j <= right.length; j++) {
			const cost = left[i - 1] === right[j - 1] ? 0 : 1;
			current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
		}
		previous = current;
	}
	return previous[right.length] ?? 0;
}

export function nearestCategories(wanted: string, articles: readonly ArticleMeta[]): string[] {
	const folded = wanted.toLowerCase();
	const tierOf = (key: string) => {
		const lower = key.toLowerCase();
		return lower === folded ? 0 : lower.endsWith(`/${folded}`) ? 1 : 2;
	};
	const ranked = allCategories(articles).map((key) => ({key, tier: tierOf(key), distance: editDistance(wanted, key)}));
	ranked.sort(
		(a, b) => a.tier - b.tier || a.distance - b.distance || a.key.length - b.key.length || (a.key < b.key ? -1 : 1),
	);
	return ranked.slice(0, NEAREST_COUNT).map((entry) => sanitizeLine(entry.key));
}
