// Finds and reads the articles of a library folder. The walk, the index cache and the
// front-matter reading are in scan-run.ts and the modules it uses.
import {realpath, stat} from 'node:fs/promises';
import {dirname} from 'node:path';
import type {Article, ArticleMeta} from '../core/article/article.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {indexFileFor} from './index-cache.ts';
import {pruneIndexes} from './index-prune.ts';
import {readListedFile} from './library-open.ts';
import {fsErrorReason} from './library-walk.ts';
import {runScan} from './scan-run.ts';
import type {LibraryScan, LoadOptions} from './scan-types.ts';

export type {LibraryScan, LoadOptions, ScanProgress} from './scan-types.ts';

/** Thrown for a library that does not exist or is not a folder: its message is the one line to print. */
export class LibraryError extends Error {}

export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<LibraryScan> {
	await assertLibraryFolder(root);
	let rootReal: string;
	try {
		rootReal = await realpath(root);
	} catch (error) {
		throw new LibraryError(`cannot open ${sanitizeLine(root)}: ${fsErrorReason(error)}`);
	}
	const indexFile = options.cache === false ? null : indexFileFor(rootReal);
	if (indexFile !== null) pruneOnce(dirname(indexFile), indexFile);
	// Sorted newest first.
	return runScan({root, rootReal, indexFile}, options);
}

let pruned = false;

/** Once per process, in the background: the start does not wait for it. */
function pruneOnce(folder: string, keep: string): void {
	if (pruned) return;
	pruned = true;
	void pruneIndexes(folder, keep);
}

/**
 * Read and parse one article's whole file (bodies are never kept for the whole library), if it is still what
 * the walk listed (library-open.ts). Throws a LibraryError whose message is the one line to show.
 */
export async function readArticle(root: string, meta: ArticleMeta): Promise<Article> {
	let source: string;
	try {
		source = await readListedFile(root, meta.path);
	} catch (error) {
		throw new LibraryError(error instanceof Error ? error.message : String(error));
	}
	// The parsers are loaded on first use: an indexed library is listed without them.
	const {parseArticle} = await import('../core/article/article.ts');
	return parseArticle(source, meta.path);
}

/** Throws a LibraryError unless `root` is a folder we can open. */
export async function assertLibraryFolder(root: string): Promise<void> {
	const name = sanitizeLine(root);
	let info;
	try {
		info = await stat(root);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new LibraryError(
			code === 'ENOENT' ? `no such folder: ${name}` : `cannot open ${name}: ${fsErrorReason(error)}`,
		);
	}
	if (!info.isDirectory()) throw new LibraryError(`not a folder: ${name}`);
}
