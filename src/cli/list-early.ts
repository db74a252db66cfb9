// `leaf list --json` with an index: the indexed articles are known, newest first, before the walk has checked
// them, and the walk runs in worker threads (or a turn at a time here). Their JSON is ready before the walk ends:
// - kept from an earlier list of the same index (io/json-rows.ts): each article's JSON but for its marks, so the
//   output copies those bytes with the marks of today between them;
// - else made at once, while the walk goes on, in slices of consecutive articles (made a turn at a time, the
//   slices waited behind the walk's messages and were not ready when it ended), and kept for the next list once
//   the walk has found the library unchanged.
// The output then writes what is ready wherever the walk confirmed the articles unchanged (the very same objects,
// in the same order) and makes only the rest.
import type {ArticleMeta} from '../core/article/article.ts';
import type {JsonRows} from '../io/json-rows.ts';
import {readJsonRows, writeJsonRows} from '../io/json-rows.ts';
import type {IndexedFrom} from '../io/scan-types.ts';
import type {JsonSlice as Slice} from './list-format.ts';
import {articleJsonParts, marksJson} from './list-format.ts';

/** Articles per slice: a few milliseconds of work, and a write of ~200 KB. */
const SLICE = 500;
/** Articles per piece copied from kept rows: a write of ~500 KB. */
const RUN = 2000;
const SEPARATOR = Buffer.from(',\n');

type Marks = (article: ArticleMeta) => boolean;

export class EarlyJson {
	private indexed: readonly ArticleMeta[] = [];
	private from: IndexedFrom | null = null;
	private rows: JsonRows | null = null;
	/** Made when no rows were kept: written for the next list if the library proves unchanged. */
	private parts: [string, string][] | null = null;
	/** By the first article of each slice made. */
	private readonly slices = new Map<ArticleMeta, Slice & {articles: readonly ArticleMeta[]}>();
	private positions: Map<ArticleMeta, number> | null = null;
	/** The four ways the marks read, as bytes, by read + 2 × starred. */
	private readonly marks = [false, true].flatMap((starred) =>
		[false, true].map((read) => Buffer.from(marksJson(read, starred))),
	);

	constructor(
		private readonly isRead: Marks,
		private readonly isStarred: Marks = () => false,
	) {}

	/** The index's articles, newest first, before the walk has checked them: their JSON is made ready now. */
	take(indexed: readonly ArticleMeta[], from: IndexedFrom): void {
		this.indexed = indexed;
		this.from = from;
		this.rows = readJsonRows(from.file, from.digest, indexed.length);
		if (this.rows) return;
		const parts = indexed.map(articleJsonParts);
		this.parts = parts;
		for (let at = 0; at < indexed.length; at += SLICE) {
			const articles = indexed.slice(at, at + SLICE);
			const text = articles
				.map((article, k) => {
					const [head, tail] = parts[at + k]!;
					return `${head}${marksJson(this.isRead(article), this.isStarred(article))}${tail}`;
				})
				.join(',\n');
			this.slices.set(articles[0]!, {articles, count: articles.length, bytes: Buffer.from(text)});
		}
	}

	/** What is ready of `articles` from `start` on: the JSON lines of the next `count` articles, if any. */
	sliceAt(articles: readonly ArticleMeta[], start: number): Slice | null {
		return this.rows ? this.rowsAt(this.rows, articles, start) : this.madeAt(articles, start);
	}

	/**
	 * After the output: rows made here are kept for the next list when `final` (the load's articles) are the
	 * indexed ones, the library unchanged. Never throws.
	 */
	async keep(final: readonly ArticleMeta[]): Promise<void> {
		if (this.parts === null || this.from === null || final !== this.indexed) return;
		await writeJsonRows(this.from.file, this.from.digest, this.parts);
	}

	private madeAt(articles: readonly ArticleMeta[], start: number): Slice | null {
		const slice = this.slices.get(articles[start]!);
		if (!slice || start + slice.count > articles.length) return null;
		for (let i = 1; i < slice.count; i++) if (articles[start + i] !== slice.articles[i]) return null;
		return slice;
	}

	/** The kept rows of the indexed articles that `articles` holds in a run from `start` on. */
	private rowsAt(rows: JsonRows, articles: readonly ArticleMeta[], start: number): Slice | null {
		const first = articles === this.indexed ? start : this.positionOf(articles[start]!);
		if (first === undefined) return null;
		let count = 1;
		while (count < RUN && start + count < articles.length && articles[start + count] === this.indexed[first + count])
			count++;
		const {offsets, text} = rows;
		const marks: Buffer[] = [];
		let length = (count - 1) * SEPARATOR.length + offsets[2 * (first + count)]! - offsets[2 * first]!;
		for (let k = 0; k < count; k++) {
			const article = articles[start + k]!;
			const mark = this.marks[Number(this.isRead(article)) + 2 * Number(this.isStarred(article))]!;
			marks.push(mark);
			length += mark.length;
		}
		const bytes = Buffer.allocUnsafe(length);
		let at = 0;
		for (let k = 0; k < count; k++) {
			const row = 2 * (first + k);
			if (k > 0) at += SEPARATOR.copy(bytes, at);
			at += text.copy(bytes, at, offsets[row], offsets[row + 1]);
			at += marks[k]!.copy(bytes, at);
			at += text.copy(bytes, at, offsets[row + 1], offsets[row + 2]);
		}
		return {count, bytes};
	}

	private positionOf(article: ArticleMeta): number | undefined {
		if (this.positions === null) this.positions = new Map(this.indexed.map((meta, position) => [meta, position]));
		return this.positions.get(article);
	}
}
