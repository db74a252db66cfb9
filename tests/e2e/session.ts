// What every tmux test file sets up the same way: the bundle checked, a temporary home removed after the file, one
// tmux server of its own, and leaf started in a pane with its config and cache in folders of the test's choosing.
import {after, before} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Pane} from './tmux.ts';
import {Tmux} from './tmux.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** The launcher the tests run, as a user would. */
export const leafBin = join(repo, 'bin/leaf.js');

export interface LeafPane {
	columns: number;
	rows: number;
	/** What leaf is given on its command line (a library folder, a subcommand...). */
	args: readonly string[];
	/** XDG_CONFIG_HOME; the cache goes in its `cache` folder. A fresh folder under the home when not given. */
	config?: string;
	/** The pane's working folder: the home when not given. */
	cwd?: string;
	/** More environment, on top of TERM=xterm-256color and LANG=C.UTF-8. */
	env?: Record<string, string>;
	/** More variables to remove than CI (which makes Ink print nothing until exit). */
	unset?: readonly string[];
	/** A command that runs leaf: leaf's own command line is added to its arguments. */
	via?: readonly string[];
}

export interface Session {
	/** The temporary home of this test file (made before its first test). */
	readonly home: string;
	readonly tmux: Tmux;
	/** Starts leaf in a new pane. */
	start(options: LeafPane): Pane;
}

/**
 * Registers the file's set-up and clean-up; `prefix` names its temporary home, `socket` its tmux server (the
 * default is one per process).
 */
export function e2eSession(prefix: string, socket?: string): Session {
	let home: string | undefined;
	let tmux: Tmux | undefined;
	before(() => {
		assert.ok(existsSync(join(repo, 'dist/cli.js')), 'the bundle is missing: run `npm run build` first');
		home = mkdtempSync(join(tmpdir(), prefix));
		tmux = new Tmux(socket);
	});
	after(() => {
		// A leaf left running by a failed test saves its marks as the server's end stops it: kill waits for it, so
		// that the failure reported is the test's own, not a folder that was written again as it was removed.
		tmux?.kill();
		if (home) rmSync(home, {recursive: true, force: true});
	});
	const ready = <T>(value: T | undefined): T => {
		assert.ok(value !== undefined, 'e2eSession: used before its before() hook ran');
		return value;
	};
	return {
		get home() {
			return ready(home);
		},
		get tmux() {
			return ready(tmux);
		},
		start({columns, rows, args, config, cwd, env = {}, unset = [], via = []}) {
			const configHome = config ?? mkdtempSync(join(ready(home), 'config-'));
			return ready(tmux).start({
				columns,
				rows,
				command: [...via, process.execPath, leafBin, ...args],
				cwd: cwd ?? ready(home),
				unset: ['CI', ...unset],
				env: {
					XDG_CONFIG_HOME: configHome,
					XDG_CACHE_HOME: join(configHome, 'cache'),
					TERM: 'xterm-256color',
					LANG: 'C.UTF-8',
					...env,
				},
			});
		},
	};
}

/** The status line: the last line that is not blank. */
export const statusLine = (lines: readonly string[]): string => lines.filter((line) => line.trim() !== '').at(-1) ?? '';

/**
 * The reader has the keys and shows `text`: the status line's hint says `q back` (from 60 columns on), so Enter has
 * been handled, and the text is there. Side by side the preview shows an article's text before Enter is handled,
 * and a reader still loading shows none: the text alone would say neither that the article is open nor that its
 * lines (and so its read mark) are in.
 */
export const readerShows =
	(text: string | RegExp) =>
	(screen: string, lines: readonly string[]): boolean =>
		/q back$/.test(statusLine(lines)) && (typeof text === 'string' ? screen.includes(text) : text.test(screen));
