// The index cache: one file per library under $XDG_CACHE_HOME/leaf/ (else ~/.cache/leaf/), holding
// each article's metadata with the size and times of the file it was read from, so that a start
// re-reads only what changed. The cache is a convenience: every failure to read or write it means
// "no cache", never an error; an index that is not exactly what this version wrote is not used.
//
// The file: one line of JSON (format version, library, parser rules, payload length and SHA-256),
// then the payload (index-payload.ts) as v8.serialize writes it: faster to read back than JSON, which
// also makes a UTF-16 copy of the whole file on the way (figures in the README's speed section). The
// checksum, cheap next to the read, tells a damaged file from ours.
import {createHash} from 'node:crypto';
import {mkdir, readdir, readFile, rm, utimes} from 'node:fs/promises';
import {homedir} from 'node:os';
import {basename, dirname, isAbsolute, join} from 'node:path';
import {deserialize, serialize} from 'node:v8';
import type {ArticleMeta} from '../core/article/article.ts';
import type {LibraryIndex} from './index-payload.ts';
import {fromPayload, toPayload} from './index-payload.ts';
import {rulesFingerprint} from './index-rules.ts';
import {isAbandoned, writeFileSafely} from './safe-write.ts';

export type {LibraryIndex} from './index-payload.ts';

/** Raise it whenever the file layout or the meaning of a row changes: older files are then rebuilt. */
export const INDEX_VERSION = 1;

interface Header {
	leaf: 'index';
	version: number;
	/** The library's real path: the file name holds only a hash of it. */
	root: string;
	rules: string;
	bytes: number;
	sha256: string;
}

/** The index file of a library (its real path), or null when there is no cache folder to use. */
export function indexFileFor(rootReal: string, env: NodeJS.ProcessEnv = process.env): string | null {
	const base = cacheBase(env);
	if (base === null) return null;
	const key = createHash('sha256').update(rootReal).digest('hex').slice(0, 24);
	return join(base, 'leaf', `index-${key}.bin`);
}

/** The XDG base directory spec: a relative $XDG_CACHE_HOME is invalid and ignored. */
function cacheBase(env: NodeJS.ProcessEnv): string | null {
	const xdg = env.XDG_CACHE_HOME;
	if (xdg && isAbsolute(xdg)) return xdg;
	let home: string;
	try {
		home = env.HOME || homedir();
	} catch {
		return null;
	}
	return home && isAbsolute(home) ? join(home, '.cache') : null;
}

/**
 * The index of a library, or null when there is none or it is damaged, truncated, of another
 * version, for another folder or made under other parsing rules. Never throws.
 */
export async function readIndex(file: string, rootReal: string): Promise<LibraryIndex | null> {
	// In two steps, so the file's bytes can be freed while the articles are made from the payload.
	const payload = await readPayload(file, rootReal);
	return payload === null ? null : fromPayload(payload);
}

async function readPayload(file: string, rootReal: string): Promise<unknown> {
	try {
		const data = await readFile(file);
		const lineEnd = data.indexOf(0x0a);
		if (lineEnd === -1) return null;
		const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Partial<Header> | null;
		const payload = data.subarray(lineEnd + 1);
		if (
			header?.leaf !== 'index' ||
			header.version !== INDEX_VERSION ||
			header.root !== rootReal ||
			header.rules !== (await rulesFingerprint())
		)
			return null;
		if (header.bytes !== payload.length || header.sha256 !== createHash('sha256').update(payload).digest('hex'))
			return null;
		// Its modification time says when the library was last opened: pruneIndexes removes those long unused.
		const now = new Date();
		await utimes(file, now, now).catch(() => undefined);
		return deserialize(payload);
	} catch {
		return null;
	}
}

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
	const payload = serialize(toPayload(metas, stats));
	const header: Header = {
		leaf: 'index',
		version: INDEX_VERSION,
		root: rootReal,
		rules: await rulesFingerprint(),
		bytes: payload.length,
		sha256: createHash('sha256').update(payload).digest('hex'),
	};
	try {
		await mkdir(dirname(file), {recursive: true, mode: 0o700});
		await removeAbandonedTemporaries(file);
		await writeFileSafely(file, [Buffer.from(`${JSON.stringify(header)}\n`), payload]);
		return true;
	} catch {
		return false;
	}
}

/**
 * A leaf killed by a signal mid-write (conf's exit hook re-raises SIGTERM and SIGHUP) leaves its temporary
 * file behind; those of processes that are gone are removed. Another running leaf's are left alone.
 */
async function removeAbandonedTemporaries(file: string): Promise<void> {
	const prefix = `${basename(file)}.`;
	const names = await readdir(dirname(file)).catch(() => [] as string[]);
	for (const name of names) {
		if (isAbandoned(name, prefix)) await rm(join(dirname(file), name), {force: true}).catch(() => undefined);
	}
}
