import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {NoTerminalError, colorSupport, openTerminal, signalExitCode} from '../../src/io/terminal.ts';

class FakeInput extends EventEmitter {
	rawMode: boolean[] = [];
	destroyed = false;
	paused = false;
	constructor(readonly isTTY: boolean) {
		super();
	}
	setRawMode(mode: boolean) {
		this.rawMode.push(mode);
		return this;
	}
	destroy() {
		this.destroyed = true;
	}
	pause() {
		this.paused = true;
	}
}

class FakeOutput extends EventEmitter {
	written = '';
	isTTY = true;
	columns = 120;
	rows = 40;
	write(text: string) {
		this.written += text;
		return true;
	}
}

const asInput = (input: FakeInput) => input as unknown as NodeJS.ReadStream;
const asOutput = (output: FakeOutput) => output as unknown as NodeJS.WriteStream;

test('the alternate screen, with the cursor hidden and auto-wrap off, is left exactly once', () => {
	const input = new FakeInput(true);
	const output = new FakeOutput();
	const terminal = openTerminal({stdin: asInput(input), stdout: asOutput(output)});
	assert.equal(terminal.input, asInput(input));
	terminal.restore();
	assert.equal(output.written, '', 'nothing to restore before entering');
	terminal.enter();
	assert.equal(output.written, '\u001b[?1049h\u001b[?7l\u001b[?25l\u001b[2J\u001b[H');
	output.written = '';
	terminal.restore();
	terminal.restore();
	terminal.close();
	assert.equal(output.written, '\u001b[?7h\u001b[?25h\u001b[?1049l');
	assert.deepEqual(input.rawMode, [false]);
	assert.equal(input.destroyed, false, 'stdin is not ours to destroy');
	assert.equal(input.paused, true);
});

test('restore runs on process exit as a last resort, and not after a normal restore', () => {
	const output = new FakeOutput();
	const terminal = openTerminal({stdin: asInput(new FakeInput(true)), stdout: asOutput(output)});
	const before = process.listenerCount('exit');
	terminal.enter();
	assert.equal(process.listenerCount('exit'), before + 1);
	terminal.restore();
	assert.equal(process.listenerCount('exit'), before);
});

test('stdin not a terminal: keys come from the controlling terminal, or NoTerminalError', () => {
	const tty = new FakeInput(true);
	const terminal = openTerminal({
		stdin: asInput(new FakeInput(false)),
		stdout: asOutput(new FakeOutput()),
		openTty: () => asInput(tty),
	});
	assert.equal(terminal.input, asInput(tty));
	terminal.enter();
	terminal.close();
	assert.equal(tty.destroyed, true, 'the /dev/tty stream opened here is closed, so the process can exit');

	const enxio = Object.assign(new Error("ENXIO: no such device or address, open '/dev/tty'"), {code: 'ENXIO'});
	const cases: (() => NodeJS.ReadStream)[] = [
		() => {
			throw enxio;
		},
		() => asInput(new FakeInput(false)),
	];
	for (const openTty of cases) {
		assert.throws(
			() => openTerminal({stdin: asInput(new FakeInput(false)), stdout: asOutput(new FakeOutput()), openTty}),
			(error: unknown) => {
				assert.ok(error instanceof NoTerminalError);
				assert.equal(error.message, 'no terminal to read keys from');
				return true;
			},
		);
	}
});

test('resizes are reported with the new size until unsubscribed', () => {
	const output = new FakeOutput();
	const terminal = openTerminal({stdin: asInput(new FakeInput(true)), stdout: asOutput(output)});
	const sizes: string[] = [];
	const stop = terminal.onResize((size) => sizes.push(`${size.columns}x${size.rows}`));
	output.columns = 60;
	output.rows = 24;
	output.emit('resize');
	stop();
	output.emit('resize');
	assert.deepEqual(sizes, ['60x24']);
	assert.deepEqual(terminal.size(), {columns: 60, rows: 24});
});

test('colours: NO_COLOR drops colours, TERM=dumb and FORCE_COLOR=0 all styling', () => {
	const cases: [NodeJS.ProcessEnv, boolean, boolean][] = [
		[{TERM: 'xterm-256color'}, true, true],
		[{TERM: 'xterm-256color', NO_COLOR: '1'}, false, true],
		[{TERM: 'xterm-256color', NO_COLOR: ''}, true, true],
		[{TERM: 'dumb'}, false, false],
		[{TERM: 'screen', FORCE_COLOR: '0'}, false, false],
	];
	for (const [env, color, attributes] of cases)
		assert.deepEqual(colorSupport(env), {color, attributes}, JSON.stringify(env));
});

test('signals end leaf with the exit codes a shell expects', () => {
	assert.deepEqual(signalExitCode, {SIGHUP: 129, SIGINT: 130, SIGTERM: 143});
});
