// Reads and renders the open article off the key path. The read is async; the article under the list cursor
// is read ahead once the cursor rests, and its beginning rendered at the reader's size, so that Enter only has
// to draw (the key handler hands these prepared lines to the reducer with the command). A long article is shown
// in two steps: its beginning at once, then the whole, so the first lines come quickly even when the whole
// takes long. A resize renders the same article again at the new width (the reducer keeps the reading position).
//
// The effects are layout effects: their timers are set or cleared in the commit itself, before a timer that
// is already due (a warm-up, a read-ahead for a row no longer under the cursor) can run in the way.
import {useCallback, useLayoutEffect, useRef} from 'react';
import type {Article, ArticleMeta} from '../core/article/article.ts';
import type {Line} from '../core/render/lines.ts';
import type {Action, BrowserState, PreparedLines} from '../core/browser/types.ts';
import {previewLength, previewOf} from './article-preview.ts';

export type LoadArticle = (meta: ArticleMeta) => Promise<Article>;
export type RenderLines = (article: Article, width: number) => readonly Line[];

/** The article under the cursor is read (and its beginning rendered) once the cursor has rested this long. */
const READ_AHEAD_MS = 25;
/** Articles kept read: the open one and the one under the cursor. */
const KEPT_ARTICLES = 2;
/** Longer than Ink's frame interval, so a frame is written before a long render blocks. */
const FRAME_DELAY_MS = 20;

const delay = (ms: number) =>
	new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** A few articles read (or being read), by item; the oldest goes first. A failed read is not kept. */
class ArticleCache {
	private readonly articles = new Map<number, Promise<Article>>();

	/** The article, read now unless it is kept or already being read (by the read-ahead, say). */
	read(item: number, meta: ArticleMeta, loadArticle: LoadArticle): Promise<Article> {
		let article = this.articles.get(item);
		if (!article) {
			const reading = loadArticle(meta);
			reading.catch(() => {
				if (this.articles.get(item) === reading) this.articles.delete(item);
			});
			article = reading;
		}
		this.articles.delete(item);
		this.articles.set(item, article);
		for (const oldest of this.articles.keys()) {
			if (this.articles.size <= KEPT_ARTICLES) break;
			this.articles.delete(oldest);
		}
		return article;
	}
}

/** Returns the lines prepared for the article under the cursor (null if none yet), for the key handler. */
export function useArticleLoader(
	state: BrowserState,
	loadArticle: LoadArticle,
	renderLines: RenderLines,
	dispatch: (action: Action) => void,
): () => PreparedLines | null {
	const cache = useRef(new ArticleCache()).current;
	const prepared = useRef<PreparedLines | null>(null);
	const item = state.reader?.item ?? null;
	const status = state.reader?.status ?? null;
	const renderedWidth = state.reader?.width ?? 0;
	const width = state.layout.readerTextWidth;
	const length = previewLength(width, state.layout.bodyHeight);
	const meta = item === null ? null : (state.library.items[item] ?? null);
	const wanted =
		meta !== null &&
		width > 0 &&
		(status === 'loading' || status === 'partial' || (status === 'ready' && renderedWidth !== width));

	useLayoutEffect(() => {
		if (!wanted || item === null || meta === null) return;
		let cancelled = false;
		const fail = (message: string) => {
			if (!cancelled) dispatch({type: 'readerFailed', item, message});
		};
		void (async () => {
			let article: Article;
			try {
				article = await cache.read(item, meta, loadArticle);
			} catch (error) {
				fail(error instanceof Error ? error.message : String(error));
				return;
			}
			if (cancelled) return;
			// Opening: the beginning first when the article is long. Then (this effect again, for `partial`) the whole.
			const preview = status === 'loading' ? previewOf(article, length) : null;
			// A long render waits for the frame before it ("loading…", or the beginning) to reach the screen.
			const long = preview === null && article.body.length > 2 * length;
			await delay(status === 'partial' || long ? FRAME_DELAY_MS : 0);
			if (cancelled) return;
			try {
				const lines = renderLines(preview ?? article, width);
				if (!cancelled) dispatch({type: 'readerLoaded', item, width, lines, partial: preview !== null});
			} catch (error) {
				fail(`cannot show this article: ${error instanceof Error ? error.message : String(error)}`);
			}
		})();
		return () => {
			cancelled = true;
		};
	}, [wanted, item, meta, status, width, length, cache, loadArticle, renderLines, dispatch]);

	// Read ahead: the article under the list cursor, once it rests there and nothing is being opened.
	const cursorItem = state.rows[state.list.index];
	const cursorMeta = cursorItem === undefined ? null : (state.library.items[cursorItem] ?? null);
	const busy = status === 'loading' || status === 'partial';
	// The reader previews them while no article is open (reducer's `preview`).
	const shownPreview = state.preview;
	useLayoutEffect(() => {
		const known = prepared.current;
		if (busy || cursorItem === undefined || cursorItem === item || cursorMeta === null || width <= 0) return;
		if (known?.item === cursorItem && known.width === width) {
			if (shownPreview !== known) dispatch({type: 'previewLoaded', prepared: known});
			return;
		}
		let cancelled = false;
		const prepare = (article: Article) => {
			const preview = previewOf(article, length);
			try {
				const lines = renderLines(preview ?? article, width);
				prepared.current = {item: cursorItem, width, lines, partial: preview !== null};
				dispatch({type: 'previewLoaded', prepared: prepared.current});
			} catch {
				// Opening it will say what is wrong.
			}
		};
		const timer = setTimeout(() => {
			cache.read(cursorItem, cursorMeta, loadArticle).then(
				(article) => {
					if (!cancelled) prepare(article);
				},
				() => {
					// Opening it will say what is wrong.
				},
			);
		}, READ_AHEAD_MS);
		return () => {
			cancelled = true;
			clearTimeout(timer);
		};
	}, [busy, cursorItem, cursorMeta, item, width, length, cache, loadArticle, renderLines, dispatch, shownPreview]);

	return useCallback(() => prepared.current, []);
}
