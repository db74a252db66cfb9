// leaf's Output (src/ui/ink-output.ts), which the bundle puts in place of Ink's, gives Ink's text for the same
// writes: seeded rounds of styled, wide, multi-line, transformed, clipped and misplaced writes, one frame after
// another (so that what the ours keeps between frames is used, and dropped when there is too much of it).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import InkOutput from '../../node_modules/ink/build/output.js';
import Output from '../../src/ui/ink-output.ts';
import {seededRandom} from '../helpers/random.ts';

const STYLES = [
	['\u001B[1m', '\u001B[22m'],
	['\u001B[2m', '\u001B[22m'],
	['\u001B[7m', '\u001B[27m'],
	['\u001B[36m', '\u001B[39m'],
	['\u001B[32m', '\u001B[39m'],
	['\u001B[44m', '\u001B[49m'],
	['\u001B[38;5;208m', '\u001B[39m'],
	['\u001B[1;31m', '\u001B[0m'],
	['\u001B[4m', '\u001B[24m'],
	['\u001B]8;;https://example.com/a\u0007', '\u001B]8;;\u0007'],
] as const;
const CHARACTERS = ['a', 'b', 'Z', ' ', ' ', '7', '│', '●', '中', '文', '，', '。', 'é', '—', '…'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function styledText(random: Random, lines: number): string {
	const parts: string[] = [];
	for (let line = 0; line < lines; line++) {
		let text = '';
		for (let run = between(random, 0, 4); run > 0; run--) {
			const plain = Array.from({length: between(random, 0, 8)}, () => pick(random, CHARACTERS)).join('');
			if (random() < 0.5) {
				const [open, close] = pick(random, STYLES);
				text += random() < 0.8 ? `${open}${plain}${close}` : `${open}${plain}`;
			} else text += plain;
		}
		parts.push(text);
	}
	return parts.join('\n');
}

const TRANSFORMERS = [
	(line: string) => `\u001B[1m${line}\u001B[22m`,
	(line: string, index: number) => `${index}:${line}`,
	(line: string) => line.toUpperCase(),
];

interface Frame {
	write(x: number, y: number, text: string, options: {transformers: ((line: string, index: number) => string)[]}): void;
	clip(clip: {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined}): void;
	unclip(): void;
	get(): {output: string; height: number};
}

/** The same random operations on both outputs. */
function drawBoth(random: Random, ours: Frame, theirs: Frame, width: number, height: number): void {
	let clipped = 0;
	for (let step = between(random, 0, 25); step > 0; step--) {
		const roll = random();
		if (roll < 0.12) {
			const edge = (size: number) => (random() < 0.2 ? undefined : between(random, -2, size + 2));
			const clip = {x1: edge(width), x2: edge(width), y1: edge(height), y2: edge(height)};
			ours.clip(clip);
			theirs.clip(clip);
			clipped++;
		} else if (roll < 0.2 && clipped > 0) {
			ours.unclip();
			theirs.unclip();
			clipped--;
		} else {
			const x = between(random, -3, width + 3);
			const y = between(random, -2, height + 1);
			const text = random() < 0.1 ? '' : styledText(random, between(random, 1, 4));
			const transformers = TRANSFORMERS.filter(() => random() < 0.2);
			ours.write(x, y, text, {transformers});
			theirs.write(x, y, text, {transformers});
		}
	}
}

test("the same text as Ink's Output, frame after frame", () => {
	const random = seededRandom(2026);
	for (let round = 0; round < 1500; round++) {
		const width = between(random, 0, 30);
		const height = between(random, 0, 8);
		const ours = new Output({width, height});
		const theirs = new InkOutput({width, height});
		drawBoth(random, ours, theirs, width, height);
		assert.deepEqual(ours.get(), theirs.get(), `round ${round}`);
	}
});

test('a frame of panes as leaf draws them: rows of styled text beside borders', () => {
	const width = 60;
	const height = 12;
	const ours = new Output({width, height});
	const theirs = new InkOutput({width, height});
	for (const frame of [ours, theirs]) {
		frame.write(0, 0, Array.from({length: height}, () => '\u001B[2m│\u001B[22m').join('\n'), {transformers: []});
		for (let row = 0; row < height; row++)
			frame.write(
				1,
				row,
				row === 3 ? '\u001B[7m\u001B[1m\u001B[36m ● 2026-11-20 中文标题，很长\u001B[0m' : ` ● row ${row}`,
				{
					transformers: [],
				},
			);
	}
	const text = ours.get();
	assert.deepEqual(text, theirs.get());
	assert.match(text.output.split('\n')[3]!, /中文标题，很长/);
});

test('more styles than are kept: still the same text, in the frame where they overflow and after', () => {
	const width = 40;
	const height = 4;
	for (let frameNumber = 0; frameNumber < 3; frameNumber++) {
		const ours = new Output({width, height});
		const theirs = new InkOutput({width, height});
		// 256 × 20 colour pairs: more distinct lists of styles than the 4,096 kept.
		for (let fg = 0; fg < 256; fg++)
			for (let bg = 0; bg < 20; bg++) {
				const text = `\u001B[38;5;${fg}m\u001B[48;5;${bg + frameNumber}mx${fg}\u001B[49m y\u001B[39m`;
				ours.write((fg + bg) % width, bg % height, text, {transformers: []});
				theirs.write((fg + bg) % width, bg % height, text, {transformers: []});
			}
		assert.deepEqual(ours.get(), theirs.get(), `frame ${frameNumber}`);
	}
});
