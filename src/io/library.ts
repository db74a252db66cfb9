// Finds and reads the articles of a library folder. The walk, the index cache and the
// front-matter reading are in scan-run.ts and the modules it uses.
import {readFile, realpath, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {Article, ArticleMeta} from '../core/article/article.ts';
import {parseArticle} from '../core/article/article.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {indexFileFor} from './index-cache.ts';
import {fsErrorReason, printablePath} from './library-walk.ts';
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
	// Sorted newest first.
	return runScan({root, rootReal, indexFile}, options);
}

/** Read and parse one article's whole file (bodies are never kept for the whole library). */
export async function readArticle(root: string, meta: ArticleMeta): Promise<Article> {
	let source: string;
	try {
		source = await readFile(join(root, meta.path), 'utf8');
	} catch (error) {
		throw new LibraryError(`cannot read ${printablePath(meta.path)}: ${fsErrorReason(error)}`);
	}
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
