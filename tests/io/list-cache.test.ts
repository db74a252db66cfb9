// The list cache file (io/list-cache.ts): what is written is read back, window by window, and anything else is no
// cache at all.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, renameSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolders} from '../helpers/temp.ts';
import {readListCache, writeListCache, type ListKeys, type ListLines} from '../../src/io/list-cache.ts';

const temp = tempFolders('leaf-list-cache-')();
const ROOT = '/library';
const FORMAT = 1;
let files = 0;
const nextFile = () => join(temp, `list-${files++}.bin`);

/** Lines `{"n":i,"read":false,"starred":false,"x":"…"},\n`, the one at `long` far longer than the rest. */
function block(from: number, count: number, long = -1): ListLines {
	const lines = Array.from({length: count}, (_, k) => {
		const n = from + k;
		return `{"n":${n},"read":false,"starred":false,"x":"${n === long ? '长'.repeat(400) : '标题'}"},\n`;
	});
	const bytes = Buffer.from(lines.join(''));
	const ends = new Uint32Array(count);
	const marks = new Uint32Array(count);
	let at = 0;
	lines.forEach((line, k) => {
		marks[k] = at + Buffer.byteLength(line.slice(0, line.indexOf('"read"')));
		at += Buffer.byteLength(line);
		ends[k] = at;
	});
	return {bytes, ends, marks};
}

function keysOf(rows: number): ListKeys {
	return {
		paths: Array.from({length: rows}, (_, i) => `文章/${i}.md`),
		ids: Array.from({length: rows}, (_, i) => `id${i}`),
		stats: Float64Array.from({length: rows * 3}, (_, i) => i * 1.5),
		warnings: Array.from({length: rows}, (_, i) => (i === 3 ? 'no title' : null)),
		times: Float64Array.from({length: rows}, (_, i) => 1e12 - i),
	};
}

async function written(rows = 50, long = -1): Promise<string> {
	const file = nextFile();
	const blocks = [block(0, 20, long), block(20, rows - 20, long)];
	assert.equal(await writeListCache(file, ROOT, FORMAT, keysOf(rows), blocks), true);
	return file;
}

/** Every window's lines, each window's offsets checked against its bytes. */
async function linesOf(file: string, windowBytes?: number): Promise<{lines: string[]; windows: number} | null> {
	const cache = await readListCache(file, ROOT, FORMAT, windowBytes);
	if (!cache) return null;
	const lines: string[] = [];
	let windows = 0;
	try {
		await cache.eachWindow(async ({bytes, ends, marks}) => {
			windows++;
			ends.forEach((end, k) => {
				const line = bytes.toString('utf8', k === 0 ? 0 : ends[k - 1], end);
				assert.equal(bytes.toString('utf8', marks[k], marks[k]! + 6), '"read"', line);
				lines.push(line);
			});
		});
	} finally {
		await cache.close();
	}
	return {lines, windows};
}

test('what is written is read back: the keys, and every line in order, a window at a time', async () => {
	const file = await written(50, 33);
	const cache = await readListCache(file, ROOT, FORMAT);
	assert.ok(cache);
	const {ends: _ends, marks: _marks, ...keys} = cache.keys as ListKeys & {ends: unknown; marks: unknown};
	assert.deepEqual(keys, keysOf(50));
	await cache.close();
	const whole = await linesOf(file);
	assert.equal(whole?.windows, 1);
	assert.deepEqual(
		whole.lines.map((line) => (JSON.parse(line.slice(0, -2)) as {n: number}).n),
		Array.from({length: 50}, (_, n) => n),
	);
	// Windows of 300 bytes: a few lines each, and line 33 (1,200 bytes) in a buffer of its own.
	const small = await linesOf(file, 300);
	assert.deepEqual(small?.lines, whole.lines);
	assert.ok(small.windows > 5, `${small.windows} windows`);
});

test('a library without articles has an empty cache', async () => {
	const file = nextFile();
	assert.equal(await writeListCache(file, ROOT, FORMAT, keysOf(0), []), true);
	assert.deepEqual(await linesOf(file), {lines: [], windows: 0});
});

