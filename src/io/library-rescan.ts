// The library read again where the watcher saw changes, and only there: the folders where an article file came,
// changed or went are listed (not their subfolders: those have watches of their own), and the folders that
// appeared or vanished are listed whole; their article files are statted and compared with what the last read
// found, and the new and changed ones are read (front matter only). At 100,000 articles a full read (every file
// statted, the index read and written again) takes seconds; a folder's worth takes milliseconds. What a listing
// cannot settle exactly as the full walk would (a symbolic link, an unreadable folder, many files to read) is
// answered null: the caller reads the whole library instead. The index is not written here: it is a cache, and
// the next full read (a start, `R`) reads these few files again.
import type {Dirent} from 'node:fs';
import {readdirSync, statSync} from 'node:fs';
import type {ArticleMeta} from '../core/article/article.ts';
import {newestFirstOrder} from '../core/article/order.ts';
import {absolutePath, isArticleName, isSkipped, MAX_ARTICLE_BYTES} from './library-walk.ts';
import {sameFileStats, type KnownLibrary} from './scan-types.ts';

/** Where the watcher saw changes, as paths relative to the library, `/`-separated ('' is the library itself). */
export interface ChangedFolders {
	/** Folders where article files came, changed or went. */
	folders: readonly string[];
	/** Folders that appeared or vanished (or were replaced): everything under them is listed again. */
	trees: readonly string[];
}

/** More files to read than this: the full read, with its worker threads, does better than this thread. */
const MAX_READS = 256;

/** Article files listed: their relative paths, and the size, mtimeMs and ctimeMs of each (three numbers a file). */
interface Found {
	paths: string[];
	stats: number[];
}

class NeedsFullRead extends Error {}

/** The library after the changes, or null when only a full read can tell. */
export async function rescanFolders(
	root: string,
	known: KnownLibrary,
	changed: ChangedFolders,
): Promise<{library: KnownLibrary; warnings: string[]} | null> {
	const folders = new Set(changed.folders);
	const trees = [...new Set(changed.trees)];
	const inTree = (path: string) => trees.some((tree) => tree === '' || path.startsWith(`${tree}/`));
	const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

	const found: Found = {paths: [], stats: []};
	try {
		for (const folder of folders) if (!inTree(`${folder}/`)) listFolder(root, folder, false, found);
		for (const tree of trees) listFolder(root, tree, true, found);
	} catch (error) {
		if (error instanceof NeedsFullRead) return null;
		throw error;
	}

	// The known articles in the listed places: each is kept, read again, or gone.
	const listed = (path: string) => folders.has(folderOf(path)) || inTree(path);
	const knownHere = new Map<string, number>();
	known.articles.forEach((meta, i) => {
		if (listed(meta.path)) knownHere.set(meta.path, i);
	});
	/** Indexes in `found` of the files to read. */
	const toRead: number[] = [];
	const dropped = new Set<number>();
	found.paths.forEach((path, f) => {
		const i = knownHere.get(path);
		knownHere.delete(path);
		if (i !== undefined && sameFileStats(known.stats, i, found.stats, f)) return;
		if (i !== undefined) dropped.add(i);
		toRead.push(f);
	});
	for (const i of knownHere.values()) dropped.add(i);
	if (toRead.length > MAX_READS) return null;
	if (toRead.length === 0 && dropped.size === 0) return {library: known, warnings: []};

	const {parseFound} = await import('./scan-head.ts');
	const parsed = parseFound(
		root,
		toRead.map((f) => found.paths[f]!),
	);
	const articles: ArticleMeta[] = [];
	const stats: number[] = [];
	known.articles.forEach((meta, i) => {
		if (dropped.has(i)) return;
		articles.push(meta);
		stats.push(known.stats[i * 3]!, known.stats[i * 3 + 1]!, known.stats[i * 3 + 2]!);
	});
	parsed.metas.forEach((meta, i) => {
		if (!meta) return;
		const f = toRead[i]!;
		articles.push(meta);
		stats.push(found.stats[f * 3]!, found.stats[f * 3 + 1]!, found.stats[f * 3 + 2]!);
	});
	const order = newestFirstOrder(articles);
	const sortedStats = new Float64Array(order.length * 3);
	order.forEach((position, i) => {
		for (let k = 0; k < 3; k++) sortedStats[i * 3 + k] = stats[position * 3 + k]!;
	});
	return {
		library: {articles: Array.from(order, (i) => articles[i]!), stats: sortedStats},
		warnings: parsed.warnings,
	};
}

/**
 * Adds to `found` the article files of one folder (`recursive`: and of every folder under it), as the full walk
 * would find them. A folder that is gone has none. Throws NeedsFullRead for a symbolic link or a folder that cannot
 * be read.
 */
function listFolder(root: string, folder: string, recursive: boolean, found: Found): void {
	const pending = [folder];
	while (pending.length > 0) {
		const current = pending.pop()!;
		let entries: Dirent[];
		try {
			entries = readdirSync(absolutePath(root, current), {withFileTypes: true});
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT' || code === 'ENOTDIR') continue;
			throw new NeedsFullRead();
		}
		for (const entry of entries) {
			if (isSkipped(entry.name)) continue;
			const relative = current ? `${current}/${entry.name}` : entry.name;
			if (entry.isSymbolicLink()) throw new NeedsFullRead();
			if (entry.isDirectory()) {
				if (recursive) pending.push(relative);
			} else if (entry.isFile() && isArticleName(entry.name)) {
				let info;
				try {
					info = statSync(absolutePath(root, relative), {throwIfNoEntry: false});
				} catch {
					throw new NeedsFullRead();
				}
				if (info?.isFile() && info.size <= MAX_ARTICLE_BYTES) {
					found.paths.push(relative);
					found.stats.push(info.size, info.mtimeMs, info.ctimeMs);
				}
			}
		}
	}
}
