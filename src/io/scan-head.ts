// Reads an article's metadata from the head of its file: the front matter, never the body.
// parseArticleMeta only looks at the text up to the first `\n---` after the opening line (that is
// where gray-matter and core/front-matter.ts end the block), so giving it that prefix yields the
// same metadata as the whole file, at a fraction of the reading, decoding and copying.
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import type {ArticleMeta} from '../core/article/article.ts';
import {parseArticleMeta} from '../core/article/article.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {absolutePath, fsErrorReason, printablePath} from './library-walk.ts';

/** Most hexo front matter is under 1 KiB; one page-sized read covers it. */
const FIRST_READ = 4096;
const firstBuffer = Buffer.allocUnsafe(FIRST_READ);

/** Thrown for a path that is no longer a regular file (a FIFO would block a read for ever). */
export class NotRegularFileError extends Error {}

/**
 * The start of `text` (CR and CRLF already turned into LF) that decides its front matter, or
 * null when `text` is only the start of a file (`whole` false) and may be cut too early.
 * Mirrors readFrontMatter's reading: leading whitespace, `---` and its line, the first `\n---`.
 *
 * A cut text differs from the file's only in its last character: a character cut in two decodes
 * as one U+FFFD, and a final CR becomes LF either way. No decision here rests on the last
 * character alone: it is never a `-` or a line end that completes a match, and a text whose
 * first non-blank character is its last one (or one before) is not enough to decide.
 */
export function frontMatterPrefix(text: string, whole: boolean): string | null {
	const start = text.search(/\S/);
	if (start === -1) return whole ? text : null;
	if (text.length - start < 3) return whole ? text : null;
	if (!text.startsWith('---', start)) return text.slice(0, start + 3);
	const lineEnd = text.indexOf('\n', start);
	if (lineEnd === -1) return whole ? text : null;
	const close = text.indexOf('\n---', lineEnd);
	if (close === -1) return whole ? text : null;
	return text.slice(0, close + 4);
}

/** The metadata of one article file, reading only as far as its front matter goes. Throws fs errors. */
export function readHeadMeta(absolute: string, relative: string): ArticleMeta {
	return parseArticleMeta(readFrontMatterText(absolute), relative);
}

/** The front-matter prefix of a file's text (see frontMatterPrefix). */
export function readFrontMatterText(absolute: string): string {
	// O_NONBLOCK: if the path became a FIFO since the walk, open must not wait for a writer.
	const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const info = fstatSync(fd);
		if (!info.isFile()) throw new NotRegularFileError('not a regular file');
		let buffer = firstBuffer;
		let length = 0;
		for (;;) {
			const wanted = buffer.length - length;
			const count = readFully(fd, buffer, length);
			length += count;
			const whole = count < wanted;
			const prefix =
				likelyPrefix(buffer, length) ?? frontMatterPrefix(normalizeLines(buffer.toString('utf8', 0, length)), whole);
			if (prefix !== null) return prefix;
			// Front matter longer than what was read: read on, in growing steps, up to the whole file
			// (one byte more than its size, to see the end even if it grew meanwhile).
			const next = buffer.length * 4;
			const larger = Buffer.allocUnsafe(next > info.size + 1 && info.size + 1 > buffer.length ? info.size + 1 : next);
			buffer.copy(larger, 0, 0, length);
			buffer = larger;
		}
	} finally {
		closeSync(fd);
	}
}

const DASHES = Buffer.from('---');
const CLOSING = Buffer.from('\n---');

/**
 * The usual case without decoding the whole head (decoding was a sixth of the time of a cold
 * load): find `---`, the end of its line and the next `\n---` as bytes, decode only up to there
 * and let frontMatterPrefix decide on that text. It is a prefix of the file's text cut after an
 * ASCII byte, so any decision it allows is the one the whole text gives; null sends the caller
 * to the general way.
 */
function likelyPrefix(buffer: Buffer, length: number): string | null {
	const head = buffer.subarray(0, length);
	const open = head.indexOf(DASHES);
	const lineEnd = open === -1 ? -1 : head.indexOf(0x0a, open);
	const close = lineEnd === -1 ? -1 : head.indexOf(CLOSING, lineEnd);
	if (close === -1) return null;
	return frontMatterPrefix(normalizeLines(head.toString('utf8', 0, close + CLOSING.length)), false);
}

/** Reads until `buffer` is full or the file ends; returns the bytes read. */
export function readFully(fd: number, buffer: Buffer, offset: number): number {
	let total = 0;
	while (offset + total < buffer.length) {
		const count = readSync(fd, buffer, offset + total, buffer.length - offset - total, offset + total);
		if (count === 0) break;
		total += count;
	}
	return total;
}

/**
 * As readFrontMatter does. A CR at the very end of a cut text becomes LF here and in the whole
 * text alike (alone or as CRLF), so the prefix stays a prefix.
 */
function normalizeLines(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export interface ParsedFiles {
	/** One per file given, in order: null for a file that could not be read. */
	metas: (ArticleMeta | null)[];
	/** One line per file that could not be read. */
	warnings: string[];
}

/** Reads the front matter of found files (run by the scan worker, or inline when there is none). */
export function parseFound(root: string, paths: readonly string[]): ParsedFiles {
	const metas: (ArticleMeta | null)[] = [];
	const warnings: string[] = [];
	for (const relative of paths) {
		try {
			metas.push(readHeadMeta(absolutePath(root, relative), relative));
		} catch (error) {
			metas.push(null);
			warnings.push(readWarning(relative, error));
		}
	}
	return {metas, warnings};
}

function readWarning(relative: string, error: unknown): string {
	if (error instanceof NotRegularFileError) return `skipped ${printablePath(relative)}: not a regular file`;
	// parseArticleMeta does not throw on bad input; a non-fs error here is a bug, kept to one line.
	if (!(error as NodeJS.ErrnoException | undefined)?.code && error instanceof Error)
		return `cannot read ${printablePath(relative)}: ${sanitizeLine(error.name)}`;
	return `cannot read ${printablePath(relative)}: ${fsErrorReason(error)}`;
}