test('a cache for another library, format or version of the rules, or one damaged anywhere, is no cache', async () => {
	const file = await written();
	assert.equal(await readListCache(file, '/elsewhere', FORMAT), null);
	assert.equal(await readListCache(file, ROOT, FORMAT + 1), null);
	const bytes = readFileSync(file);
	const headerEnd = bytes.indexOf(0x0a);
	const damaged = (mutate: (copy: Buffer) => Buffer | string) => {
		const copy = nextFile();
		writeFileSync(copy, mutate(Buffer.from(bytes)));
		return readListCache(copy, ROOT, FORMAT);
	};
	const flip = (at: number) => (copy: Buffer) => {
		copy[at]! ^= 0x01;
		return copy;
	};
	assert.equal(await damaged(flip(headerEnd + 40)), null, 'a byte of the keys');
	assert.equal(await damaged(flip(bytes.length - 30)), null, 'a byte of the lines');
	assert.equal(await damaged((copy) => copy.subarray(0, bytes.length - 1)), null, 'cut short');
	assert.equal(await damaged((copy) => Buffer.concat([copy, Buffer.from('x')])), null, 'a byte more');
	assert.equal(await damaged((copy) => copy.subarray(0, headerEnd)), null, 'the header alone');
	assert.equal(await damaged(() => 'null\n'), null);
	assert.equal(await damaged(() => ''), null);
	const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Record<string, unknown>;
	const withHeader = (changes: Record<string, unknown>) => (copy: Buffer) =>
		Buffer.concat([Buffer.from(JSON.stringify({...header, ...changes})), copy.subarray(headerEnd)]);
	assert.equal(await damaged(withHeader({rows: 49})), null, 'rows');
	assert.equal(await damaged(withHeader({keysBytes: (header.keysBytes as number) + 1})), null, 'keys length');
	assert.equal(await damaged(withHeader({keysBytes: 1e12})), null, 'keys length past the end');
	assert.equal(await damaged(withHeader({leaf: 'index'})), null, 'an index');
	assert.ok(await damaged((copy) => copy), 'the copy itself is read');
	assert.equal(await readListCache(join(temp, 'none.bin'), ROOT, FORMAT), null);
	truncateSync(file, 0);
	assert.equal(await readListCache(file, ROOT, FORMAT), null);
});

test('keys that are not what a list writes are no cache, though the checksum holds', async () => {
	const read = async (keys: ListKeys, lines = [block(0, 50)]) => {
		const file = nextFile();
		assert.equal(await writeListCache(file, ROOT, FORMAT, keys, lines), true);
		return readListCache(file, ROOT, FORMAT);
	};
	const good = await read(keysOf(50));
	assert.ok(good, 'the unchanged keys are read');
	await good.close();
	const broken: [string, ListKeys][] = [
		['a path not a string', {...keysOf(50), paths: [...keysOf(50).paths.slice(1), 7 as unknown as string]}],
		['an id missing', {...keysOf(50), ids: keysOf(50).ids.slice(1)}],
		['an id not a string', {...keysOf(50), ids: [null as unknown as string, ...keysOf(50).ids.slice(1)]}],
		['stats short', {...keysOf(50), stats: keysOf(50).stats.subarray(3)}],
		['stats not numbers', {...keysOf(50), stats: [...keysOf(50).stats] as unknown as Float64Array}],
		['times short', {...keysOf(50), times: keysOf(50).times.subarray(1)}],
		['times not numbers', {...keysOf(50), times: [...keysOf(50).times] as unknown as Float64Array}],
		['a warning not a string', {...keysOf(50), warnings: [...keysOf(50).warnings.slice(1), 1 as unknown as null]}],
		['warnings short', {...keysOf(50), warnings: keysOf(50).warnings.slice(1)}],
		['warnings not a list', {...keysOf(50), warnings: 'none' as unknown as null[]}],
	];
	for (const [what, keys] of broken) assert.equal(await read(keys), null, what);
	// A line whose marks are not inside it.
	for (const mark of [0, 200]) {
		const lines = block(0, 50);
		lines.marks[0] = mark;
		assert.equal(await read(keysOf(50), [lines]), null, `a mark at ${mark}`);
	}
	const header = (file: string) => readFileSync(file).toString('utf8').split('\n', 1)[0]!;
	const other = nextFile();
	assert.ok(await writeListCache(other, ROOT, FORMAT, keysOf(50), [block(0, 50)]));
	const rules = JSON.parse(header(other)) as {rules: string};
	writeFileSync(other, readFileSync(other).toString('latin1').replace(rules.rules, 'other rules'), 'latin1');
	assert.equal(await readListCache(other, ROOT, FORMAT), null, 'made under other parsing rules');
});

test('the lines come from the file that was checked, even once another has taken its name', async () => {
	const file = await written(50);
	const cache = await readListCache(file, ROOT, FORMAT);
	assert.ok(cache);
	const other = nextFile();
	assert.equal(await writeListCache(other, ROOT, FORMAT, keysOf(30), [block(100, 30)]), true);
	renameSync(other, file);
	const lines: string[] = [];
	await cache.eachWindow(async ({bytes}) => {
		lines.push(bytes.toString());
	});
	await cache.close();
	assert.match(lines.join(''), /^\{"n":0,/);
	assert.equal(lines.join('').split('\n').length, 51);
});

test('a cache that cannot be written is not, and says so', async () => {
	const notAFolder = join(temp, 'a-file');
	writeFileSync(notAFolder, '');
	assert.equal(await writeListCache(join(notAFolder, 'list.bin'), ROOT, FORMAT, keysOf(50), [block(0, 50)]), false);
	// Keys and lines that do not match: refused, nothing written.
	mkdirSync(join(temp, 'mismatch'));
	const file = join(temp, 'mismatch', 'list.bin');
	assert.equal(await writeListCache(file, ROOT, FORMAT, keysOf(40), [block(0, 50)]), false);
	assert.equal(await readListCache(file, ROOT, FORMAT), null);
});
