// Giving the terminal to another program — the user's editor (`e`) or shell command (`|`) — and taking it back:
// leaf's screen and raw mode are put away and its key reading stopped while the program runs, so the program
// gets every key and the normal screen; then leaf's screen comes back and is drawn again whole.
import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import tty from 'node:tty';
import type {Terminal} from './terminal.ts';

/** Runs `work` with the terminal handed over, and takes the terminal back after it, whatever happens. */
export type HandOver = <T>(work: () => Promise<T>) => Promise<T>;

interface ReadingHandle {
	reading?: boolean;
	readStop?: () => number;
}

interface StreamInternals {
	_handle?: ReadingHandle;
	_readableState?: {reading: boolean};
	_read?: unknown;
}

/**
 * Stops `input` reading from the terminal until the returned function is called. A paused tty stream goes on
 * reading (only process.stdin stops at once), and the stream asks for more on its own after each chunk, which
 * would take keys meant for the editor; so the read is stopped as Node does it for stdin, and the stream's own
 * read is held off until leaf has the terminal back.
 */
function stopReading(input: NodeJS.ReadStream): () => void {
	input.pause();
	const stream = input as unknown as StreamInternals;
	const ownRead = Object.hasOwn(stream, '_read') ? stream._read : undefined;
	stream._read = () => {};
	const handle = stream._handle;
	if (handle?.reading && handle.readStop) {
		handle.reading = false;
		if (stream._readableState) stream._readableState.reading = false;
		handle.readStop();
	}
	return () => {
		if (ownRead === undefined) delete stream._read;
		else stream._read = ownRead;
		input.resume();
	};
}

/**
 * The hand-over for leaf's terminal. `redraw` is called once the terminal is back, to draw the whole frame
 * again (the screen was the other program's meanwhile).
 */
export function terminalHandOver(terminal: Terminal, redraw: () => void): HandOver {
	return async (work) => {
		// A turn first: the key that asked for this is still being handled, and the stream reads on after it.
		await new Promise<void>((resolve) => setImmediate(resolve));
		terminal.restore();
		const resumeReading = stopReading(terminal.input);
		try {
			return await work();
		} finally {
			terminal.enter();
			try {
				if (terminal.input.isTTY) terminal.input.setRawMode(true);
			} catch {
				// The terminal is gone; the exit paths restore what is left.
			}
			resumeReading();
			redraw();
		}
	};
}

/** How a program ended: its exit code, or the signal that ended it, or why it could not start. */
export type Outcome = {code: number} | {signal: string} | {error: string};

export function describeOutcome(outcome: Outcome): string {
	if ('code' in outcome) return `exit status ${outcome.code}`;
	if ('signal' in outcome) return `ended by ${outcome.signal}`;
	return outcome.error;
}

function waitFor(child: ReturnType<typeof spawn>, program: string): Promise<Outcome> {
	return new Promise((resolve) => {
		child.once('error', (error: NodeJS.ErrnoException) =>
			resolve({error: error.code === 'ENOENT' ? `${program} not found` : `cannot run ${program}: ${error.message}`}),
		);
		child.once('close', (code, signal) => resolve(signal ? {signal} : {code: code ?? 0}));
	});
}

/**
 * The terminal for a program leaf starts: a descriptor of its own on /dev/tty. Never leaf's own: a child's
 * start-up (libuv's, a shell's, an editor's) may switch its stdin to blocking mode, and on a shared descriptor
 * that would make leaf's next read block for good. Falls back to leaf's streams when there is no /dev/tty.
 */
function childTerminal(terminal: Terminal): {
	input: number | NodeJS.ReadStream;
	output: number | NodeJS.WriteStream;
	close: () => void;
} {
	let fd: number;
	try {
		fd = openSync('/dev/tty', 'r+');
	} catch {
		return {input: terminal.input, output: terminal.output, close: () => {}};
	}
	return {input: fd, output: fd, close: () => closeSync(fd)};
}

/**
 * The user's command run by `sh -c` (that is the point of a pipe: it is their shell line), with `text` on its
 * standard input and leaf's terminal as its output.
 */
export function runPiped(command: string, text: string, terminal: Terminal): Promise<Outcome> {
	const tty = childTerminal(terminal);
	try {
		const child = spawn('sh', ['-c', command], {stdio: ['pipe', tty.output, tty.output]});
		// A command that does not read all of its input (`true`, `head -1`) closes the pipe early: not an error.
		child.stdin?.on('error', () => {});
		child.stdin?.end(text);
		return waitFor(child, 'sh');
	} finally {
		tty.close();
	}
}

/** The editor leaf uses: $VISUAL, else $EDITOR, else vi. */
export function editorCommand(env: NodeJS.ProcessEnv): string {
	return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

/**
 * Opens `file` in the editor on leaf's terminal. The editor setting is a shell word list (`code -w`,
 * `emacs -nw`), read by sh as git does; the file name is passed as an argument, never as shell text.
 */
export function runEditor(file: string, terminal: Terminal, env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
	const editor = editorCommand(env);
	const tty = childTerminal(terminal);
	try {
		const child = spawn('sh', ['-c', `${editor} "$@"`, editor, file], {stdio: [tty.input, tty.output, tty.output]});
		return waitFor(child, editor);
	} finally {
		tty.close();
	}
}

/** Says `message` on the normal screen and waits for any key, so the command's output can be read first. */
export function waitForKey(message: string, terminal: Terminal): Promise<void> {
	let keys: tty.ReadStream;
	try {
		keys = new tty.ReadStream(openSync('/dev/tty', 'r'));
	} catch {
		return Promise.resolve();
	}
	terminal.output.write(`\n${message}`);
	return new Promise((resolve) => {
		keys.setRawMode(true);
		keys.once('data', () => {
			keys.setRawMode(false);
			keys.destroy();
			terminal.output.write('\n');
			resolve();
		});
	});
}
