// The terminal the browser runs in: where keys come from (stdin, or /dev/tty when stdin is a pipe), the
// alternate screen and cursor, and putting all of it back on every way out (quit, Ctrl-C, SIGTERM,
// SIGHUP, an uncaught error, process exit).
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
	const restore = () => {
		if (!entered) return;
		entered = false;
		process.off('exit', restore);
		try {
			if (input.isTTY) input.setRawMode(false);
		} catch {
			// Already closed.
		}
		write(AUTO_WRAP + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	return {
		input,
		output,
		size: () => ({columns: output.columns || 80, rows: output.rows || 24}),
		enter() {
			if (entered) return;
			entered = true;
			// The last resort: whatever ends the process, the user gets their screen back.
			process.on('exit', restore);
			write(ENTER_ALTERNATE_SCREEN + NO_AUTO_WRAP + HIDE_CURSOR + CLEAR_SCREEN);
		},
		clear: () => write(CLEAR_SCREEN),
		restore,
		onResize(listener) {
			const onResize = () => listener({columns: output.columns || 80, rows: output.rows || 24});
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
