// The terminal the browser runs in: where keys come from (stdin, or /dev/tty when stdin is a pipe), the
// alternate screen and cursor, stopping for a shell (Ctrl-Z), and putting all of it back on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, an uncaught error,
// process exit).
import {openSync} from 'node:fs';
import tty from 'node:tty';

/** No terminal to read keys from: stdin is not one and there is no controlling terminal. */
export class NoTerminalError extends Error {
	constructor() {
		super('no terminal to read keys from');
	}
}

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
// Auto-wrap off while leaf runs: where the terminal measures a character wider than we do (an emoji
// sequence it draws as several), the row is cut at the margin instead of wrapping and scrolling the frame.
const NO_AUTO_WRAP = '\u001b[?7l';
const AUTO_WRAP = '\u001b[?7h';
const CLEAR_SCREEN = '\u001b[2J\u001b[H';

export interface TerminalSize {
	columns: number;
	rows: number;
}

export interface Terminal {
	/** Where keys come from: stdin when it is a terminal, else /dev/tty. */
	readonly input: NodeJS.ReadStream;
	readonly output: NodeJS.WriteStream;
	size(): TerminalSize;
	/** Switch to the alternate screen, cursor hidden. */
	enter(): void;
	/** Wipe the screen (after a resize, before a full redraw). */
	clear(): void;
	/** Back to the normal screen with the cursor shown and raw mode off. Safe to call any number of times. */
	restore(): void;
	/** Calls `listener` on every resize; returns the unsubscribe. */
	onResize(listener: (size: TerminalSize) => void): () => void;
	/** Restore, and close /dev/tty if it was opened here (so the process can exit). */
	close(): void;
}

export interface OpenTerminalOptions {
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	/** Opens the controlling terminal for reading (replaceable in tests). */
	openTty?: () => NodeJS.ReadStream;
}

function openControllingTerminal(): NodeJS.ReadStream {
	return new tty.ReadStream(openSync('/dev/tty', 'r')) as NodeJS.ReadStream;
}

/** Throws NoTerminalError when keys cannot be read from anywhere. */
export function openTerminal(options: OpenTerminalOptions = {}): Terminal {
	const output = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	let input = stdin;
	let ownsInput = false;
	if (!stdin.isTTY) {
		try {
			input = (options.openTty ?? openControllingTerminal)();
			ownsInput = true;
		} catch {
			throw new NoTerminalError();
		}
		if (!input.isTTY) throw new NoTerminalError();
	}
	let entered = false;
	const write = (text: string) => {
		try {
			output.write(text);
		} catch {
			// The terminal is gone (SIGHUP): nothing left to restore on it.
		}
	};
	const setRaw = (raw: boolean) => {
		try {
			if (input.isTTY) input.setRawMode(raw);
		} catch {
			// Already closed.
		}
	};
	const restore = () => {
		if (!entered) return;
		entered = false;
		process.off('exit', restore);
		setRaw(false);
		write(AUTO_WRAP + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	const enter = () => {
		if (entered) return;
		entered = true;
		// The last resort: whatever ends the process, the user gets their screen back.
		process.on('exit', restore);
		write(ENTER_ALTERNATE_SCREEN + NO_AUTO_WRAP + HIDE_CURSOR + CLEAR_SCREEN);
	};
	const size = () => ({columns: output.columns || 80, rows: output.rows || 24});
	return {
		input,
		output,
		size,
		enter,
		// Only leaf's own screen: not the one of whoever has the terminal during a hand-over.
		clear: () => void (entered && write(CLEAR_SCREEN)),
		restore,
		onResize(listener) {
			const onResize = () => listener(size());
			output.on('resize', onResize);
			return () => void output.off('resize', onResize);
		},
		close() {
			restore();
			if (ownsInput) input.destroy();
			else input.pause();
		},
	};
}

/**
 * Stops leaf (and the rest of its job, such as an `npm start` around it) the way Ctrl-Z stops a program, so the
 * shell takes over; resolves once the job is continued (`fg`, `bg`). A process group no shell controls (orphaned)
 * ignores the stop: then it resolves after a moment, and leaf simply goes on.
 */
export function stopUntilContinued(kill: (pid: number, signal: NodeJS.Signals) => void = process.kill): Promise<void> {
	return new Promise((resolve) => {
		const continued = () => {
			clearTimeout(timer);
			process.off('SIGCONT', continued);
			resolve();
		};
		process.on('SIGCONT', continued);
		// Process group 0: ours. The stop takes hold before kill returns, so what follows runs after `fg`.
		kill(0, 'SIGTSTP');
		const timer = setTimeout(continued, IGNORED_STOP_MS);
	});
}

/** How long after sending the stop leaf waits for SIGCONT before deciding the stop was ignored. */
const IGNORED_STOP_MS = 200;

export type ExitSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The exit code a shell gives a process ended by `signal`. */
export const signalExitCode: Readonly<Record<ExitSignal, number>> = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143};

/**
 * Calls `handler` on SIGINT (a `kill -INT`: in raw mode Ctrl-C is a key, not a signal), SIGTERM and SIGHUP,
 * instead of Node's default of dying on the spot. Returns the unsubscribe.
 */
export function onExitSignals(handler: (signal: ExitSignal) => void): () => void {
	const signals: ExitSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const listeners = signals.map((signal) => {
		const listener = () => handler(signal);
		process.on(signal, listener);
		return [signal, listener] as const;
	});
	return () => {
		for (const [signal, listener] of listeners) process.off(signal, listener);
	};
}

/** Calls `handler` for an uncaught exception or unhandled rejection; returns the unsubscribe. */
export function onUncaughtError(handler: (error: unknown) => void): () => void {
	process.on('uncaughtException', handler);
	process.on('unhandledRejection', handler);
	return () => {
		process.off('uncaughtException', handler);
		process.off('unhandledRejection', handler);
	};
}

/** What the terminal may show: colours unless NO_COLOR (no-color.org) or FORCE_COLOR=0; attributes unless TERM=dumb. */
export function colorSupport(env: NodeJS.ProcessEnv = process.env): {color: boolean; attributes: boolean} {
	const attributes = env.TERM !== 'dumb' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
	const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
	return {color: attributes && !noColor, attributes};
}
