// `leaf list --json` with an index: the indexed articles are known, newest first, before the walk has checked
// them, and the walk runs in worker threads. Their JSON is made and encoded at once, while the walk goes on, in
// blocks of consecutive articles (done as the index is read: made a turn at a time, the blocks waited behind the
// walk's messages and were not ready when it ended). The output then uses a block as it is wherever the walk
// confirmed all its articles unchanged (the very same objects, in the same order) and makes only the rest: a warm
// list of a library that changed a little makes little JSON after the walk.
import type {ArticleMeta} from '../core/article/article.ts';
import {jsonBlock, type JsonBlock} from './list-json.ts';

/** Articles per block: a few milliseconds of work, ~200 KB of JSON. */
const BLOCK = 500;

interface Made {
	articles: readonly ArticleMeta[];
	block: JsonBlock;
}

export class EarlyJson {
	/** By the first article of each block made. */
	private readonly made = new Map<ArticleMeta, Made>();

	/** The index's articles, newest first, before the walk has checked them: their JSON is made now. */
	take(indexed: readonly ArticleMeta[]): void {
		for (let at = 0; at < indexed.length; at += BLOCK) {
			const articles = indexed.slice(at, at + BLOCK);
			this.made.set(articles[0]!, {articles, block: jsonBlock(articles)});
		}
	}

	/** The blocks of all `articles` in order: those made early where they still hold, the rest made now. */
	*blocks(articles: readonly ArticleMeta[]): Generator<JsonBlock> {
		let fresh: ArticleMeta[] = [];
		for (let i = 0; i < articles.length;) {
			const made = this.madeAt(articles, i);
			if (made) {
				if (fresh.length > 0) yield jsonBlock(fresh);
				fresh = [];
				yield made.block;
				i += made.articles.length;
				continue;
			}
			fresh.push(articles[i]!);
			i++;
			if (fresh.length >= BLOCK) {
				yield jsonBlock(fresh);
				fresh = [];
			}
		}
		if (fresh.length > 0) yield jsonBlock(fresh);
	}

	/** The block made of what `articles` holds from `start` on, if one was. */
	private madeAt(articles: readonly ArticleMeta[], start: number): Made | null {
		const made = this.made.get(articles[start]!);
		if (!made || start + made.articles.length > articles.length) return null;
		for (let i = 1; i < made.articles.length; i++) if (articles[start + i] !== made.articles[i]) return null;
		return made;
	}
}
