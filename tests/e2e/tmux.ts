// Runs programs in a real terminal: a tmux server of our own (its own socket, so nothing of the user's
// tmux is touched), panes we send keys to and read the screen of. Waiting is always for a condition
// with a deadline, never a fixed sleep.
//
// The program runs under a shell that prints its exit status and stays: tmux 3.3 now and then never
// reaps a pane's process that exits (it stays a zombie, the pane never "dead"), and its "Pane is dead"
// line scrolls the screen. The shell reaps the program, and the status is read off the screen.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Quote for sh. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface PaneOptions {
	columns: number;
	rows: number;
	command: readonly string[];
	/** Set for the program (on top of the server's environment). */
	env?: Record<string, string>;
	/** Removed from the program's environment (e.g. CI, which makes Ink print nothing until exit). */
	unset?: readonly string[];
	cwd?: string;
}

export class Tmux {
	readonly socket: string;
	private readonly configDir: string;
	private sessions = 0;

	constructor(socket = `leaf-test-${process.pid}`) {
		this.socket = socket;
		this.configDir = mkdtempSync(join(tmpdir(), 'leaf-tmux-'));
		// The server outlives its last session (a test closes one before starting the next).
		writeFileSync(
			join(this.configDir, 'tmux.conf'),
			'set -g exit-empty off\nset -g status off\nset -g history-limit 0\n',
		);
	}

