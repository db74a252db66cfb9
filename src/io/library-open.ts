// Opening an article that the walk listed, and only what the walk would have listed: the file at its path
// may have been replaced since (by a FIFO, a device, a link out of the library, a huge file). The reader
// and the read-ahead both come here; nothing here can block: the open does not wait for a FIFO's writer,
// and a regular file is read with a bound.
import {constants} from 'node:fs';
import {open, realpath} from 'node:fs/promises';
import {
	absolutePath,
	fsErrorReason as reason,
	isInsideFolder,
	MAX_ARTICLE_BYTES,
	MAX_ARTICLE_TEXT,
	printablePath as show,
} from './library-walk.ts';

/** A listed file that cannot be read, or is no longer what was listed: its message is the one line to show. */
export class ArticleFileError extends Error {}

/** The text of the article file at `relative` in the library `root`. Throws an ArticleFileError. */
export async function readListedFile(root: string, relative: string): Promise<string> {
	const refuse = (why: string) => new ArticleFileError(`cannot read ${show(relative)}: ${why}`);
	let real: string;
	try {
		const rootReal = await realpath(root);
		real = await realpath(absolutePath(root, relative));
		if (!isInsideFolder(rootReal, real)) throw refuse('it now links outside the library');
	} catch (error) {
		throw error instanceof ArticleFileError ? error : refuse(reason(error));
	}
	let handle;
	try {
		// O_NOFOLLOW: the real path's last part turned into a link since realpath is refused, not followed.
		handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
	} catch (error) {
		throw refuse((error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is now a link' : reason(error));
	}
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw refuse('not a regular file any more');
		if (info.size > MAX_ARTICLE_BYTES) throw refuse(`larger than ${MAX_ARTICLE_TEXT}`);
		// One byte more than its size, to see that it grew; never more than the limit and that byte.
		const buffer = Buffer.allocUnsafe(Math.min(info.size, MAX_ARTICLE_BYTES) + 1);
		let length = 0;
		for (;;) {
			const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length);
			if (bytesRead === 0) break;
			length += bytesRead;
			if (length === buffer.length) break;
		}
		if (length > MAX_ARTICLE_BYTES) throw refuse(`larger than ${MAX_ARTICLE_TEXT}`);
		if (length > info.size) return await readGrown(handle, buffer, length, refuse);
		return buffer.toString('utf8', 0, length);
	} catch (error) {
		throw error instanceof ArticleFileError ? error : refuse(reason(error));
	} finally {
		await handle.close().catch(() => undefined);
	}
}

/** A file that grew while read: read on, up to the limit. */
async function readGrown(
	handle: import('node:fs/promises').FileHandle,
	first: Buffer,
	length: number,
	refuse: (why: string) => ArticleFileError,
): Promise<string> {
	const buffer = Buffer.allocUnsafe(MAX_ARTICLE_BYTES + 1);
	first.copy(buffer, 0, 0, length);
	for (;;) {
		const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length);
		if (bytesRead === 0) break;
		length += bytesRead;
		if (length > MAX_ARTICLE_BYTES) throw refuse(`larger than ${MAX_ARTICLE_TEXT}`);
	}
	return buffer.toString('utf8', 0, length);
}
