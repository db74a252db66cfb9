// Index files of libraries not opened for a long time, or whose folder is gone, are removed at start, in the
// background: without this the cache holds one file per library path ever opened, for ever.
import {open, readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {listCacheFileFor} from './index-cache.ts';

/** An index not read or written for this long belongs to a library no longer read. */
export const UNUSED_INDEX_MS = 90 * 24 * 60 * 60 * 1000;
/** Index files, and the list caches beside them (list-cache.ts). */
const INDEX_NAME = /^(index|list)-[0-9a-f]{24}\.bin$/;
/** The header line holds the library's path; a path is at most 4096 bytes on Linux. */
const HEADER_BYTES = 8192;

/** Removes the prunable index files of `folder` but `keep` (and its list cache); returns their names. Never throws. */
export async function pruneIndexes(folder: string, keep: string | null, now = Date.now()): Promise<string[]> {
	const removed: string[] = [];
	const names = await readdir(folder).catch(() => [] as string[]);
	for (const name of names) {
		const file = join(folder, name);
		if (!INDEX_NAME.test(name) || (keep !== null && (file === keep || file === listCacheFileFor(keep)))) continue;
		try {
			const {mtimeMs} = await stat(file);
			if (now - mtimeMs > UNUSED_INDEX_MS || (await libraryIsGone(file))) {
				await rm(file, {force: true});
				removed.push(name);
			}
		} catch {
			// Removed meanwhile by another leaf, or not ours to remove: left alone.
		}
	}
	return removed;
}

/** Whether the library an index was made for no longer exists. A header that cannot be read: its index is useless. */
async function libraryIsGone(file: string): Promise<boolean> {
	const buffer = Buffer.alloc(HEADER_BYTES);
	const handle = await open(file, 'r');
	let length;
	try {
		({bytesRead: length} = await handle.read(buffer, 0, HEADER_BYTES, 0));
	} finally {
		await handle.close();
	}
	const lineEnd = buffer.subarray(0, length).indexOf(0x0a);
	let root: unknown;
	try {
		root = (JSON.parse(buffer.toString('utf8', 0, lineEnd)) as {root?: unknown} | null)?.root;
	} catch {
		return true;
	}
	if (lineEnd === -1 || typeof root !== 'string') return true;
	try {
		await stat(root);
		return false;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' || code === 'ENOTDIR';
	}
}
