// The render pipeline (HTML and markdown to lines, with html-to-text, htmlparser2, marked and the line breaker),
// loaded on first need: no frame needs it before an article is opened, and loading it is tens of milliseconds of
// the main thread, which the start gives to the library's first load first.
import type {RenderLines} from '../ui/use-article-loader.ts';

/** If no frame is written after the library is read, the pipeline loads this long after anyway. */
const LOAD_FALLBACK_MS = 250;

export interface LazyRenderer {
	/** Loads the pipeline (once); every article the app renders comes through loadArticle, which waits for it. */
	ready: () => Promise<void>;
	/** Lines of an article; none until loaded (the warm-up's samples, which wait for the library, find it loaded). */
	lines: RenderLines;
	/** Call after each frame written: the first frame after `libraryRead` (the one that shows it counted) loads it. */
	frameWritten: () => void;
	/** Call once the library's first load has ended. */
	libraryRead: () => void;
}

export function lazyRenderer(): LazyRenderer {
	let module: typeof import('../core/render/render.ts') | null = null;
	let loading: Promise<void> | null = null;
	let read = false;
	const ready = () =>
		(loading ??= import('../core/render/render.ts').then((loaded) => {
			module = loaded;
		}));
	const loadSoon = () => {
		// A turn later: the frame's write returns first.
		if (loading === null) setImmediate(() => void ready());
	};
	return {
		ready,
		lines: (article, width) => module?.renderArticle(article, {width}) ?? [],
		frameWritten: () => {
			if (read) loadSoon();
		},
		libraryRead: () => {
			read = true;
			setTimeout(loadSoon, LOAD_FALLBACK_MS).unref();
		},
	};
}
