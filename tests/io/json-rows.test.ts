// The rows `leaf list --json` keeps beside an index (json-rows.ts): read back exactly as written, and a file that
// is damaged, cut, made from another index or not ours at all is not used (the rows are made again), never an error.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {readJsonRows, rowsFileFor, writeJsonRows} from '../../src/io/json-rows.ts';
import {tempFolders} from '../helpers/temp.ts';

const temp = tempFolders('leaf-json-rows-');
const DIGEST = 'd'.repeat(64);
const rows: [string, string][] = [
	['{"id":"a","title":"标题","read":', ',"warning":null}'],
	['{"id":"b","read":', '}'],
	['', ''],
];

async function written(): Promise<string> {
	const index = join(temp(), 'index-x.bin');
	assert.equal(await writeJsonRows(index, DIGEST, rows), true);
	return index;
}

/** head and tail of each row, as read back. */
function parts(index: string, digest = DIGEST, count = rows.length): [string, string][] | null {
	const read = readJsonRows(index, digest, count);
	if (read === null) return null;
	const {offsets, text} = read;
	return Array.from({length: read.count}, (_, i) => [
		text.toString('utf8', offsets[2 * i], offsets[2 * i + 1]),
		text.toString('utf8', offsets[2 * i + 1], offsets[2 * i + 2]),
	]);
}

test('rows are read back as written, beside the index', async () => {
	const index = await written();
	assert.equal(rowsFileFor(index), index.replace(/bin$/, 'rows'));
	assert.deepEqual(parts(index), rows);
});

test('rows of another index, of another count, or with none written are not used', async () => {
	const index = await written();
	assert.equal(parts(index, 'e'.repeat(64)), null);
	assert.equal(parts(index, DIGEST, 2), null);
	assert.equal(parts(join(temp(), 'index-y.bin')), null);
});

test('a damaged, cut or foreign file is not used', async () => {
	const index = await written();
	const file = rowsFileFor(index);
	const good = readFileSync(file);
	const lineEnd = good.indexOf(0x0a);
	const flipped = Buffer.from(good);
	flipped[good.length - 5] = good[good.length - 5]! ^ 0x20;
	const damaged: [string, Buffer][] = [
		['a byte changed in the text', flipped],
		['cut short', good.subarray(0, good.length - 3)],
		['the header only', good.subarray(0, lineEnd + 1)],
		['no header line', Buffer.from('{"leaf":"json-rows"')],
		['a header that is not JSON', Buffer.concat([Buffer.from('{nope\n'), good.subarray(lineEnd + 1)])],
		['an empty file', Buffer.alloc(0)],
	];
	for (const [what, bytes] of damaged) {
		writeFileSync(file, bytes);
		assert.equal(parts(index), null, what);
	}
});

test('offsets that run backwards or past the text are refused, even under a good checksum', async () => {
	const index = await written();
	const file = rowsFileFor(index);
	const good = readFileSync(file);
	const lineEnd = good.indexOf(0x0a);
	const header = JSON.parse(good.toString('utf8', 0, lineEnd)) as {sha256: string};
	const offsetsOf = (payload: Buffer) =>
		new Uint32Array(payload.buffer.slice(payload.byteOffset, payload.byteOffset + 28));
	const reseal = (change: (offsets: Uint32Array) => void) => {
		const payload = Buffer.from(good.subarray(lineEnd + 1));
		const offsets = offsetsOf(payload);
		change(offsets);
		Buffer.from(offsets.buffer).copy(payload, 0);
		const sha256 = createHash('sha256').update(payload).digest('hex');
		return Buffer.concat([Buffer.from(`${JSON.stringify({...header, sha256})}\n`), payload]);
	};
	for (const [what, change] of [
		['backwards', (offsets: Uint32Array) => (offsets[2] = offsets[1]! - 1)],
		['past the end', (offsets: Uint32Array) => (offsets[6] = offsets[6]! + 1)],
		['not from 0', (offsets: Uint32Array) => (offsets[0] = 1)],
	] as const) {
		writeFileSync(file, reseal(change));
		assert.equal(parts(index), null, what);
	}
	writeFileSync(
		file,
		reseal(() => undefined),
	);
	assert.deepEqual(parts(index), rows, 'resealed unchanged, it is good again');
});

test('a place that cannot be written keeps no rows, and says so without throwing', async () => {
	// The cache "folder" is a file: ENOTDIR, as root too.
	const notAFolder = join(temp(), 'file');
	writeFileSync(notAFolder, 'x');
	const index = join(notAFolder, 'index-x.bin');
	assert.equal(await writeJsonRows(index, DIGEST, rows), false);
	assert.equal(parts(index), null);
});
