// Writing a file whole or not at all (safe-write.ts): the new bytes through a temporary file renamed over the old
// one; a full disk or a failed rename leaves the old file, no temporary file and no open descriptor; temporary
// files of killed writers are told from a running one's by the process id in their name.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	isAbandoned,
	removeAbandonedTemporariesSync,
	temporaryName,
	writeFileSafely,
	writeFileSafelySync,
} from '../../src/io/safe-write.ts';
import {descriptorsUnder} from '../helpers/descriptors.ts';
import {tempFolders} from '../helpers/temp.ts';

const tempDir = tempFolders('leaf-safe-write-');
/** Above Linux's largest process id (2^22): no such process runs. */
const GONE = 2 ** 22 + 1;

test('the file is replaced whole, readable by its owner only unless told, with no temporary file left', async () => {
	const dir = tempDir();
	const file = join(dir, 'state.json');
	writeFileSync(file, 'old');
	writeFileSafelySync(file, Buffer.from('new 新'));
	assert.equal(readFileSync(file, 'utf8'), 'new 新');
	assert.equal(statSync(file).mode & 0o777, 0o600);
	await writeFileSafely(join(dir, 'index.bin'), [Buffer.from('one,'), Buffer.alloc(0), Buffer.from('two')]);
	assert.equal(readFileSync(join(dir, 'index.bin'), 'utf8'), 'one,two');
	assert.equal(statSync(join(dir, 'index.bin')).mode & 0o777, 0o600);
	// Not synced (a file that checks itself): written whole and renamed all the same.
	await writeFileSafely(join(dir, 'index.bin'), [Buffer.from('three')], {durable: false});
	assert.equal(readFileSync(join(dir, 'index.bin'), 'utf8'), 'three');
	writeFileSafelySync(join(dir, 'open.json'), Buffer.from('{}'), 0o644);
	await writeFileSafely(join(dir, 'open.bin'), [Buffer.from('x')], {mode: 0o640});
	assert.deepEqual(
		[statSync(join(dir, 'open.json')).mode & 0o777, statSync(join(dir, 'open.bin')).mode & 0o777],
		[0o644, 0o640],
	);
	assert.deepEqual(readdirSync(dir).sort(), ['index.bin', 'open.bin', 'open.json', 'state.json']);
});

test('a rename that fails (a folder in the way) throws its own error and leaves no temporary file or descriptor', async () => {
	const dir = tempDir();
	const file = join(dir, 'in-the-way');
	mkdirSync(join(file, 'child'), {recursive: true});
	assert.throws(() => writeFileSafelySync(file, Buffer.from('x')), {code: 'EISDIR'});
	await assert.rejects(writeFileSafely(file, [Buffer.from('x')]), {code: 'EISDIR'});
	assert.deepEqual(descriptorsUnder(dir), []);
	assert.deepEqual(readdirSync(dir), ['in-the-way']);
	// A folder that is not there: the temporary file cannot even be made.
	assert.throws(() => writeFileSafelySync(join(dir, 'no/such'), Buffer.from('x')), {code: 'ENOENT'});
	await assert.rejects(writeFileSafely(join(dir, 'no/such'), [Buffer.from('x')]), {code: 'ENOENT'});
});

test('a full disk (a real 64 KiB tmpfs): an error, the old file whole, nothing left behind', async (t) => {
	const dir = tempDir();
	if (process.getuid?.() !== 0) return t.skip('needs root to mount a tmpfs');
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {encoding: 'utf8'});
	if (mounted.status !== 0) return t.skip(`cannot mount a tmpfs here: ${mounted.stderr.trim()}`);
	t.after(() => spawnSync('umount', [dir]));
	const file = join(dir, 'file');
	writeFileSafelySync(file, Buffer.from('old'));
	const big = Buffer.alloc(200 * 1024, 'x');
	assert.throws(() => writeFileSafelySync(file, big), {code: 'ENOSPC'});
	await assert.rejects(writeFileSafely(file, [Buffer.from('head'), big]), {code: 'ENOSPC'});
	assert.equal(readFileSync(file, 'utf8'), 'old');
	assert.deepEqual(readdirSync(dir), ['file']);
	assert.deepEqual(descriptorsUnder(dir), []);
});

test('a temporary name carries the writer process id and ends in .tmp; only a gone writer abandons its file', () => {
	const name = temporaryName('/x/state.json');
	assert.match(name, new RegExp(`^/x/state\\.json\\.${process.pid}-[a-z0-9]{1,8}\\.tmp$`));
	assert.equal(isAbandoned(name.slice('/x/'.length), 'state.json.'), false);
	const table: [string, boolean][] = [
		[`state.json.${GONE}-abc123.tmp`, true],
		[`state.json.${GONE}-.tmp`, true],
		[`state.json.${process.pid}-abc123.tmp`, false],
		[`state.json.${GONE}-abc123.tmp.old`, false],
		[`state.json.x${GONE}-abc123.tmp`, false],
		[`state.json.${GONE}-ABC.tmp`, false],
		[`state.json.${GONE}abc.tmp`, false],
		[`other.json.${GONE}-abc123.tmp`, false],
		[`${GONE}-abc123.tmp`, false],
		['state.json.0-abc.tmp', true],
	];
	for (const [candidate, abandoned] of table) assert.equal(isAbandoned(candidate, 'state.json.'), abandoned, candidate);
});

test("abandoned temporary files are removed, a running writer's and other files kept; no folder, no error", () => {
	const dir = tempDir();
	const kept = [`state.json.${process.pid}-abc.tmp`, 'state.json', `other.json.${GONE}-abc.tmp`, `${GONE}-abc.tmp`];
	for (const name of [...kept, `state.json.${GONE}-abc.tmp`, `state.json.${GONE + 1}-d.tmp`])
		writeFileSync(join(dir, name), '');
	removeAbandonedTemporariesSync(join(dir, 'state.json'));
	assert.deepEqual(readdirSync(dir).sort(), kept.sort());
	removeAbandonedTemporariesSync(join(dir, 'missing', 'state.json'));
});
