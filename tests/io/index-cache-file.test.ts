// readIndex and writeIndex on their own: a round trip, refused rows, and temporary files of killed writers.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {INDEX_VERSION, indexFileFor, readIndex, writeIndex} from '../../src/io/index-cache.ts';
import {temp} from '../helpers/index-library.ts';
import {articleMeta} from '../helpers/article.ts';

test('readIndex gives back what writeIndex wrote; shared lists are frozen', async () => {
	const file = join(temp, 'unit', 'index.bin');
	const metas: ArticleMeta[] = [
		{
			id: '0123456789abcdef',
			path: 'a.md',
			title: '标题',
			date: new Date(Date.UTC(2021, 9, 28)),
			author: 'A',
			categories: [['x', 'y']],
			tags: ['t'],
			image: 'i.png',
			link: 'https://e.com',
			warning: null,
		},
		{
			id: 'fedcba9876543210',
			path: 'sub/b.md',
			title: 'b',
			date: null,
			author: 'A',
			categories: [['x', 'y']],
			tags: [],
			image: null,
			link: null,
			warning: 'front matter is not closed',
		},
	];
	const stats = [10, 1.5, 2.5, 20, 3.25, 4.75];
	assert.equal(await writeIndex(file, '/root', metas, stats), true);
	const index = await readIndex(file, '/root');
	assert.ok(index);
	assert.deepEqual(index.metas, metas);
	assert.deepEqual([...index.stats], stats);
	assert.deepEqual(
		[...index.positions],
		[
			['a.md', 0],
			['sub/b.md', 1],
		],
	);
	assert.equal(index.metas[0]!.categories, index.metas[1]!.categories, 'one shared list');
	assert.throws(() => index.metas[0]!.categories[0]!.push('z'), TypeError);
	assert.equal(await readIndex(file, '/other-root'), null);
	assert.equal(await readIndex(join(temp, 'unit', 'missing.bin'), '/root'), null);
});

test('writeIndex leaves out a row readIndex would refuse, so the rest stays usable', async () => {
	const file = join(temp, 'unit', 'filtered.bin');
	const good: ArticleMeta = articleMeta({id: '0123456789abcdef', path: 'ok.md', title: 'OK'});
	const bad: ArticleMeta = {...good, id: 'fedcba9876543210', path: 'bad.md', title: 'bad\x1b[2J'};
	assert.equal(await writeIndex(file, '/root', [good, bad], [1, 1, 1, 2, 2, 2]), true);
	assert.deepEqual((await readIndex(file, '/root'))?.metas, [good]);
	assert.equal(existsSync(file), true);
});

test("temporary files left by a leaf that was killed mid-write are removed; a running one's are kept", async () => {
	const folder = join(temp, 'abandoned');
	const file = join(folder, 'index.bin');
	mkdirSync(folder, {recursive: true});
	// Above Linux's largest process id (2^22), so no such process can be running.
	const abandoned = `index.bin.${2 ** 22 + 1}-abc123.tmp`;
	const running = `index.bin.${process.pid}-def456.tmp`;
	// Another index's, abandoned or not, and a bare one of no index: not this writer's to remove.
	const unrelated = ['other.bin.1-abc.tmp', `other.bin.${2 ** 22 + 1}-abc.tmp`, `${2 ** 22 + 1}-abc.tmp`];
	for (const name of [abandoned, running, ...unrelated]) writeFileSync(join(folder, name), '');
	assert.equal(await writeIndex(file, '/root', [], []), true);
	assert.deepEqual(readdirSync(folder).sort(), ['index.bin', running, ...unrelated].sort());
});

test('reading an index marks it used (its mtime), which keeps it from being pruned', async () => {
	const file = join(temp, 'unit', 'used.bin');
	assert.equal(await writeIndex(file, '/root', [], []), true);
	utimesSync(file, 1000, 1000);
	assert.notEqual(await readIndex(file, '/root'), null);
	assert.ok(statSync(file).mtimeMs > 1_000_000, `mtime ${statSync(file).mtimeMs}`);
	// One that is not used is not touched.
	utimesSync(file, 1000, 1000);
	assert.equal(await readIndex(file, '/other'), null);
	assert.equal(statSync(file).mtimeMs, 1_000_000);
});

test('a payload changed in place, its length kept, fails the checksum; a header that is not ours is refused', async () => {
	const file = join(temp, 'unit', 'flipped.bin');
	const meta: ArticleMeta = articleMeta({id: '0123456789abcdef', path: 'a.md', title: 'TitleA'});
	assert.equal(await writeIndex(file, '/root', [meta], [1, 1, 1]), true);
	const data = readFileSync(file);
	const at = data.indexOf('TitleA');
	const flipped = Buffer.from(data);
	flipped[at + 5] = 'B'.charCodeAt(0);
	writeFileSync(file, flipped);
	assert.equal(await readIndex(file, '/root'), null, 'TitleB, same length');
	const lineEnd = data.indexOf(0x0a);
	const header = JSON.parse(data.toString('utf8', 0, lineEnd)) as Record<string, unknown>;
	const payload = data.subarray(lineEnd + 1);
	const withHeader = (changes: Record<string, unknown>) =>
		Buffer.concat([Buffer.from(`${JSON.stringify({...header, ...changes})}\n`), payload]);
	writeFileSync(file, withHeader({}));
	assert.deepEqual((await readIndex(file, '/root'))?.metas, [meta], 'as written');
	const refused: [string, Record<string, unknown>][] = [
		['another kind of file', {leaf: 'config'}],
		['another version', {version: INDEX_VERSION - 1}],
		['other rules', {rules: '0000000000000000'}],
		['another length', {bytes: payload.length + 1}],
		['another checksum', {sha256: '0'.repeat(64)}],
	];
	for (const [what, changes] of refused) {
		writeFileSync(file, withHeader(changes));
		assert.equal(await readIndex(file, '/root'), null, what);
	}
	writeFileSync(file, Buffer.concat([Buffer.from('null\n'), payload]));
	assert.equal(await readIndex(file, '/root'), null, 'a header of null');
});

test('with no usable cache folder there is no index file', () => {
	assert.equal(indexFileFor('/lib', {HOME: 'relative/home'}), null);
	assert.equal(indexFileFor('/lib', {XDG_CACHE_HOME: 'relative', HOME: 'relative/home'}), null);
	// The first 24 hex digits of SHA-256('/lib'), worked out with sha256sum.
	assert.equal(indexFileFor('/lib', {HOME: '/home/u'}), '/home/u/.cache/leaf/index-4b2f4473e24574e8f7e12b6e.bin');
});
