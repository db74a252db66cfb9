// Finds and reads the articles of a library folder.
import {readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {Article, ArticleMeta} from '../core/article.ts';
import {parseArticle, parseArticleMeta} from '../core/article.ts';
import {sanitizeLine} from '../core/sanitize.ts';
import type {FoundFile} from './library-walk.ts';
import {reason, show, walkLibrary} from './library-walk.ts';

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

/** Files read at once: enough to keep the disk busy, few enough to stay far from EMFILE. */
const CONCURRENCY = 16;
/** Articles per onProgress call. */
const PROGRESS_BATCH = 250;

export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<LibraryScan> {
	await assertLibraryFolder(root);
	const warnings: string[] = [];
	const articles: ArticleMeta[] = [];
	let total = 0;
	let done = 0;
	let added: ArticleMeta[] = [];
	const report = (force: boolean) => {
		if (!options.onProgress || (!force && added.length < PROGRESS_BATCH)) return;
		const batch = added;
		added = [];
		options.onProgress({done, total, added: batch});
	};

	const files = new WorkQueue<FoundFile>();
	const walking = (async () => {
		try {
			for await (const found of walkLibrary(root, (line) => warnings.push(line))) {
				total += found.length;
				files.push(found);
			}
		} finally {
			files.close();
		}
	})();
	const readOne = async (file: FoundFile) => {
		const meta = await readMeta(file, warnings);
		done++;
		if (meta) {
			articles.push(meta);
			added.push(meta);
		}
		report(false);
	};
	const workers = Array.from({length: CONCURRENCY}, async () => {
		for (let file = await files.take(); file; file = await files.take()) await readOne(file);
	});
	await Promise.all([walking, ...workers]);
	report(true);
	return {articles: articles.sort(newestFirst), warnings};
}

/** Read and parse one article's whole file (bodies are never kept for the whole library). */
export async function readArticle(root: string, meta: ArticleMeta): Promise<Article> {
	let source: string;
	try {
		source = await readFile(join(root, meta.path), 'utf8');
	} catch (error) {
		throw new LibraryError(`cannot read ${show(meta.path)}: ${reason(error)}`);
	}
	return parseArticle(source, meta.path);
}

/** Newest first, undated last, then by path so the order never depends on the walk. */
export function newestFirst(a: ArticleMeta, b: ArticleMeta): number {
	const byDate = (b.date?.getTime() ?? -Infinity) - (a.date?.getTime() ?? -Infinity);
	if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Throws a LibraryError unless `root` is a folder we can open. */
export async function assertLibraryFolder(root: string): Promise<void> {
	const name = sanitizeLine(root);
	let info;
	try {
		info = await stat(root);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new LibraryError(code === 'ENOENT' ? `no such folder: ${name}` : `cannot open ${name}: ${reason(error)}`);
	}
	if (!info.isDirectory()) throw new LibraryError(`not a folder: ${name}`);
}

// Issue 5 replaces the whole-file read with the index cache and a front-matter-only read;
// parseArticleMeta stays the one place metadata is made.
async function readMeta(file: FoundFile, warnings: string[]): Promise<ArticleMeta | null> {
	let source: string;
	try {
		source = await readFile(file.absolute, 'utf8');
	} catch (error) {
		warnings.push(`cannot read ${show(file.relative)}: ${reason(error)}`);
		return null;
	}
	try {
		return parseArticleMeta(source, file.relative);
	} catch (error) {
		// parseArticleMeta does not throw on bad input; this is the guard against a bug taking the scan down.
		warnings.push(`cannot read ${show(file.relative)}: ${error instanceof Error ? sanitizeLine(error.name) : 'unknown error'}`);
		return null;
	}
}

/** Items pushed by one producer, taken by several consumers; take() gives undefined once closed and empty. */
class WorkQueue<T> {
	private items: T[] = [];
	private head = 0;
	private closed = false;
	private waiting: (() => void)[] = [];

	push(items: readonly T[]): void {
		for (const item of items) this.items.push(item);
		this.wake();
	}

	close(): void {
		this.closed = true;
		this.wake();
	}

	async take(): Promise<T | undefined> {
		while (this.head >= this.items.length) {
			if (this.closed) return undefined;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		const item = this.items[this.head++];
		if (this.head > 4096 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return item;
	}

	private wake(): void {
		for (const resolve of this.waiting.splice(0)) resolve();
	}
}
