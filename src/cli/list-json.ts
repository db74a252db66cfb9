// `leaf list --json` is written from blocks: the JSON lines of consecutive articles as UTF-8, each made as if the
// article were unread and unstarred and followed by `,\n`, with where each line's marks are. Written, a block gets
// the real marks spliced in and loses the lines not wanted. The same blocks are what the list cache keeps
// (io/list-cache.ts), so a warm list of an unchanged library writes its output without making any JSON.
import type {ArticleMeta} from '../core/article/article.ts';
import {articleJsonParts} from './list-format.ts';

export interface JsonBlock {
	bytes: Buffer;
	/** Where each line ends in `bytes`, after its `,\n`. */
	ends: Uint32Array;
	/** Where each line's `"read":false,"starred":false` starts in `bytes`. */
	marks: Uint32Array;
}

/** Raise it whenever a line says something else, or says it otherwise: older list caches are then not used. */
export const JSON_FORMAT = 1;

const UNMARKED = '"read":false,"starred":false';
const UNMARKED_BYTES = UNMARKED.length;

/** How a line is written: left out (null), or with these marks. */
export type LineMarks = Readonly<{read: boolean; starred: boolean}> | null;

const MARKS: readonly Readonly<{read: boolean; starred: boolean}>[] = [false, true].flatMap((read) =>
	[false, true].map((starred) => ({read, starred})),
);

/** The marks of a line (the same object for the same marks: one per line would be 100,000 at 100,000 articles). */
export const lineMarks = (read: boolean, starred: boolean): LineMarks => MARKS[+read * 2 + +starred]!;

/** The lines of `articles`, in order. */
export function jsonBlock(articles: readonly ArticleMeta[]): JsonBlock {
	const ends = new Uint32Array(articles.length);
	const marks = new Uint32Array(articles.length);
	const lines: string[] = [];
	let at = 0;
	articles.forEach((article, i) => {
		const [before, after] = articleJsonParts(article);
		marks[i] = at + Buffer.byteLength(before);
		const line = `${before}${UNMARKED}${after},\n`;
		at += Buffer.byteLength(line);
		ends[i] = at;
		lines.push(line);
	});
	return {bytes: Buffer.from(lines.join('')), ends, marks};
}

/** Bytes per piece of output: a few writes to a pipe, and no copy of the whole output at once. */
const PIECE_BYTES = 256 * 1024;
/** A slice of a block this long is written as it is; shorter ones are joined into pieces first. */
const SLICE_BYTES = 16 * 1024;

const MARKED = new Map(MARKS.map((marks) => [marks, Buffer.from(`"read":${marks.read},"starred":${marks.starred}`)]));

/**
 * The JSON array of a list's lines, a block at a time, in pieces to write one after another. Runs of unmarked lines
 * are written as they are, slices of their block, never copied; no piece holds on to a block once the block's
 * pieces are written (a block may be read into a buffer that is reused).
 */
export class JsonArray {
	private readonly marks: LineMarks[];
	/** The last line written: it ends the array instead of its `,\n`. */
	private readonly last: number;
	private line = 0;
	private ready: Buffer[] = [];
	private small: Buffer[] = [];
	private smallBytes = 0;

	/** `lines` in all, each written as `marksOf` says. */
	constructor(lines: number, marksOf: (line: number) => LineMarks) {
		this.marks = Array.from({length: lines}, (_, line) => {
			const wanted = marksOf(line);
			return wanted === null ? null : lineMarks(wanted.read, wanted.starred);
		});
		this.last = this.marks.findLastIndex((wanted) => wanted !== null);
		if (this.last !== -1) this.add(Buffer.from('[\n'));
	}

	/** The next block's lines. */
	*block({bytes, ends, marks: marksAt}: JsonBlock): Generator<Buffer> {
		// A run of unmarked lines, not added yet.
		let from = 0;
		let to = 0;
		for (let i = 0; i < ends.length; i++, this.line++) {
			const wanted = this.marks[this.line];
			const end = this.line === this.last ? ends[i]! - 2 : ends[i]!;
			if (wanted === MARKS[0]) to = end;
			else {
				if (to > from) this.add(bytes.subarray(from, to));
				if (wanted) {
					this.add(bytes.subarray(i === 0 ? 0 : ends[i - 1], marksAt[i]));
					this.add(MARKED.get(wanted)!);
					this.add(bytes.subarray(marksAt[i]! + UNMARKED_BYTES, end));
				}
				from = to = ends[i]!;
			}
			if (to - from >= PIECE_BYTES) {
				this.add(bytes.subarray(from, to));
				from = to;
			}
			yield* this.take();
		}
		if (to > from) this.add(bytes.subarray(from, to));
		this.joinSmall();
		yield* this.take();
	}

	/** The array's end (or all of it, for a list with no line written). */
	*end(): Generator<Buffer> {
		yield Buffer.from(this.last === -1 ? '[]\n' : '\n]\n');
	}

	private add(part: Buffer): void {
		if (part.length >= SLICE_BYTES) {
			this.joinSmall();
			this.ready.push(part);
			return;
		}
		this.small.push(part);
		this.smallBytes += part.length;
		if (this.smallBytes >= PIECE_BYTES) this.joinSmall();
	}

	private joinSmall(): void {
		if (this.small.length > 0) this.ready.push(Buffer.concat(this.small, this.smallBytes));
		this.small = [];
		this.smallBytes = 0;
	}

	private take(): Buffer[] {
		return this.ready.length === 0 ? [] : this.ready.splice(0);
	}
}

/** The JSON array of all the lines of `blocks`. */
export function* jsonChunks(blocks: readonly JsonBlock[], marksOf: (line: number) => LineMarks): Generator<Buffer> {
	const array = new JsonArray(
		blocks.reduce((lines, block) => lines + block.ends.length, 0),
		marksOf,
	);
	for (const block of blocks) yield* array.block(block);
	yield* array.end();
}

/** Lines `from` to `to` (not included) of a block, as a block of their own (sharing its memory). */
export function subBlock({bytes, ends, marks}: JsonBlock, from: number, to: number): JsonBlock {
	const start = from === 0 ? 0 : ends[from - 1]!;
	return {
		bytes: bytes.subarray(start, to === 0 ? 0 : ends[to - 1]),
		ends: ends.subarray(from, to).map((end) => end - start),
		marks: marks.subarray(from, to).map((mark) => mark - start),
	};
}

/** Lines gathered, copied, from blocks that may be overwritten: the lines of a list cache to write. */
export class LineCopies {
	readonly blocks: JsonBlock[] = [];

	/** The lines of `block` for which `kept(i)` is true, in runs. */
	add(block: JsonBlock, kept: (line: number) => boolean): void {
		let from = 0;
		for (let i = 0; i <= block.ends.length; i++) {
			if (i < block.ends.length && kept(i)) continue;
			if (i > from) {
				const run = subBlock(block, from, i);
				this.blocks.push({...run, bytes: Buffer.from(run.bytes)});
			}
			from = i + 1;
		}
	}
}
