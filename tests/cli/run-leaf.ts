// Runs the built CLI (bin/leaf.js -> dist/) as a child process, the way a user does.
import {spawnSync} from 'node:child_process';
import {after} from 'node:test';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const leafBin = join(repo, 'bin/leaf.js');

/** `npm test` builds first; a lone test run builds if dist/ is missing. */
export function ensureBuilt(): void {
	if (existsSync(join(repo, 'dist/cli.js'))) return;
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: repo, encoding: 'utf8'});
	if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

/** Config and cache folders of the child: never the user's. */
export const home = mkdtempSync(join(tmpdir(), 'leaf-cli-home-'));
after(() => rmSync(home, {recursive: true, force: true}));

export interface LeafRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

export function runLeaf(
	args: string[],
	options: {input?: string; env?: Record<string, string | undefined>; node?: string[]} = {},
): LeafRun {
	const env: Record<string, string | undefined> = {
		...process.env,
		XDG_CONFIG_HOME: join(home, 'config'),
		XDG_CACHE_HOME: join(home, 'cache'),
		LEAF_DIR: undefined,
		NO_COLOR: undefined,
		CI: undefined,
		...options.env,
	};
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	const result = spawnSync(process.execPath, [...(options.node ?? []), leafBin, ...args], {
		cwd: repo,
		env,
		input: options.input ?? '',
		encoding: 'utf8',
		timeout: 30_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.error) throw result.error;
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Runs a shell command under a pseudo-terminal of `columns` columns (util-linux `script`). */
export function inTerminal(command: string, columns: number, env: Record<string, string> = {}) {
	const result = spawnSync('script', ['-qec', `stty cols ${columns} rows 40; ${command}`, '/dev/null'], {
		env: {
			...process.env,
			TERM: 'xterm-256color',
			NO_COLOR: '',
			CI: '',
			XDG_CONFIG_HOME: join(home, 'config'),
			XDG_CACHE_HOME: join(home, 'cache'),
			...env,
		},
		input: '',
		encoding: 'utf8',
		timeout: 30_000,
	});
	return {status: result.status, output: result.stdout.replace(/\r\n/g, '\n')};
}

export const hasScript = spawnSync('script', ['--version']).status === 0;
