// Shared by the hostile-input tests: the generated fixture library, the built CLI run in a sandbox
// (HOME, XDG_* and TMPDIR all temporary) and the checks every byte of output must pass.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import type {Stats} from 'node:fs';
import {
	chmodSync,
	closeSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = join(repo, 'tests/fixtures/hostile');
const leafBin = join(repo, 'bin/leaf.js');

export type Expectation = 'listed' | 'unreadable' | 'unreadable-dir' | 'not-listed' | 'link-dir' | 'any';

export interface FixtureCase {
	path: string;
	case: string;
	expect: Expectation;
	/** false: `leaf cat` is not run on it (`why` says why). */
	cat: boolean;
	/** Why `leaf cat` refuses this readable file with one line and exit 1 (empty, not text). */
	catRefuses?: string;
	why?: string;
	/** Files inside an unreadable folder. */
	contains?: string[];
	/**
	 * `unreadable`: the front matter cannot be read, leaf must say so in the article's `warning`; `recovered`: YAML
	 * rejects it and leaf reads it line by line, with a warning.
	 */
	frontMatter?: 'unreadable' | 'recovered';
	/** The title leaf must read from the front matter (BOM, CRLF, a number; or recovered line by line). */
	title?: string;
	/** null: the date cannot be read, so the article has none (never an Invalid Date or a crash). */
	date?: null;
	/** Text that `leaf cat` must keep (compared with all whitespace removed). */
	keeps?: string[];
}

export interface Manifest {
	generator: string;
	markers: string[];
	cases: FixtureCase[];
}

/** `npm test` generates the fixtures first; a lone run of one test file generates them if missing. */
export function loadManifest(): Manifest {
	const path = join(fixtures, 'MANIFEST.json');
	if (!existsSync(path)) {
		const made = spawnSync(process.execPath, ['scripts/make-hostile-fixtures.mjs', fixtures], {
			cwd: repo,
			encoding: 'utf8',
		});
		if (made.status !== 0) throw new Error(`fixture generation failed: ${made.stderr}`);
	}
	if (!existsSync(join(repo, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
	return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Whether this process can read the file (root reads mode 000 files: the tests must not pretend otherwise). */
export function canRead(path: string): boolean {
	try {
		closeSync(openSync(path, 'r'));
		return true;
	} catch {
		return false;
	}
}

export function isRegularFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

export interface LeafResult {
	status: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	stdout: string;
	stderr: string;
	/** Problems with the raw bytes: invalid UTF-8 on stdout or stderr. */
	encodingErrors: string[];
}

/**
 * Runs `node bin/leaf.js ...args` with stdin from /dev/null; kills it after `timeoutMs`. `as` may wrap the command
 * (to run it as another user).
 */
export function runLeaf(
	args: string[],
	sandbox: Sandbox,
	timeoutMs = 20_000,
	as: (argv: string[]) => string[] = (argv) => argv,
): Promise<LeafResult> {
	return new Promise((resolve, reject) => {
		const [command, ...rest] = as([process.execPath, leafBin, ...args]);
		const child = spawn(command!, rest, {
			cwd: sandbox.cwd,
			env: sandbox.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', reject);
		child.on('close', (status, signal) => {
			clearTimeout(timer);
			const encodingErrors: string[] = [];
			const decode = (chunks: Buffer[], name: string) => {
				const bytes = Buffer.concat(chunks);
				try {
					new TextDecoder('utf-8', {fatal: true}).decode(bytes);
				} catch {
					encodingErrors.push(`${name} is not valid UTF-8`);
				}
				return bytes.toString('utf8');
			};
			resolve({status, signal, timedOut, stdout: decode(out, 'stdout'), stderr: decode(err, 'stderr'), encodingErrors});
		});
	});
}

// C0 controls but newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
const forbidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Each control or bidi character in `text`, with its place and neighbourhood, for the failure message. */
export function controlCharacters(text: string, limit = 5): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(forbidden)) {
		const at = match.index;
		const code = match[0].codePointAt(0)?.toString(16).padStart(4, '0');
		found.push(`U+${code} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}`);
		if (found.length >= limit) break;
	}
	return found;
}

/** Every string inside a parsed JSON value (keys too): a JSON consumer prints these. */
export function jsonStrings(value: unknown, into: string[] = []): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) for (const item of value) jsonStrings(item, into);
	else if (value !== null && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			into.push(key);
			jsonStrings(item, into);
		}
	}
	return into;
}

/** A stderr that is one clean line: non-empty, no stack trace, no controls. */
export function oneLineError(stderr: string): string | null {
	const text = stderr.replace(/\n$/, '');
	if (text.trim() === '') return 'stderr is empty';
	if (text.includes('\n')) return `stderr has ${text.split('\n').length} lines: ${JSON.stringify(text.slice(0, 300))}`;
	if (/\bat .+:\d+:\d+\)?$/.test(text)) return `stderr looks like a stack trace: ${text}`;
	const controls = controlCharacters(text);
	return controls.length > 0 ? `stderr has control characters: ${controls.join('; ')}` : null;
}

export interface Sandbox {
	root: string;
	cwd: string;
	env: Record<string, string>;
	/** Paths created, removed or changed anywhere watched except XDG_CONFIG_HOME and XDG_CACHE_HOME. */
	changesOutsideState(): string[];
	/** Removes the temporary folders. */
	dispose(): void;
}

/**
 * After the runs: no front matter was executed (none of the manifest's marker files exists) and nothing was
 * written outside XDG_CONFIG_HOME and XDG_CACHE_HOME.
 */
export function assertSandboxClean(sandbox: Sandbox, manifest?: Manifest): void {
	if (manifest) {
		assert.deepEqual(
			manifest.markers.filter((marker) => existsSync(marker)),
			[],
			'marker files written by executed front matter',
		);
	}
	assert.deepEqual(sandbox.changesOutsideState(), []);
}

/**
 * A temporary HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME, TMPDIR and working
 * folder. Only the first two may change; the others and the fixture library are snapshotted now. `forAnyUser`
 * opens them to every user.
 */
export function createSandbox({forAnyUser = false} = {}): Sandbox {
	const root = mkdtempSync(join(tmpdir(), 'leaf-hostile-'));
	const dirs = Object.fromEntries(
		['home', 'config', 'cache', 'data', 'state', 'tmp', 'cwd'].map((name) => [name, join(root, name)]),
	);
	for (const dir of Object.values(dirs)) mkdirSync(dir);
	// For a program run as another user (the permission cases, when the tests run as root).
	if (forAnyUser) for (const dir of [root, ...Object.values(dirs)]) chmodSync(dir, 0o777);
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		LANG: 'C.UTF-8',
		HOME: dirs.home!,
		XDG_CONFIG_HOME: dirs.config!,
		XDG_CACHE_HOME: dirs.cache!,
		XDG_DATA_HOME: dirs.data!,
		XDG_STATE_HOME: dirs.state!,
		TMPDIR: dirs.tmp!,
	};
	const watched = [dirs.home!, dirs.data!, dirs.state!, dirs.tmp!, dirs.cwd!, fixtures];
	const before = snapshot(watched);
	return {
		root,
		cwd: dirs.cwd!,
		env,
		changesOutsideState() {
			const after = snapshot(watched);
			const changes: string[] = [];
			for (const [path, state] of after)
				if (before.get(path) !== state)
					changes.push(`${before.has(path) ? 'changed' : 'created'}: ${JSON.stringify(path)}`);
			for (const path of before.keys()) if (!after.has(path)) changes.push(`removed: ${JSON.stringify(path)}`);
			return changes;
		},
		dispose() {
			rmSync(root, {recursive: true, force: true});
		},
	};
}

/** path -> type, size, mode and mtime of everything under `roots`, without following symlinks. Paths are
 * walked as bytes: a file name that is not UTF-8 cannot be reached through a string. */
function snapshot(roots: string[]): Map<string, string> {
	const states = new Map<string, string>();
	const visit = (path: Buffer) => {
		let stats: Stats;
		try {
			stats = lstatSync(path);
		} catch (error) {
			// A file in a folder we may list but not enter (mode 644) when not running as root.
			states.set(path.toString('utf8'), `unreadable ${(error as NodeJS.ErrnoException).code}`);
			return;
		}
		const type = stats.isDirectory() ? 'dir' : stats.isSymbolicLink() ? 'link' : stats.isFile() ? 'file' : 'other';
		states.set(path.toString('utf8'), `${type} ${stats.size} ${stats.mode} ${stats.mtimeMs}`);
		if (type !== 'dir') return;
		let names: Buffer[];
		try {
			names = readdirSync(path, {encoding: 'buffer'});
		} catch {
			return;
		}
		for (const name of names) visit(Buffer.concat([path, Buffer.from('/'), name]));
	};
	for (const root of roots) visit(Buffer.from(root));
	return states;
}
