// `target.push(...items)` passes every item as an argument and overflows the stack past ~100,000 items (a 10 MB
// article has millions of lines); these loop instead.

/** Append every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
	for (const item of items) target.push(item);
	return target;
}

/** The largest of `values`, or `fallback` for none (Math.max(...values) has the same limit). */
export function maxOf(values: Iterable<number>, fallback = 0): number {
	let max = fallback;
	for (const value of values) if (value > max) max = value;
	return max;
}
