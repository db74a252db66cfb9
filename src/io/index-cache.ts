// The index cache: one file per library under $XDG_CACHE_HOME/leaf/ (else ~/.cache/leaf/), holding
// each article's metadata with the size and times of the file it was read from, so that a start
// re-reads only what changed. The cache is a convenience: every failure to read or write it means
// "no cache", never an error; an index that is not exactly what this version wrote is not used.
//
// The file: one line of JSON (format version, library, parser rules, lengths and SHA-256s), then the payload
// (index-payload.ts) as v8.serialize writes it: faster to read back than JSON, which also makes a UTF-16 copy of
// the whole file on the way (figures in the README's speed section). The checksums, cheap next to the read, tell
// a damaged file from ours. After the payload, its head: the first HEAD_ROWS articles (newest first) as a payload
// of their own, which the browser reads alone to draw its first frame before the rest is read.
import {createHash} from 'node:crypto';
import {mkdir, open, readdir, readFile, rm, utimes} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {deserialize, serialize} from 'node:v8';
import type {ArticleMeta} from '../core/article/article.ts';
import type {LibraryIndex} from './index-payload.ts';
import {fromPayload, toPayload} from './index-payload.ts';
import {cacheBase} from './cache-folder.ts';
import {rulesFingerprint} from './index-rules.ts';
import {isAbandoned, writeFileSafely} from './safe-write.ts';
import type {KnownLibrary} from './scan-types.ts';

export type {LibraryIndex} from './index-payload.ts';

/** Raise it whenever the file layout or the meaning of a row changes: older files are then rebuilt. */
export const INDEX_VERSION = 2;

/** Articles in the head: more than the tallest terminal's first screen. */
export const HEAD_ROWS = 256;
/** The first read of the file for its head: the header line and a head of long titles fit. */
const HEAD_READ_BYTES = 128 * 1024;

interface Header {
	leaf: 'index';
	version: number;
	/** The library's real path: the file name holds only a hash of it. */
	root: string;
	rules: string;
	/** Articles in the payload. */
	rows: number;
	bytes: number;
	sha256: string;
	headBytes: number;
	headSha256: string;
}

/** The first rows of an index (newest first), and how many the whole index holds. */
export interface IndexHead {
	metas: ArticleMeta[];
	rows: number;
	/** The whole index when the head holds every row of it (a library of HEAD_ROWS articles or fewer). */
	whole: LibraryIndex | null;
}

/** The index file of a library (its real path), or null when there is no cache folder to use. */
export function indexFileFor(rootReal: string, env: NodeJS.ProcessEnv = process.env): string | null {
	const base = cacheBase(env);
	if (base === null) return null;
	const key = createHash('sha256').update(rootReal).digest('hex').slice(0, 24);
	return join(base, 'leaf', `index-${key}.bin`);
}

/**
 * The list cache (list-cache.ts) beside an index file. Named here, with the index, so that pruning (index-prune.ts)
 * knows it without loading the list cache's code on a browser's start.
 */
export function listCacheFileFor(indexFile: string): string {
	return join(dirname(indexFile), basename(indexFile).replace(/^index-/, 'list-'));
}

/**
 * The index of a library, or null when there is none or it is damaged, truncated, of another
 * version, for another folder or made under other parsing rules. Never throws.
 */
export async function readIndex(
	file: string,
	rootReal: string,
	signal?: AbortSignal,
	/** Awaited between the steps: a browser on screen gives keys pressed meanwhile their frame. */
	between?: () => Promise<unknown>,
): Promise<LibraryIndex | null> {
	// In two steps, so the file's bytes can be freed while the articles are made from the payload. Each step runs
	// for a while at 100,000 articles (about 0.25 s): aborted (quitting), the next is not taken.
	const payload = await readPayload(file, rootReal, signal);
	if (payload !== null) await between?.();
	return payload === null || signal?.aborted ? null : fromPayload(payload);
}

async function readPayload(file: string, rootReal: string, signal: AbortSignal | undefined): Promise<unknown> {
	try {
		const data = await readFile(file, {signal});
		const start = await headerOf(data, rootReal);
		if (start === null) return null;
		const {header, offset} = start;
		const payload = data.subarray(offset, offset + header.bytes);
		if (data.length !== offset + header.bytes + header.headBytes || !sealed(payload, header.sha256)) return null;
		await touch(file);
		if (signal?.aborted) return null;
		const columns = deserialize(payload) as {paths?: unknown};
		// The count its head announced (fromPayload checks the columns against each other).
		return Array.isArray(columns?.paths) && columns.paths.length === header.rows ? columns : null;
	} catch {
		return null;
	}
}

