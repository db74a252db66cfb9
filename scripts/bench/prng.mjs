// A seeded pseudo-random generator (mulberry32): the same seed gives the same fixtures and
// benchmark libraries on every machine, so generated files can be cached and compared.

/** @param {number} seed */
export function createRandom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		/** An integer in [0, n). */
		int: (n) => Math.floor(next() * n),
		/** An integer in [min, max]. */
		between: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
		bytes(length) {
			const out = Buffer.alloc(length);
			for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
			return out;
		},
	};
}
