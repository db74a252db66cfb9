// PLACEHOLDER (being replaced by the library helper): find and read the articles of a folder.
import type {Article, ArticleMeta} from '../core/article.ts';

export interface LibraryScan {
	/** Newest first; articles without a date last. */
	articles: ArticleMeta[];
	/** One line per file that could not be read at all (it is skipped). */
	warnings: string[];
}

export interface ScanProgress {
	/** Files looked at so far, and the total found (total may grow while the walk goes on). */
	done: number;
	total: number;
	/** Articles added since the previous call. */
	added: ArticleMeta[];
}

export interface LoadOptions {
	onProgress?: (progress: ScanProgress) => void;
}

/** Thrown for a library that does not exist or is not a folder: its message is the one line to print. */
export class LibraryError extends Error {}

export async function loadLibrary(_root: string, _options: LoadOptions = {}): Promise<LibraryScan> {
	return {articles: [], warnings: []};
}

/** Read and parse one article's whole file (bodies are never kept for the whole library). */
export async function readArticle(_root: string, meta: ArticleMeta): Promise<Article> {
	return {...meta, body: '', format: 'html'};
}
