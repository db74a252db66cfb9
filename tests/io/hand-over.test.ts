// Handing the terminal to another program (hand-over.ts): leaf's screen put away and its key reading stopped while
// the program runs, everything taken back after it whatever happens; how a program ended, in one line. The programs
// here write only to files: where there is a /dev/tty the child gets it (these tests run without one as often).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {closeSync, createWriteStream, existsSync, openSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import type {Outcome} from '../../src/io/hand-over.ts';
import {describeOutcome, runEditor, runPiped, terminalHandOver} from '../../src/io/hand-over.ts';
import type {Terminal} from '../../src/io/terminal.ts';
import {tempFolders} from '../helpers/temp.ts';

const tempDir = tempFolders('leaf-hand-over-');

/** A terminal that writes down what is done to it; its input is a stream with the internals stopReading uses. */
function fakeTerminal(isTTY: boolean, rawMode: (on: boolean) => void = () => {}) {
	const calls: string[] = [];
	const handle = {reading: true, readStop: () => calls.push('readStop')};
	const input = Object.assign(new PassThrough(), {isTTY, setRawMode: rawMode, _handle: handle});
	const terminal = {
		input,
		output: process.stdout,
		enter: () => calls.push('enter'),
		restore: () => calls.push('restore'),
	} as unknown as Terminal;
	return {calls, handle, input, terminal};
}

test('how a program ended, in one line', () => {
	const table: [Outcome, string][] = [
		[{code: 0}, 'exit status 0'],
		[{code: 127}, 'exit status 127'],
		[{signal: 'SIGTERM'}, 'ended by SIGTERM'],
		[{error: 'vi not found'}, 'vi not found'],
	];
	for (const [outcome, line] of table) assert.equal(describeOutcome(outcome), line);
});

test('during the hand-over the screen is put away and keys are not read; after it all comes back', async () => {
	const raw: boolean[] = [];
	const {calls, handle, input, terminal} = fakeTerminal(true, (on) => raw.push(on));
	input.resume();
	let during: unknown[] = [];
	const handOver = terminalHandOver(terminal, () => calls.push('redraw'));
	const value = await handOver(async () => {
		calls.push('work');
		const state = (input as unknown as {_readableState: {reading: boolean}})._readableState;
		during = [input.isPaused(), Object.hasOwn(input, '_read'), handle.reading, state.reading];
		return 42;
	});
	assert.equal(value, 42);
	assert.deepEqual(calls, ['restore', 'readStop', 'work', 'enter', 'redraw']);
	assert.deepEqual(during, [true, true, false, false]);
	assert.deepEqual(raw, [true]);
	assert.deepEqual([input.isPaused(), Object.hasOwn(input, '_read')], [false, false]);
});

test('the terminal comes back when the work throws, when raw mode fails, and a stream read of its own is kept', async () => {
	const {calls, input, terminal} = fakeTerminal(true, () => {
		throw new Error('the terminal is gone');
	});
	const ownRead = () => {};
	Object.assign(input, {_read: ownRead});
	input.pause();
	const handOver = terminalHandOver(terminal, () => calls.push('redraw'));
	await assert.rejects(
		handOver(async () => {
			assert.notEqual((input as unknown as {_read: unknown})._read, ownRead);
			throw new Error('the editor failed');
		}),
		/the editor failed/,
	);
	assert.deepEqual(calls, ['restore', 'readStop', 'enter', 'redraw']);
	assert.equal((input as unknown as {_read: unknown})._read, ownRead);
	assert.equal(input.isPaused(), false);

	// Not a terminal: raw mode is not asked for; a handle that is not reading is not stopped.
	const plain = fakeTerminal(false, () => assert.fail('raw mode on a stream that is no terminal'));
	plain.handle.reading = false;
	await terminalHandOver(plain.terminal, () => {})(async () => {});
	assert.deepEqual(plain.calls, ['restore', 'enter']);
});

/** A terminal whose streams are files (the fallback when there is no /dev/tty). */
function fileTerminal(dir: string): {terminal: Terminal; output: string; close: () => void} {
	const output = join(dir, 'screen');
	const outFd = openSync(output, 'w');
	const inFd = openSync('/dev/null', 'r');
	const terminal = {
		input: {fd: inFd},
		output: createWriteStream('', {fd: outFd, autoClose: false}),
	} as unknown as Terminal;
	return {terminal, output, close: () => [outFd, inFd].forEach((fd) => closeSync(fd))};
}

test("a piped command gets the text on its input; its end is told by exit status or signal, as the shell's", async () => {
	const dir = tempDir();
	const {terminal, close} = fileTerminal(dir);
	try {
		const got = join(dir, 'got');
		assert.deepEqual(await runPiped(`cat > '${got}'`, '一行\nline two\n', terminal), {code: 0});
		assert.equal(readFileSync(got, 'utf8'), '一行\nline two\n');
		assert.deepEqual(await runPiped('exit 3', 'unread', terminal), {code: 3});
		// A command that reads nothing: the closed pipe is no error.
		assert.deepEqual(await runPiped('true', 'x'.repeat(1 << 20), terminal), {code: 0});
		assert.deepEqual(await runPiped('kill -TERM $$', '', terminal), {signal: 'SIGTERM'});
	} finally {
		close();
	}
});

test('the editor gets the file name as one argument, never as shell text; its setting is a word list', async () => {
	const dir = tempDir();
	const {terminal, close} = fileTerminal(dir);
	try {
		const file = join(dir, 'a $(touch pwned) b.md');
		assert.deepEqual(await runEditor(file, terminal, {EDITOR: 'touch'}), {code: 0});
		assert.ok(existsSync(file));
		const copy = join(dir, 'copy');
		assert.deepEqual(await runEditor(file, terminal, {VISUAL: `cp -p`, EDITOR: 'false'}), {code: 1});
		assert.deepEqual(await runEditor(copy, terminal, {VISUAL: ` sh -c 'echo "$0" > "$1"' given `}), {code: 0});
		assert.equal(readFileSync(copy, 'utf8'), 'given\n');
		assert.deepEqual(await runEditor(file, terminal, {EDITOR: 'no-such-editor-here'}), {code: 127});
		assert.deepEqual(readdirSync(dir).sort(), ['a $(touch pwned) b.md', 'copy', 'screen']);
	} finally {
		close();
	}
});
