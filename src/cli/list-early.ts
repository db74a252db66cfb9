// `leaf list --json` with an index: the indexed articles are known, newest first, before the walk has checked
// them, and the walk (in a worker thread) leaves this thread waiting. Their JSON is made and encoded in that
// wait, in slices of consecutive articles, a slice at a time so the walk's messages are taken between them.
// The output then writes a slice as it is wherever the walk confirmed all its articles unchanged (the very
// same objects, in the same order) and makes only the rest: a warm list of an unchanged library does no
// JSON work after the walk.
import type {ArticleMeta} from '../core/article/article.ts';
import type {JsonSlice as Slice} from './list-format.ts';
import {articleJson} from './list-format.ts';

/** Articles per slice: a few milliseconds of work, and a write of ~200 KB. */
const SLICE = 500;

export class EarlyJson {
	/** By the first article of each slice made. */
	private readonly slices = new Map<ArticleMeta, Slice>();
	private indexed: readonly ArticleMeta[] = [];
	private at = 0;
	private stopped = false;
	private offered = false;

	constructor(
		private readonly isRead: (article: ArticleMeta) => boolean,
		private readonly isStarred: (article: ArticleMeta) => boolean = () => false,
	) {}

	/** The scan's progress: only its first call, when it is the index (nothing checked yet), is used. */
	offer(progress: {done: number; added: readonly ArticleMeta[]}): void {
		if (this.offered) return;
		this.offered = true;
		if (progress.done !== 0 || progress.added.length < SLICE) return;
		this.indexed = progress.added;
		this.next();
	}

	/** No more work: the output makes the rest itself. */
	stop(): void {
		this.stopped = true;
	}

	/** The slice that `articles` holds from `start` on, if one was made. */
	sliceAt(articles: readonly ArticleMeta[], start: number): Slice | null {
		const slice = this.slices.get(articles[start]!);
		if (!slice || start + slice.articles.length > articles.length) return null;
		for (let i = 1; i < slice.articles.length; i++) if (articles[start + i] !== slice.articles[i]) return null;
		return slice;
	}

	private next(): void {
		if (this.stopped || this.at >= this.indexed.length) return;
		setImmediate(() => {
			if (this.stopped) return;
			const articles = this.indexed.slice(this.at, this.at + SLICE);
			this.at += articles.length;
			const text = articles
				.map((article) => articleJson(article, this.isRead(article), this.isStarred(article)))
				.join(',\n');
			this.slices.set(articles[0]!, {articles, bytes: Buffer.from(text)});
			this.next();
		});
	}
}
