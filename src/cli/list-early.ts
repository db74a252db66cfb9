// `leaf list --json` with an index: the indexed articles are known, newest first, before the walk has checked
// them, and the walk runs in worker threads. Their JSON is made and encoded at once, while the walk goes on, in
// slices of consecutive articles (done as the index is read: made a turn at a time, the slices waited behind the
// walk's messages and were not ready when it ended). The output then writes a slice as it is wherever the walk
// confirmed all its articles unchanged (the very same objects, in the same order) and makes only the rest: a warm
// list of an unchanged library does no JSON work after the walk.
import type {ArticleMeta} from '../core/article/article.ts';
import type {JsonSlice as Slice} from './list-format.ts';
import {articleJson} from './list-format.ts';

/** Articles per slice: a few milliseconds of work, and a write of ~200 KB. */
const SLICE = 500;

export class EarlyJson {
	/** By the first article of each slice made. */
	private readonly slices = new Map<ArticleMeta, Slice>();

	constructor(
		private readonly isRead: (article: ArticleMeta) => boolean,
		private readonly isStarred: (article: ArticleMeta) => boolean = () => false,
	) {}

	/** The index's articles, newest first, before the walk has checked them: their JSON is made now. */
	take(indexed: readonly ArticleMeta[]): void {
		for (let at = 0; at < indexed.length; at += SLICE) {
			const articles = indexed.slice(at, at + SLICE);
			const text = articles
				.map((article) => articleJson(article, this.isRead(article), this.isStarred(article)))
				.join(',\n');
			this.slices.set(articles[0]!, {articles, bytes: Buffer.from(text)});
		}
	}

	/** The slice that `articles` holds from `start` on, if one was made. */
	sliceAt(articles: readonly ArticleMeta[], start: number): Slice | null {
		const slice = this.slices.get(articles[start]!);
		if (!slice || start + slice.articles.length > articles.length) return null;
		for (let i = 1; i < slice.articles.length; i++) if (articles[start + i] !== slice.articles[i]) return null;
		return slice;
	}
}
