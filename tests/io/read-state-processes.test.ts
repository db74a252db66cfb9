// read-state across processes: the default folder, two writers at once, the batch flushed at exit, SIGKILL
// mid-write.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {tempFolders} from '../helpers/temp.ts';
import {waitFor} from '../helpers/wait.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const moduleUrl = new URL('../../src/io/read-state.ts', import.meta.url).href;
const marksUrl = new URL('../../src/cli/read-marks.ts', import.meta.url).href;
const tempDir = tempFolders('leaf-read-state-');
/** The library whose marks the children keep. */
const LIB = fs.realpathSync(tempDir());
const stateFile = (dir: string): string => path.join(dir, 'config.json');
/** The version and the marks of LIB in the file. */
const readState = (dir: string): {version: number; read: string[]} => {
	const data = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as {
		version: number;
		libraries: Record<string, {root: string; read: string[]}>;
	};
	const entry = Object.values(data.libraries).find((library) => library.root === LIB);
	return {version: data.version, read: entry?.read ?? []};
};

/** Runs an ES module snippet with openReadStore, batchedMarks and LIB in scope (a real process of its own). */
function childArgs(body: string): string[] {
	const imports = [
		`import {openReadStore} from ${JSON.stringify(moduleUrl)};`,
		`import {batchedMarks} from ${JSON.stringify(marksUrl)};`,
	];
	const code = `${imports.join('\n')}\nconst LIB = ${JSON.stringify(LIB)};\n${body}`;
	return ['--import', 'tsx', '--input-type=module', '-e', code];
}

describe('two processes', () => {
	it('flushing at the same time lose no mark', async () => {
		const dir = tempDir();
		const writer = (prefix: string) =>
			spawn(
				process.execPath,
				childArgs(`
			const store = openReadStore({cwd: ${JSON.stringify(dir)}, library: LIB});
			for (let i = 0; i < 150; i++) { store.setRead('${prefix}' + i, true); store.flush(); }
			// A flush that found the lock held too long keeps its marks for the next one.
			while (store.pendingChanges > 0) store.flush();
		`),
				{cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit']},
			);
		const exits = ['p', 'q'].map(
			(prefix) => new Promise<number | null>((resolve) => writer(prefix).on('exit', resolve)),
		);
		assert.deepEqual(await Promise.all(exits), [0, 0]);
		const expected = ['p', 'q'].flatMap((prefix) => Array.from({length: 150}, (_, i) => prefix + i)).sort();
		assert.deepEqual(readState(dir).read, expected);
	});
});

describe('flush at exit', () => {
	it('marks recorded in a batch are written when the process exits before the batch is due', () => {
		const dir = tempDir();
		const child = spawnSync(
			process.execPath,
			childArgs(`
			const store = openReadStore({cwd: ${JSON.stringify(dir)}, library: LIB});
			const marks = batchedMarks(store, 60_000);
			marks.record([{id: 'x', read: true}]);
			process.exit(0);
		`),
			{cwd: repoRoot, encoding: 'utf8'},
		);
		assert.equal(child.status, 0, child.stderr);
		assert.deepEqual(readState(dir).read, ['x']);
	});
});

describe('the default state folder', () => {
	const cases = [
		{
			name: 'XDG_CONFIG_HOME',
			env: (root: string) => ({XDG_CONFIG_HOME: path.join(root, 'xdg'), HOME: path.join(root, 'home')}),
			expected: 'xdg/leaf/config.json',
		},
		{
			name: 'HOME without XDG_CONFIG_HOME',
			env: (root: string) => ({HOME: path.join(root, 'home')}),
			expected: 'home/.config/leaf/config.json',
		},
	];
	for (const {name, env, expected} of cases) {
		it(`follows ${name}`, () => {
			const root = tempDir();
			const {XDG_CONFIG_HOME: _unset, ...inherited} = process.env;
			const child = spawnSync(
				process.execPath,
				childArgs(`
				const store = openReadStore({library: LIB});
				store.setRead('a.b', true);
				store.flush();
				console.log(store.path);
			`),
				{cwd: repoRoot, encoding: 'utf8', env: {...inherited, ...env(root)}},
			);
			assert.equal(child.status, 0, child.stderr);
			assert.equal(child.stdout.trim(), path.join(root, expected));
			assert.deepEqual(readState(path.dirname(path.join(root, expected))).read, ['a.b']);
		});
	}
});

describe('killed mid-write', () => {
	it('never leaves a half-written state file (100,000 ids, SIGKILL at varied moments)', async (t) => {
		const dir = tempDir();
		const rounds = 10;
		const leftTemps = new Set<string>();
		for (let round = 0; round < rounds; round++) {
			const child = spawn(
				process.execPath,
				childArgs(`
				const store = openReadStore({cwd: ${JSON.stringify(dir)}, library: LIB});
				for (let i = 0; i < 100_000; i++) store.setRead(i.toString(16).padStart(16, '0'), true);
				for (let i = 0; ; i++) {
					store.setRead('toggle', i % 2 === 0);
					store.flush();
					process.stdout.write(i + '\\n');
				}
			`),
				{cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit']},
			);
			const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
			let flushes = 0;
			child.stdout.on('data', (chunk: Buffer) => {
				flushes += chunk.toString().split('\n').length - 1;
			});
			// Even rounds die once the child has finished 0, 1 or 2 flushes, whatever it is doing then
			// (round 0 before its first write). Odd rounds die as soon as the child's 1st, 2nd or 3rd write
			// starts: a temp file appears (or config.json itself changes, were writes not atomic).
			const finished = round % 3;
			const watcher = fs.watch(dir, (event, name) => {
				const writeStarts = name?.endsWith('.tmp') || (event === 'change' && name === 'config.json');
				if (round % 2 === 1 && flushes >= finished && writeStarts) child.kill('SIGKILL');
			});
			const ended = (): boolean => child.exitCode !== null || child.signalCode !== null;
			await waitFor(() => ended() || flushes >= finished + (round % 2) * 2, `round ${round}`);
			child.kill('SIGKILL');
			await exited;
			watcher.close();
			for (const name of fs.readdirSync(dir)) if (name.endsWith('.tmp')) leftTemps.add(name);
			if (!fs.existsSync(stateFile(dir))) {
				assert.equal(round, 0, 'the file exists once a flush has finished');
				continue;
			}
			const state = readState(dir);
			assert.equal(state.version, 2);
			assert.ok(state.read.length >= 100_000, `round ${round}: ${state.read.length} ids`);
		}
		t.diagnostic(`${leftTemps.size} kills landed inside a write (their temp files were left behind)`);
		assert.ok(leftTemps.size > 0, 'no kill landed inside a write: the test proved nothing');
	});
});
