// A library folder that does not exist, is a file, or is an unusable symlink: one clear stderr line,
// a non-zero exit and nothing on stdout, from every command that takes a library.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {
	assertSandboxClean,
	controlCharacters,
	createSandbox,
	fixtures,
	loadManifest,
	oneLineError,
	runLeaf,
} from './harness.ts';

loadManifest();
const sandbox = createSandbox();
after(() => sandbox.dispose());
const loop = join(sandbox.root, 'loop');
symlinkSync('loop', loop);

const libraries = [
	{name: 'a folder that does not exist', path: join(sandbox.root, 'no-such-library')},
	{name: 'a file', path: join(fixtures, 'tree/ok.md')},
	{name: 'a dangling symlink', path: join(fixtures, 'tree/dangling-dir')},
	{name: 'a symlink to itself', path: loop},
	{name: 'a name with escape sequences that does not exist', path: join(sandbox.root, 'gone\x1b]0;PWNED\x07\x1b[2J')},
];
const commands = [
	{name: 'leaf list DIR', args: (dir: string) => ['list', dir]},
	{name: 'leaf list DIR --json', args: (dir: string) => ['list', dir, '--json']},
	{name: 'leaf DIR (stdout piped)', args: (dir: string) => [dir]},
];

describe('a library that is not a readable folder', () => {
	for (const library of libraries) {
		for (const command of commands) {
			test(`${command.name} on ${library.name}`, async () => {
				const run = await runLeaf(command.args(library.path), sandbox);
				assert.equal(run.timedOut, false);
				assert.notEqual(run.status, 0, `exit 0 with stdout ${JSON.stringify(run.stdout.slice(0, 200))}`);
				assert.equal(oneLineError(run.stderr), null);
				assert.equal(run.stdout, '', 'nothing on stdout (no half-written JSON)');
			});
		}
	}

	test('leaf cat on a file that does not exist, and on a folder', async () => {
		for (const path of [join(sandbox.root, 'missing.md'), join(sandbox.root, 'esc\x1b[2J.md'), fixtures]) {
			const run = await runLeaf(['cat', path], sandbox);
			assert.notEqual(run.status, 0, path);
			assert.equal(oneLineError(run.stderr), null, path);
			assert.deepEqual(controlCharacters(run.stdout), []);
		}
	});

	test('nothing was written outside XDG_CONFIG_HOME and XDG_CACHE_HOME', () => {
		assertSandboxClean(sandbox);
	});
});