/**
 * The head of a library's index: read alone (the header line and the head, not the payload between), checked as the
 * whole index is. Null as readIndex would be for a file not ours, and for one whose head is damaged. Never throws.
 */
export async function readIndexHead(file: string, rootReal: string): Promise<IndexHead | null> {
	try {
		const handle = await open(file, 'r');
		try {
			const first = Buffer.allocUnsafe(HEAD_READ_BYTES);
			const {bytesRead} = await handle.read(first, 0, first.length, 0);
			const start = await headerOf(first.subarray(0, bytesRead), rootReal);
			if (start === null) return null;
			const {header, offset} = start;
			// The lengths must add up to the file's, as for the whole index: a header's word is not enough to allocate.
			if ((await handle.stat()).size !== offset + header.bytes + header.headBytes) return null;
			const head = Buffer.allocUnsafe(header.headBytes);
			const read = await handle.read(head, 0, head.length, offset + header.bytes);
			if (read.bytesRead !== head.length || !sealed(head, header.headSha256)) return null;
			const index = fromPayload(deserialize(head));
			if (!index || index.metas.length > header.rows) return null;
			const whole = index.metas.length === header.rows ? index : null;
			if (whole) await touch(file);
			return {metas: index.metas, rows: header.rows, whole};
		} finally {
			await handle.close();
		}
	} catch {
		return null;
	}
}

/** Its modification time says when the library was last opened: pruneIndexes removes those long unused. */
async function touch(file: string): Promise<void> {
	const now = new Date();
	await utimes(file, now, now).catch(() => undefined);
}

/** The header at the start of `data` and where the payload begins, if it is one this version wrote for `rootReal`. */
async function headerOf(data: Buffer, rootReal: string): Promise<{header: Header; offset: number} | null> {
	const lineEnd = data.indexOf(0x0a);
	if (lineEnd === -1) return null;
	const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Partial<Header> | null;
	if (
		header?.leaf !== 'index' ||
		header.version !== INDEX_VERSION ||
		header.root !== rootReal ||
		header.rules !== (await rulesFingerprint()) ||
		// The checksums need no check of their own: anything but the hex digest fails `sealed`.
		![header.rows, header.bytes, header.headBytes].every(isLength)
	)
		return null;
	return {header: header as Header, offset: lineEnd + 1};
}

const isLength = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

const checksum = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const sealed = (bytes: Buffer, sha256: string) => checksum(bytes) === sha256;

/**
 * Writes the index of `metas` (stats: size, mtimeMs, ctimeMs of each) whole or not at all (safe-write.ts):
 * a full disk leaves the old index. Never throws: false when it could not.
 */
export async function writeIndex(
	file: string,
	rootReal: string,
	metas: readonly ArticleMeta[],
	stats: ArrayLike<number>,
): Promise<boolean> {
	const columns = toPayload(metas, stats);
	const payload = serialize(columns);
	const headRows = Math.min(HEAD_ROWS, metas.length);
	const head = serialize(
		toPayload(
			metas.slice(0, headRows),
			Array.from({length: headRows * 3}, (_, i) => stats[i]!),
		),
	);
	const header: Header = {
		leaf: 'index',
		version: INDEX_VERSION,
		root: rootReal,
		rules: await rulesFingerprint(),
		rows: columns.paths.length,
		bytes: payload.length,
		sha256: checksum(payload),
		headBytes: head.length,
		headSha256: checksum(head),
	};
	try {
		await mkdir(dirname(file), {recursive: true, mode: 0o700});
		await removeAbandonedTemporaries(file);
		await writeFileSafely(file, [Buffer.from(`${JSON.stringify(header)}\n`), payload, head]);
		return true;
	} catch {
		return false;
	}
}

/**
 * A leaf killed by a signal mid-write (conf's exit hook re-raises SIGTERM and SIGHUP) leaves its temporary
 * file behind; those of processes that are gone are removed. Another running leaf's are left alone.
 */
export async function removeAbandonedTemporaries(file: string): Promise<void> {
	const prefix = `${basename(file)}.`;
	const names = await readdir(dirname(file)).catch(() => [] as string[]);
	for (const name of names) {
		if (isAbandoned(name, prefix)) await rm(join(dirname(file), name), {force: true}).catch(() => undefined);
	}
}

/** What an earlier load found, as the index it stands in for: the same article objects, in the same order. */
export function knownIndex(known: KnownLibrary): LibraryIndex {
	const positions = new Map<string, number>();
	known.articles.forEach((meta, i) => positions.set(meta.path, i));
	return {positions, metas: known.articles as ArticleMeta[], stats: known.stats};
}
