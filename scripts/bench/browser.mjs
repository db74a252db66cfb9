// The browser in a real terminal (tmux): first frame, "all counted", key-to-frame latency, opening
// the 50,000-character article, peak RSS. Times come from tmux's `%output` arrival stamps (see tmux.mjs).
import {mkdirSync, mkdtempSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {median, peakRssOfPid} from './process.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const number = (text) => Number(text.replace(/[,\s\u00a0\u202f_]/g, ''));

/**
 * A config folder of its own for one start of leaf, under the bench's: leaf starts where the last one in a library
 * was left (its category, cursor, open article and reading position), and one measure must not start where another
 * left off.
 */
export function freshConfig(env) {
	mkdirSync(env.XDG_CONFIG_HOME, {recursive: true});
	return mkdtempSync(join(env.XDG_CONFIG_HOME, 'start-'));
}

/** The status line (the bottom non-blank line holding the position, `3/1,000`), parsed; `total` is its `N in library`. */
export function parseStatus(screen) {
	const lines = screen
		.split('\n')
		.map((line) => line.trimEnd())
		.filter((line) => line.trim() !== '');
	const line = lines
		.slice(-2)
		.reverse()
		.find((candidate) => /\d[\d,]*\/\d[\d,]*/.test(candidate));
	if (!line) return null;
	const indexing = /indexing\s+[\d,]+\s*\/\s*[\d,]+/i.exec(line);
	const rest = indexing ? line.replace(indexing[0], '') : line;
	const position = /(\d[\d,]*)\/(\d[\d,]*)/.exec(rest);
	const count = position ? number(position[2]) : null;
	// A narrow status line drops `N in library` first; the bench's views are All, where the count is the total.
	const inLibrary = /(\d[\d,]*)\s+in library\b/.exec(rest)?.[1];
	return {
		line,
		indexing: indexing !== null,
		total: inLibrary === undefined ? (count ?? Number.NaN) : number(inLibrary),
		position: position ? number(position[1]) : null,
		count,
	};
}

/** The bottom non-blank line of a screen, for error messages. */
function lastLine(screen) {
	const line = screen
		.split('\n')
		.map((text) => text.trim())
		.filter(Boolean)
		.at(-1);
	return line ? JSON.stringify(line.slice(0, 70)) : 'blank screen';
}

/** One leaf process in a tmux window, with the arrival time of its latest output. */
export class BrowserRun {
	static async start(tmux, argv, size) {
		const run = new BrowserRun(tmux);
		Object.assign(run, await tmux.spawn(argv, size));
		run.lastOutputAt = run.spawnedAt;
		return run;
	}

	constructor(tmux) {
		this.tmux = tmux;
		this.waiters = new Set();
		this.unsubscribe = tmux.onOutput((pane, time) => {
			if (pane !== this.paneId) return;
			this.lastOutputAt = time;
			for (const wake of this.waiters) wake();
		});
	}

	nextOutput(timeoutMs) {
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.waiters.delete(done);
				resolve();
			};
			const timer = setTimeout(done, timeoutMs);
			this.waiters.add(done);
		});
	}

	/**
	 * Captures the screen after each output until `predicate(screen)` holds; resolves with the screen and
	 * the arrival time of the last output it shows (tmux sends `%output` before a later capture's reply).
	 */
	async waitForScreen(predicate, timeoutMs, what) {
		const deadline = performance.now() + timeoutMs;
		let screen = '';
		while (performance.now() < deadline) {
			screen = await this.tmux.capture(this.paneId);
			if (predicate(screen)) return {screen, at: this.lastOutputAt};
			const exit = await this.tmux.exitStatus(this.paneId);
			if (exit !== null) throw new Error(`leaf ended (${exit}) before ${what}: ${lastLine(screen)}`);
			await this.nextOutput(Math.min(50, Math.max(1, deadline - performance.now())));
		}
		throw new Error(`no ${what} after ${timeoutMs / 1000} s: ${lastLine(screen)}`);
	}

	/** Resolves once the pane has written nothing for `quietMs`. */
	async settle(quietMs = 40, timeoutMs = 5000) {
		const deadline = performance.now() + timeoutMs;
		while (performance.now() < deadline) {
			if (performance.now() - this.lastOutputAt >= quietMs) return;
			await sleep(quietMs / 4);
		}
		throw new Error(`the screen never settled (output still arriving after ${timeoutMs / 1000} s)`);
	}

	/**
	 * Presses `key` `times` times; for each, the time from sending it to the end of the burst of output
	 * it caused (chunks less than 4 ms apart). Returns the latencies in ms.
	 */
	async keyLatencies(key, times) {
		const latencies = [];
		for (let i = 0; i < times; i++) {
			await this.settle();
			const sent = performance.now();
			this.tmux.sendKeys(this.paneId, key);
			const seen = this.lastOutputAt;
			while (this.lastOutputAt === seen) {
				if (performance.now() - sent > 2000) throw new Error(`no frame within 2 s of key ${key}`);
				await this.nextOutput(2000);
			}
			let end = this.lastOutputAt;
			for (;;) {
				await this.nextOutput(4);
				if (this.lastOutputAt === end) break;
				end = this.lastOutputAt;
			}
			latencies.push(end - sent);
		}
		return latencies;
	}

	peakRssMb() {
		return peakRssOfPid(this.pid);
	}

	/** `q`, then waits up to 5 s for leaf to end, and closes the window. Returns whether leaf ended by itself. */
	async quit() {
		this.unsubscribe();
		const ended = async () => (await this.tmux.exitStatus(this.paneId).catch(() => 'gone')) !== null;
		let done = await ended();
		if (!done) this.tmux.sendKeys(this.paneId, 'q');
		const deadline = performance.now() + 5000;
		while (!done && performance.now() < deadline) {
			await sleep(10);
			done = await ended();
		}
		await this.tmux.killWindow(this.windowId);
		return done;
	}
}

/** The tmux round trip of a key whose echo is immediate (`cat` in a cooked terminal): the overhead in every latency. */
export async function tmuxOverheadMs(tmux, times = 30) {
	const run = await BrowserRun.start(tmux, ['cat'], {width: 80, height: 24});
	try {
		await sleep(100);
		return median(await run.keyLatencies('x', times));
	} finally {
		run.unsubscribe();
		await tmux.killWindow(run.windowId);
	}
}
