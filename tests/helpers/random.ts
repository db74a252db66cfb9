// A seeded pseudo-random generator for fuzz tests: the same seed gives the same inputs on every run, so a failure
// can be replayed. (A linear congruential generator: plenty for picking test inputs, not for anything else.)

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}
