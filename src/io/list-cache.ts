// The list cache: `leaf list --json`'s own lines for a library, kept beside its index as `list-<key>.bin`, so that a
// warm list of an unchanged library is its walk and a copy, with no index to deserialise and no JSON to make.
// Written by `leaf list --json` whenever it had to make lines; used only when the walk finds every file it names
// as it was (the same paths, sizes and times) and no other. Like the index, a convenience: any failure to read or
// write it means "no cache", and a file that is not exactly what this version wrote is not used.
//
// The file: one line of JSON (kind, the caller's format, library, parser rules, lengths and a CRC-32 of the rest),
// then the keys (v8.serialize of paths, ids, stats, warnings, line ends and mark offsets), then the lines. CRC-32,
// not the index's SHA-256: it tells a damaged file as well, five times faster (8 ms for the 45 MB of 100,000
// articles, where SHA-256 took 28 to 150), and neither keeps out a file made to look like ours.
import {open, type FileHandle} from 'node:fs/promises';
import {deserialize, serialize} from 'node:v8';
import {crc32} from 'node:zlib';
import {removeAbandonedTemporaries} from './index-cache.ts';
import {rulesFingerprint} from './index-rules.ts';
import {writeFileSafely} from './safe-write.ts';

/** One file's row: what the walk checks it by, and what the list says of it besides its line. */
export interface ListKeys {
	paths: string[];
	ids: string[];
	/** size, mtimeMs, ctimeMs per file, as the walk reports them. */
	stats: Float64Array;
	warnings: (string | null)[];
	/** The time each line's article sorts by (core/article/order.ts): lines are newest first. */
	times: Float64Array;
}

/** Lines of UTF-8 one after another: where each ends, and where in it the caller splices its marks. */
export interface ListLines {
	bytes: Buffer;
	ends: Uint32Array;
	marks: Uint32Array;
}

export interface ListCache {
	keys: ListKeys;
	/**
	 * The lines, a window of whole lines at a time, each read into the same buffer: `use` must be done with a window
	 * when its promise settles. Read from the file that was checked, even if it has been replaced since.
	 */
	eachWindow(use: (window: ListLines, firstLine: number) => Promise<void>): Promise<void>;
	close(): Promise<void>;
}

/** The header line fits: a path is at most 4096 bytes on Linux. */
const HEADER_READ_BYTES = 16 * 1024;
/**
 * Bytes of lines read at a time, into one buffer. Memory this machine's kind has not touched yet is slow to touch
 * (~4 ms a MB); reading the 37 MB of lines of 100,000 articles whole took 165 ms, through one buffer twice, ~40.
 */
const WINDOW_BYTES = 4 * 1024 * 1024;

interface Header {
	leaf: 'list';
	/** The caller's: raised when what a line says changes. */
	format: number;
	root: string;
	rules: string;
	rows: number;
	keysBytes: number;
	crc32: number;
}

/**
 * The list cache in `file`, its lines read through once to check them, or null when there is none or it is not one
 * this version wrote for these. Never throws. The caller closes it.
 */
export async function readListCache(
	file: string,
	rootReal: string,
	format: number,
	windowBytes = WINDOW_BYTES,
): Promise<ListCache | null> {
	let handle: FileHandle | null = null;
	try {
		handle = await open(file, 'r');
		const cache = await checked(handle, rootReal, format, windowBytes);
		if (cache) return cache;
	} catch {
		// Not ours, or not readable: no cache.
	}
	await handle?.close().catch(() => undefined);
	return null;
}

