// Intl.Segmenter's grapheme interface (segment(), its segments iterated or asked for the one `containing` an
// index) over graphemes() of width.ts: the same segments, and no segmenter for text of simple code points. The
// first Intl.Segmenter a process makes loads ICU's break rules, about 15 ms; ansi-tokenize and slice-ansi each
// make one when they are loaded and segment every line Ink draws, so in the bundle they are given this one
// instead (scripts/build-plugins.mjs, inkSegmenters).
import {graphemes} from './width.ts';

class GraphemeSegments implements Iterable<Intl.SegmentData> {
	#all: Intl.SegmentData[] | undefined;

	constructor(private readonly input: string) {}

	/** The segment holding the code unit at `index` (Intl's default 0), undefined outside the text. */
	containing(index = 0): Intl.SegmentData | undefined {
		const position = Math.trunc(Number(index)) || 0;
		if (position < 0 || position >= this.input.length) return undefined;
		const all = this.segments();
		let low = 0;
		let high = all.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((all[middle] as Intl.SegmentData).index <= position) low = middle;
			else high = middle - 1;
		}
		return all[low];
	}

	[Symbol.iterator](): Iterator<Intl.SegmentData> {
		return this.segments()[Symbol.iterator]();
	}

	private segments(): Intl.SegmentData[] {
		if (this.#all === undefined) {
			let index = 0;
			this.#all = graphemes(this.input).map((segment) => {
				const data = {segment, index, input: this.input};
				index += segment.length;
				return data;
			});
		}
		return this.#all;
	}
}

export const graphemeSegmenter = {
	segment(input: string): GraphemeSegments {
		return new GraphemeSegments(String(input));
	},
};
