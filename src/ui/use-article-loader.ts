// Reads and renders the open article off the key path. The read is async, and the article under the list
// cursor is read ahead once the cursor rests, so Enter only has to render. A long article is shown in two
// steps: its beginning at once (a screenful needs a few kilobytes), then the whole, so the first lines come
// quickly even when the whole takes long. A resize renders the same article again at the new width (the
// reducer keeps the reading position).
import {useEffect, useRef} from 'react';
import type {Article, ArticleMeta} from '../core/article.ts';
import type {Line} from '../core/render.ts';
import type {Action, BrowserState} from '../core/state.ts';

export type LoadArticle = (meta: ArticleMeta) => Promise<Article>;
export type RenderLines = (article: Article, width: number) => readonly Line[];

/** Bodies longer than this are shown in two steps. */
const PREVIEW_FROM = 16_000;
/** About how much of the body the first step renders. */
const PREVIEW_LENGTH = 5_000;
/** The article under the cursor is read once the cursor has rested this long. */
const READ_AHEAD_MS = 100;
/** Articles kept read: the open one and the one under the cursor. */
const KEPT_ARTICLES = 2;
/** Longer than Ink's frame interval, so a frame is written before a long render blocks. */
const FRAME_DELAY_MS = 20;

const delay = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

// Where a block of HTML ends (or a markdown paragraph): a cut there leaves whole paragraphs.
const htmlBlockEnd = /<\/(?:p|div|h[1-6]|li|ul|ol|dl|blockquote|pre|table|section|article|figure|header|footer)\s*>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The beginning of a long article (whole paragraphs, about PREVIEW_LENGTH characters), or null for a short one. */
export function previewOf(article: Article): Article | null {
	const {body} = article;
	if (body.length <= PREVIEW_FROM) return null;
	// The last block end before PREVIEW_LENGTH, else the first one after it (within twice as much).
	const ends = article.format === 'markdown'
		? Array.from(body.slice(0, 2 * PREVIEW_LENGTH).matchAll(/\n\n/g), (match) => match.index + 2)
		: Array.from(body.slice(0, 2 * PREVIEW_LENGTH).matchAll(htmlBlockEnd), (match) => match.index + match[0].length);
	const cut = ends.filter((end) => end <= PREVIEW_LENGTH).at(-1) ?? ends[0];
	if (cut === undefined || cut < PREVIEW_LENGTH / 4) return null;
	return {...article, body: body.slice(0, cut)};
}

/** A few articles already read, by item; the oldest goes first. */
class ArticleCache {
	private readonly articles = new Map<number, Article>();
	get(item: number): Article | undefined {
		return this.articles.get(item);
	}
	set(item: number, article: Article): void {
		this.articles.delete(item);
		this.articles.set(item, article);
		for (const oldest of this.articles.keys()) {
			if (this.articles.size <= KEPT_ARTICLES) break;
			this.articles.delete(oldest);
		}
	}
}

export function useArticleLoader(state: BrowserState, loadArticle: LoadArticle, renderLines: RenderLines, dispatch: (action: Action) => void): void {
	const cache = useRef(new ArticleCache()).current;
	const item = state.reader?.item ?? null;
	const status = state.reader?.status ?? null;
	const renderedWidth = state.reader?.width ?? 0;
	const width = state.layout.readerTextWidth;
	const meta = item === null ? null : (state.library.items[item] ?? null);
	const wanted = meta !== null && width > 0
		&& (status === 'loading' || status === 'partial' || (status === 'ready' && renderedWidth !== width));

	useEffect(() => {
		if (!wanted || item === null || meta === null) return;
		let cancelled = false;
		const fail = (message: string) => {
			if (!cancelled) dispatch({type: 'readerFailed', item, message});
		};
		void (async () => {
			let article = cache.get(item);
			if (!article) {
				try {
					article = await loadArticle(meta);
				} catch (error) {
					fail(error instanceof Error ? error.message : String(error));
					return;
				}
				cache.set(item, article);
			}
			if (cancelled) return;
			// Opening: the beginning first when the article is long. Then (this effect again, for `partial`) the whole.
			const preview = status === 'loading' ? previewOf(article) : null;
			// A long render waits for the frame before it ("loading…", or the beginning) to reach the screen.
			const long = preview === null && article.body.length > PREVIEW_FROM;
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
	}, [wanted, item, meta, status, width, cache, loadArticle, renderLines, dispatch]);

	// Read ahead: the article under the list cursor, once it rests there and nothing else is being opened.
	const cursorItem = state.rows[state.list.index];
	const cursorMeta = cursorItem === undefined ? null : (state.library.items[cursorItem] ?? null);
	const busy = status === 'loading' || status === 'partial';
	useEffect(() => {
		if (busy || cursorItem === undefined || cursorMeta === null || cache.get(cursorItem)) return;
		let cancelled = false;
		const timer = setTimeout(() => {
			loadArticle(cursorMeta).then((article) => {
				if (!cancelled) cache.set(cursorItem, article);
			}, () => {
				// Opening it will say what is wrong.
			});
		}, READ_AHEAD_MS);
		return () => {
			cancelled = true;
			clearTimeout(timer);
		};
	}, [busy, cursorItem, cursorMeta, cache, loadArticle]);
}