async function checked(
	handle: FileHandle,
	rootReal: string,
	format: number,
	windowBytes: number,
): Promise<ListCache | null> {
	const first = await read(handle, Buffer.allocUnsafe(HEADER_READ_BYTES), 0, HEADER_READ_BYTES, false);
	const lineEnd = first.indexOf(0x0a);
	if (lineEnd === -1) return null;
	const header = JSON.parse(first.toString('utf8', 0, lineEnd)) as Partial<Header> | null;
	const size = (await handle.stat()).size;
	const keysAt = lineEnd + 1;
	if (
		header?.leaf !== 'list' ||
		header.format !== format ||
		header.root !== rootReal ||
		header.rules !== (await rulesFingerprint()) ||
		!isCount(header.rows) ||
		!isCount(header.keysBytes) ||
		keysAt + header.keysBytes > size
	)
		return null;
	const keyBytes = await read(handle, Buffer.allocUnsafe(header.keysBytes), keysAt, header.keysBytes);
	const linesAt = keysAt + header.keysBytes;
	const window = Buffer.allocUnsafe(Math.min(windowBytes, size - linesAt));
	let check = crc32(keyBytes);
	for (let at = linesAt; at < size; at += window.length)
		check = crc32(await read(handle, window, at, Math.min(window.length, size - at)), check);
	const keys = deserialize(keyBytes) as unknown;
	if (check !== header.crc32 || !isCache(keys, header.rows, size - linesAt)) return null;
	return {
		keys,
		close: () => handle.close(),
		async eachWindow(use) {
			let buffer = window;
			for (let first = 0; first < keys.ends.length;) {
				const start = first === 0 ? 0 : keys.ends[first - 1]!;
				let next = first + 1;
				while (next < keys.ends.length && keys.ends[next]! - start <= buffer.length) next++;
				const length = keys.ends[next - 1]! - start;
				// One line longer than the window (a huge title): a buffer of its own.
				if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
				const bytes = await read(handle, buffer, linesAt + start, length);
				const ends = keys.ends.subarray(first, next).map((end) => end - start);
				await use({bytes, ends, marks: keys.marks.subarray(first, next).map((mark) => mark - start)}, first);
				first = next;
			}
		},
	};
}

/** `length` bytes at `position` into the start of `buffer`; all of them unless `whole` is false. */
async function read(
	handle: FileHandle,
	buffer: Buffer,
	position: number,
	length: number,
	whole = true,
): Promise<Buffer> {
	let done = 0;
	while (done < length) {
		const {bytesRead} = await handle.read(buffer, done, length - done, position + done);
		if (bytesRead === 0) break;
		done += bytesRead;
	}
	if (whole && done < length) throw new Error('the list cache was cut short');
	return buffer.subarray(0, done);
}

/** Writes the list cache whole or not at all. Never throws: false when it could not. */
export async function writeListCache(
	file: string,
	rootReal: string,
	format: number,
	keys: ListKeys,
	lines: readonly ListLines[],
): Promise<boolean> {
	try {
		const rows = keys.paths.length;
		const ends = new Uint32Array(rows);
		const marks = new Uint32Array(rows);
		let row = 0;
		let offset = 0;
		for (const block of lines) {
			for (let i = 0; i < block.ends.length; i++, row++) {
				ends[row] = offset + block.ends[i]!;
				marks[row] = offset + block.marks[i]!;
			}
			offset += block.bytes.length;
		}
		if (row !== rows) return false;
		const keyBytes = serialize({...keys, ends, marks});
		const check = lines.reduce((value, block) => crc32(block.bytes, value), crc32(keyBytes));
		const header: Header = {
			leaf: 'list',
			format,
			root: rootReal,
			rules: await rulesFingerprint(),
			rows,
			keysBytes: keyBytes.length,
			crc32: check,
		};
		await removeAbandonedTemporaries(file);
		const parts = [Buffer.from(`${JSON.stringify(header)}\n`), keyBytes, ...lines.map((block) => block.bytes)];
		// Not synced: it checks itself, and a cache lost to a crash is made again (a 45 MB sync, 0.1-0.2 s, saved).
		await writeFileSafely(file, parts, {durable: false});
		return true;
	} catch {
		return false;
	}
}

type Stored = ListKeys & {ends: Uint32Array; marks: Uint32Array};

/** The keys as written for `rows` lines in `bytes`: columns of one length, each line's marks inside it. */
function isCache(value: unknown, rows: number, bytes: number): value is Stored {
	const keys = value as Partial<Stored> | null;
	if (
		!keys ||
		!isStrings(keys.paths, rows) ||
		!isStrings(keys.ids, rows) ||
		!(keys.stats instanceof Float64Array && keys.stats.length === rows * 3) ||
		!(keys.times instanceof Float64Array && keys.times.length === rows) ||
		!(Array.isArray(keys.warnings) && keys.warnings.length === rows) ||
		!keys.warnings.every((warning) => warning === null || typeof warning === 'string') ||
		!(keys.ends instanceof Uint32Array && keys.ends.length === rows) ||
		!(keys.marks instanceof Uint32Array && keys.marks.length === rows)
	)
		return false;
	let start = 0;
	for (let i = 0; i < rows; i++) {
		const end = keys.ends[i]!;
		if (!(keys.marks[i]! > start && end > keys.marks[i]! && end <= bytes)) return false;
		start = end;
	}
	return start === bytes;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isStrings(value: unknown, length: number): value is string[] {
	return Array.isArray(value) && value.length === length && value.every((item) => typeof item === 'string');
}
