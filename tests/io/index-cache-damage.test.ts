// A damaged, truncated, old or foreign index file is rebuilt, never used.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {deserialize, serialize} from 'node:v8';
import {readIndexHead} from '../../src/io/index-cache.ts';
import {loadLibrary} from '../../src/io/library.ts';
import {indexOf, library, someArticles} from '../helpers/index-library.ts';

/** Ways an index file goes bad; each must be ignored and rebuilt. */
const damages: [string, (file: string, root: string) => void][] = [
	['empty', (file) => writeFileSync(file, '')],
	['garbage', (file) => writeFileSync(file, 'not an index at all\n\x00\x01\x02')],
	['truncated to half', (file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length >> 1))],
	[
		'truncated to its header',
		(file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).indexOf(10) + 1)),
	],
	[
		'one byte of the payload changed',
		(file) => {
			const data = readFileSync(file);
			const at = data.length - splitIndex(file).head.length - 20;
			data.writeUInt8(data.readUInt8(at) ^ 0x20, at);
			writeFileSync(file, data);
		},
	],
	['an older version', (file) => rewriteHeader(file, (header) => ({...header, version: 0}))],
	[
		'made under other parsing rules',
		(file) => rewriteHeader(file, (header) => ({...header, rules: '0000000000000000'})),
	],
	['of another folder', (file) => rewriteHeader(file, (header) => ({...header, root: '/elsewhere'}))],
	[
		'a valid file whose title holds an escape sequence',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.titles.splice(0, 1, '\x1b]0;PWNED\x07');
			}),
	],
	[
		'a valid file with a field of the wrong type',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.ids.splice(0, 1, 12);
			}),
	],
	[
		'a valid file with a column too short',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.images.pop();
			}),
	],
	[
		'a valid file listing one path twice',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.paths.splice(1, 1, payload.paths[0]);
			}),
	],
	[
		'a valid file pointing past its table',
		(file) =>
			rewritePayload(file, (payload) => {
				payload.refs[0] = payload.table.length;
			}),
	],
];

test('a damaged, truncated, old or foreign index is rebuilt, never used', async () => {
	// On this thread: the cache works the same either way, and a worker under tsx takes ~200 ms to start.
	const load = (root: string) => loadLibrary(root, {threads: false});
	for (const [name, damage] of damages) {
		const root = library(someArticles(6));
		await load(root);
		damage(indexOf(root), root);
		const scan = await load(root);
		assert.deepEqual([scan.stats.index, scan.stats.parsed, scan.stats.saved], ['missing', 6, true], name);
		assert.deepEqual(scan.articles, (await loadLibrary(root, {cache: false, threads: false})).articles, name);
		const next = await load(root);
		assert.deepEqual([next.stats.index, next.stats.parsed], ['used', 0], `${name}: the rebuilt index is used`);
	}
});

/** Ways the head alone goes bad: each must keep the head from being shown, never the index from being used. */
const headDamages: [string, (columns: Columns) => void][] = [
	['a title holding an escape sequence', (head) => void head.titles.splice(0, 1, '\x1b]0;PWNED\x07')],
	['an id of the wrong type', (head) => void head.ids.splice(0, 1, 12)],
	['a column too short', (head) => void head.images.pop()],
	['a path twice', (head) => void head.paths.splice(1, 1, head.paths[0])],
];

test('a head that is sealed but not what the index writes is not shown; the index is still used', async () => {
	for (const [name, damage] of headDamages) {
		const root = library(someArticles(6));
		await loadLibrary(root, {threads: false});
		const file = indexOf(root);
		const {header, payload, head} = splitIndex(file);
		const columns = deserialize(head) as Columns;
		damage(columns);
		joinIndex(file, header, payload, serialize(columns));
		assert.equal(await readIndexHead(file, realpathSync(root)), null, name);
		const scan = await loadLibrary(root, {threads: false});
		assert.deepEqual([scan.stats.index, scan.stats.parsed], ['used', 0], `${name}: the index is used`);
	}
	// The same file with its head as written is shown.
	const root = library(someArticles(6));
	await loadLibrary(root, {threads: false});
	assert.equal((await readIndexHead(indexOf(root), realpathSync(root)))?.metas.length, 6);
});

test('a head changed after it was sealed, or holding more rows than its index, is not shown', async () => {
	const root = library(someArticles(6));
	await loadLibrary(root, {threads: false});
	const file = indexOf(root);
	const written = readFileSync(file);
	const {header, payload, head} = splitIndex(file);
	// The title T5 made U5 in place: still a valid serialisation (of six articles), so only the checksum tells. V8
	// keeps it in one or two bytes a character (Node 20 two, as cut from a text with Chinese in it; Node 24 one).
	const changed = Buffer.from(head);
	const twoBytes = changed.indexOf(Buffer.from('T5', 'utf16le'));
	const at = twoBytes !== -1 ? twoBytes : changed.indexOf(Buffer.from('T5', 'latin1'));
	assert.ok(at > 0, 'the title is in the head');
	changed[at] = 'U'.charCodeAt(0);
	assert.equal((deserialize(changed) as Columns).titles.includes('U5'), true);
	writeFileSync(file, Buffer.concat([written.subarray(0, written.length - head.length), changed]));
	assert.equal(await readIndexHead(file, realpathSync(root)), null, 'changed after it was sealed');
	joinIndex(file, {...header, rows: 5}, payload, head);
	assert.equal(await readIndexHead(file, realpathSync(root)), null, 'six rows in the head of an index of five');
});

interface Header {
	[key: string]: unknown;
	bytes: number;
	sha256: string;
	headBytes: number;
	headSha256: string;
}

/** The file's parts: its header line, the payload, and the head after it. */
function splitIndex(file: string): {header: Header; payload: Buffer; head: Buffer} {
	const data = readFileSync(file);
	const lineEnd = data.indexOf(10);
	const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Header;
	const headAt = lineEnd + 1 + header.bytes;
	return {header, payload: data.subarray(lineEnd + 1, headAt), head: data.subarray(headAt)};
}

function joinIndex(file: string, header: Header, payload: Buffer, head: Buffer): void {
	const sealed = {
		...header,
		bytes: payload.length,
		sha256: createHash('sha256').update(payload).digest('hex'),
		headBytes: head.length,
		headSha256: createHash('sha256').update(head).digest('hex'),
	};
	writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(sealed)}\n`), payload, head]));
}

function rewriteHeader(file: string, change: (header: Header) => Header): void {
	const {header, payload, head} = splitIndex(file);
	joinIndex(file, change(header), payload, head);
}

type Columns = Record<'table' | 'paths' | 'ids' | 'titles' | 'images', unknown[]> & {refs: Uint32Array};

function rewritePayload(file: string, change: (payload: Columns) => void): void {
	const {header, payload, head} = splitIndex(file);
	const columns = deserialize(payload) as Columns;
	change(columns);
	joinIndex(file, header, serialize(columns), head);
}