	/** Runs a tmux command on our server; returns its output. */
	run(args: readonly string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', join(this.configDir, 'tmux.conf'), ...args], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	}

	start(options: PaneOptions): Pane {
		const name = `s${++this.sessions}`;
		const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`);
		const unset = (options.unset ?? []).flatMap((key) => ['-u', key]);
		const program = ['env', ...unset, ...env, ...options.command].map(shellQuote).join(' ');
		const line = `${program}; status=$?; echo; echo "${EXIT_MARK} $status>"; exec sleep 86400`;
		const cwd = options.cwd ? ['-c', options.cwd] : [];
		this.run([
			'new-session',
			'-d',
			'-s',
			name,
			'-x',
			String(options.columns),
			'-y',
			String(options.rows),
			...cwd,
			line,
		]);
		return new Pane(this, name);
	}

	/**
	 * Stops the server and every program in it, and waits (up to `waitMs`) for them to end: a leaf that the hang-up
	 * stops saves its marks on the way out, making its config folder again if it is gone, so a folder removed before
	 * it has ended may not stay removed.
	 */
	kill(waitMs = 10_000): void {
		let programs: number[] = [];
		try {
			const shells = this.run(['list-panes', '-a', '-F', '#{pane_pid}']).split('\n').filter(Boolean).map(Number);
			programs = shells.flatMap((pid) => [pid, ...descendants(pid)]);
		} catch {
			// No pane left (the test closed its last one: the server, with exit-empty off, still runs), or no server.
		}
		try {
			this.run(['kill-server']);
		} catch {
			// Not running.
		}
		// One stopped by LEAF_TEST_KEY_LAG_MS would take the hang-up only once continued, by a timer this wait holds.
		for (const pid of programs.filter(isRunning)) {
			try {
				process.kill(pid, 'SIGCONT');
			} catch {
				// Ended meanwhile.
			}
		}
		const deadline = Date.now() + waitMs;
		while (programs.some(isRunning) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
		rmSync(this.configDir, {recursive: true, force: true});
	}
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The children of `pid`; none once it has ended. */
function childrenOf(pid: number): number[] {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
	} catch {
		return []; // Ended meanwhile.
	}
}

/** The processes below `pid`, each before its own children. */
function descendants(pid: number): number[] {
	return childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
}

/** Running, neither ended nor a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
	try {
		return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/**
 * LEAF_TEST_KEY_LAG_MS=N (off by default): the node program in a pane is stopped for N ms as keys are sent or the
 * window resized, as a loaded machine may leave it unscheduled. A wait that already holds before the keys are
 * handled then lets the test go on ahead of the program, and the keys sent meanwhile reach it together: how waits
 * that race are found.
 */
const keyLagMs = Number(process.env.LEAF_TEST_KEY_LAG_MS) || 0;

const EXIT_MARK = '<exit';
const exitPattern = /^<exit (\d+)>$/m;

export interface WaitOptions {
	timeoutMs?: number;
	/** Said in the error when the deadline passes. */
	what?: string;
}

export class Pane {
	constructor(
		private readonly tmux: Tmux,
		readonly target: string,
	) {}

	/** The visible screen, one string per row (trailing spaces dropped). */
	lines(): string[] {
		return this.tmux
			.run(['capture-pane', '-p', '-t', this.target])
			.replace(/\n$/, '')
			.split('\n')
			.map((line) => line.trimEnd());
	}

	screen(): string {
		return this.lines().join('\n');
	}

	/** The visible screen with its attributes as escape sequences (`capture-pane -e`), one string per row. */
	styledLines(): string[] {
		return this.tmux.run(['capture-pane', '-p', '-e', '-t', this.target]).replace(/\n$/, '').split('\n');
	}

	/** tmux key names (`Enter`, `Escape`, `Down`, `C-c`) or literal characters, each sent as one key press. */
	keys(...keys: string[]): void {
		this.lag();
		for (const key of keys) this.tmux.run(['send-keys', '-t', this.target, key]);
	}

	resize(columns: number, rows: number): void {
		this.lag();
		this.tmux.run(['resize-window', '-t', this.target, '-x', String(columns), '-y', String(rows)]);
	}

	/** Evaluates a tmux format (`#{pane_pid}`) for the pane. */
	format(format: string): string {
		return this.tmux.run(['display-message', '-p', '-t', this.target, format]).trim();
	}

	/** The pid of the program in the pane (the child of the shell that runs it). */
	pid(): number {
		return childrenOf(Number(this.format('#{pane_pid}')))[0] ?? NaN;
	}

	/** With LEAF_TEST_KEY_LAG_MS: stops the program in the pane (node only: never a shell and its jobs) for a while. */
	private lag(): void {
		if (keyLagMs <= 0) return;
		let pid = 0;
		try {
			pid = this.pid();
			if (!(pid > 0) || readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'node') return;
			process.kill(pid, 'SIGSTOP');
		} catch {
			return; // Ended meanwhile.
		}
		setTimeout(() => {
			try {
				process.kill(pid, 'SIGCONT');
			} catch {
				// Ended meanwhile.
			}
		}, keyLagMs);
	}

	/** Its exit status (128 + the signal when a signal ended it) once it has ended, else null. */
	exitStatus(): number | null {
		const match = exitPattern.exec(this.screen());
		return match ? Number(match[1]) : null;
	}

	/**
	 * Resolves with the screen once `condition` holds for it; rejects with the last screen after the deadline.
	 *
	 * tmux reads a program's output a few KiB at a time and may answer a capture between two reads: the capture
	 * then holds the top of a new frame above the rest of the old one. So a matching screen is captured again
	 * until two captures agree, and the test's later looks at it see the whole frame its condition matched; but a
	 * state that the next capture no longer matches (it lasted a few milliseconds) is taken as it was seen.
	 */
	async waitFor(condition: (screen: string, lines: string[]) => boolean, options: WaitOptions = {}): Promise<string> {
		const deadline = Date.now() + (options.timeoutMs ?? 15_000);
		for (;;) {
			const lines = this.lines();
			const screen = lines.join('\n');
			if (condition(screen, lines)) return this.settled(screen, condition);
			if (Date.now() > deadline)
				throw new Error(`timed out waiting for ${options.what ?? 'the screen'}; the screen:\n${screen}`);
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	}

	/** `screen`, which matches `condition`, or a later capture that still does once two captures agree. */
	private settled(screen: string, condition: (screen: string, lines: string[]) => boolean): string {
		let held = screen;
		for (let capture = 0; capture < 5; capture++) {
			const lines = this.lines();
			const next = lines.join('\n');
			if (next === held || !condition(next, lines)) return held;
			held = next;
		}
		return held;
	}

	/** Resolves once the screen shows `text` (or matches it). */
	waitForText(text: string | RegExp, options: WaitOptions = {}): Promise<string> {
		return this.waitFor((screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)), {
			what: String(text),
			...options,
		});
	}

	/** Resolves with the exit status once the program has ended. */
	async waitForExit(options: WaitOptions = {}): Promise<number> {
		const screen = await this.waitFor((text) => exitPattern.test(text), {what: 'the program to end', ...options});
		return Number(exitPattern.exec(screen)?.[1]);
	}

	close(): void {
		try {
			this.tmux.run(['kill-session', '-t', this.target]);
		} catch {
			// Already gone.
		}
	}
}
