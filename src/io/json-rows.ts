// `leaf list --json`'s rows kept beside the index they were made from: per article, its JSON but for the read
// and starred marks (a head up to `"read":` and a tail after the starred mark), so that a warm list of an
// unchanged library copies bytes instead of making 100,000 objects' JSON again (README, speed). Like the index,
// it is a convenience: a file that is missing, damaged, or made from another index is not used, never an error.
//
// The file: one line of JSON (format version, the index payload's SHA-256 it was made from, the row count, the
// payload length and its own SHA-256), then the payload: 2 × count + 1 32-bit offsets (in the machine's byte
// order: the cache is never shared) into the text that follows, which holds head 0, tail 0, head 1, tail 1...
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {writeFileSafely} from './safe-write.ts';

const ROWS_VERSION = 1;
/** Offsets are 32-bit: a text past this is not kept. */
const MAX_TEXT = 2 ** 32 - 1;

interface Header {
	leaf: 'json-rows';
	version: number;
	/** The SHA-256 of the payload of the index whose articles these are, in its order. */
	index: string;
	count: number;
	bytes: number;
	sha256: string;
}

/** The rows of the articles of one index, in its order. */
export interface JsonRows {
	readonly count: number;
	/** head i is text[offsets[2i], offsets[2i+1]), tail i is text[offsets[2i+1], offsets[2i+2]). */
	readonly offsets: Uint32Array;
	readonly text: Buffer;
}

/** The rows file of an index file: beside it, pruned with it (index-prune.ts). */
export const rowsFileFor = (indexFile: string) => indexFile.replace(/\.bin$/, '.rows');

/**
 * The rows made from the index with payload SHA-256 `digest` and `count` articles, or null. Synchronous: it is read
 * as the index's articles arrive, while the walk runs in its workers. Never throws.
 */
export function readJsonRows(indexFile: string, digest: string, count: number): JsonRows | null {
	try {
		const data = readFileSync(rowsFileFor(indexFile));
		const lineEnd = data.indexOf(0x0a);
		if (lineEnd === -1) return null;
		const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Partial<Header> | null;
		const payload = data.subarray(lineEnd + 1);
		const offsetBytes = (2 * count + 1) * 4;
		if (
			header?.leaf !== 'json-rows' ||
			header.version !== ROWS_VERSION ||
			header.index !== digest ||
			header.count !== count ||
			header.bytes !== payload.length ||
			payload.length < offsetBytes ||
			header.sha256 !== createHash('sha256').update(payload).digest('hex')
		)
			return null;
		// A copy: the file's bytes need not be aligned for a Uint32Array.
		const offsets = new Uint32Array(payload.buffer.slice(payload.byteOffset, payload.byteOffset + offsetBytes));
		const text = payload.subarray(offsetBytes);
		if (offsets[0] !== 0 || offsets[2 * count] !== text.length) return null;
		for (let i = 1; i <= 2 * count; i++) if (offsets[i]! < offsets[i - 1]!) return null;
		return {count, offsets, text};
	} catch {
		return null;
	}
}

/**
 * Keeps `rows` (head and tail of each article, in the index's order) for the index with payload SHA-256 `digest`,
 * whole or not at all (safe-write.ts). Never throws: false when it could not.
 */
export async function writeJsonRows(
	indexFile: string,
	digest: string,
	rows: readonly (readonly [head: string, tail: string])[],
): Promise<boolean> {
	const file = rowsFileFor(indexFile);
	try {
		const text = Buffer.from(rows.map(([head, tail]) => head + tail).join(''));
		if (text.length > MAX_TEXT) {
			await rm(file, {force: true});
			return false;
		}
		const offsets = new Uint32Array(2 * rows.length + 1);
		let at = 0;
		rows.forEach(([head, tail], i) => {
			at += Buffer.byteLength(head);
			offsets[2 * i + 1] = at;
			at += Buffer.byteLength(tail);
			offsets[2 * i + 2] = at;
		});
		const payload = Buffer.concat([Buffer.from(offsets.buffer), text]);
		const header: Header = {
			leaf: 'json-rows',
			version: ROWS_VERSION,
			index: digest,
			count: rows.length,
			bytes: payload.length,
			sha256: createHash('sha256').update(payload).digest('hex'),
		};
		await writeFileSafely(file, [Buffer.from(`${JSON.stringify(header)}\n`), payload]);
		return true;
	} catch {
		return false;
	}
}
