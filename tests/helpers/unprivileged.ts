// Permission cases run for real. Mode bits deny root nothing, and the tests often run as root (CI does): then a
// permission case runs in a child process as the unprivileged user nobody (setpriv, from util-linux), on folders
// that user can reach. As any other user the child runs as that user. Only where neither works is the case
// skipped, and never in CI.
import {spawnSync} from 'node:child_process';
import {chmodSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const NOBODY = '65534';
const DROP = ['--reuid', NOBODY, '--regid', NOBODY, '--clear-groups'];

export const runningAsRoot = process.getuid?.() === 0;
const repo = fileURLToPath(new URL('../../', import.meta.url));
// nobody must also reach the checkout (its code and node_modules): a clone in a folder only root enters (mktemp -d)
// cannot be run from as nobody.
const canDrop = runningAsRoot && spawnSync('setpriv', [...DROP, 'test', '-r', join(repo, 'package.json')]).status === 0;

/**
 * The `skip` option of a permission test: false when it can run (we are not root, or can drop to nobody); else the
 * reason, or, in CI, a thrown error that fails the file.
 */
export function skipUnlessPermissionsHold(): false | string {
	if (!runningAsRoot || canDrop) return false;
	const reason =
		'running as root, and nobody cannot be dropped to (no setpriv) or cannot reach the checkout (a folder only root enters): permission cases cannot run';
	if (process.env.CI) throw new Error(`CI: ${reason}`);
	return reason;
}

/** The command that runs `argv` as a user the mode bits apply to. */
export function unprivileged(argv: readonly string[]): string[] {
	return runningAsRoot ? ['setpriv', ...DROP, ...argv] : [...argv];
}

/** Opens `path` and every folder above it up to `top` to everyone (mkdtemp makes folders only their owner enters). */
export function openToAll(path: string, top: string): void {
	for (let dir = path; ; dir = dirname(dir)) {
		chmodSync(dir, 0o777);
		if (dir === top || dirname(dir) === dir) break;
	}
}

/** Runs an ES module snippet through tsx, as an unprivileged user; returns what it printed to stdout, as JSON. */
export function runUnprivileged(code: string, env: Record<string, string> = {}): unknown {
	const [command, ...args] = unprivileged([process.execPath, '--import', 'tsx', '--input-type=module', '-e', code]);
	const child = spawnSync(command!, args, {
		cwd: new URL('../../', import.meta.url),
		encoding: 'utf8',
		env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', ...env},
		timeout: 60_000,
	});
	if (child.status !== 0) throw new Error(`the unprivileged child failed (${child.status}): ${child.stderr}`);
	return JSON.parse(child.stdout);
}

/** For each path, whether the unprivileged user can read it (a file) or list it (a folder). */
export function accessOf(paths: readonly string[]): {read: boolean; list: boolean}[] {
	const code = `
		const fs = require('node:fs');
		const can = (act) => { try { act(); return true; } catch { return false; } };
		const paths = JSON.parse(process.argv[1]);
		console.log(JSON.stringify(paths.map((path) => ({
			read: can(() => fs.closeSync(fs.openSync(path, 'r'))),
			list: can(() => fs.readdirSync(path)),
		}))));
	`;
	const [command, ...args] = unprivileged([process.execPath, '-e', code, JSON.stringify(paths)]);
	const child = spawnSync(command!, args, {encoding: 'utf8', cwd: '/'});
	if (child.status !== 0) throw new Error(`the access check failed: ${child.stderr}`);
	return JSON.parse(child.stdout) as {read: boolean; list: boolean}[];
}

/** The file URL of a source module, for an import in a snippet. */
export function sourceUrl(path: string): string {
	return JSON.stringify(new URL(`../../${path}`, import.meta.url).href);
}
