// A tmux control-mode client (`tmux -C`) on a private socket. Commands go over one pipe (no process
// spawn per command), and tmux reports every chunk a pane writes as `%output`, stamped here with its
// arrival time: that is when a frame reached the terminal, with no polling interval to correct for.
import {spawn, spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';

export function tmuxAvailable() {
	const result = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	return result.status === 0 ? result.stdout.trim() : null;
}

/** tmux's own quoting for one argument of a command line (single quotes take everything literally). */
function quote(argument) {
	if (argument.includes("'")) throw new Error(`cannot pass a single quote to tmux: ${argument}`);
	return `'${argument}'`;
}

export class TmuxControl {
	/** @param {Record<string, string>} env the environment of the tmux server, and so of every pane */
	static async start(env) {
		const socket = `leaf-bench-${process.pid}`;
		const child = spawn(
			'tmux',
			['-L', socket, '-f', '/dev/null', '-C', 'new-session', '-s', 'bench', '-x', '120', '-y', '40', 'sh'],
			{env, stdio: ['pipe', 'pipe', 'pipe']},
		);
		const control = new TmuxControl(child, socket);
		// A pane whose program ended stays, so its last screen and exit status can be reported.
		await control.command('set -g remain-on-exit on');
		return control;
	}

	constructor(child, socket) {
		this.child = child;
		this.socket = socket;
		this.pending = [];
		this.block = null;
		this.buffer = '';
		this.outputListeners = new Set();
		this.exited = false;
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => this.receive(chunk, performance.now()));
		child.on('exit', () => {
			this.exited = true;
			for (const {reject} of this.pending.splice(0)) reject(new Error('tmux exited'));
		});
	}

	receive(chunk, time) {
		this.buffer += chunk;
		let newline;
		while ((newline = this.buffer.indexOf('\n')) >= 0) {
			const line = this.buffer.slice(0, newline);
			this.buffer = this.buffer.slice(newline + 1);
			this.line(line, time);
		}
	}

	line(line, time) {
		if (this.block) {
			if (/^%(end|error) \d+ \d+ \d+$/.test(line)) {
				const {lines, own} = this.block;
				this.block = null;
				if (!own) return;
				const waiter = this.pending.shift();
				if (line.startsWith('%error')) waiter?.reject(new Error(`tmux: ${lines.join(' ')}`));
				else waiter?.resolve(lines);
			} else this.block.lines.push(line);
			return;
		}
		const begin = /^%begin \d+ \d+ (\d+)$/.exec(line);
		if (begin) {
			// Flag 1: the reply to a command this client sent (the session's own start has flag 0).
			this.block = {lines: [], own: (Number(begin[1]) & 1) === 1};
			return;
		}
		const output = /^%output (%\d+) /.exec(line);
		if (output) {
			for (const listener of this.outputListeners) listener(output[1], time, line.length - output[0].length);
		}
	}

	/** Sends one command line; resolves with its output lines. */
	command(line) {
		if (this.exited) return Promise.reject(new Error('tmux exited'));
		return new Promise((resolve, reject) => {
			this.pending.push({resolve, reject});
			this.child.stdin.write(`${line}\n`);
		});
	}

	/** Calls `listener(paneId, arrivalTime, length)` for every chunk any pane writes; returns the unsubscribe. */
	onOutput(listener) {
		this.outputListeners.add(listener);
		return () => this.outputListeners.delete(listener);
	}

	/** Starts `argv` (no shell) in a new window of `width` x `height`; `spawnedAt` is taken just before. */
	async spawn(argv, {width, height}) {
		await this.command(`refresh-client -C ${width}x${height}`);
		const spawnedAt = performance.now();
		const [reply] = await this.command(
			`new-window -P -F '#{window_id} #{pane_id} #{pane_pid}' ${argv.map(quote).join(' ')}`,
		);
		const [windowId, paneId, pid] = (reply ?? '').split(' ');
		return {windowId, paneId, pid: Number(pid), spawnedAt};
	}

	/** null while the pane's program runs, else its exit status (or signal). */
	async exitStatus(paneId) {
		const [reply] = await this.command(
			`display-message -p -t ${paneId} '#{pane_dead} #{pane_dead_status}#{pane_dead_signal}'`,
		);
		const [dead, status] = (reply ?? '').split(' ');
		return dead === '1' ? status : null;
	}

	async capture(paneId) {
		return (await this.command(`capture-pane -p -t ${paneId}`)).join('\n');
	}

	/** Sends keys by tmux name (`j`, `Enter`, `Escape`); does not wait for the reply. */
	sendKeys(paneId, ...keys) {
		this.command(`send-keys -t ${paneId} ${keys.map(quote).join(' ')}`).catch(() => {});
	}

	async killWindow(windowId) {
		await this.command(`kill-window -t ${windowId}`).catch(() => {});
	}

	async close() {
		if (this.exited) return;
		this.command('kill-server').catch(() => {});
		await new Promise((resolve) => {
			const timer = setTimeout(() => {
				spawnSync('tmux', ['-L', this.socket, 'kill-server']);
				resolve();
			}, 2000);
			this.child.on('exit', () => {
				clearTimeout(timer);
				resolve();
			});
		});
	}
}
