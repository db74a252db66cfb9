// The live library's rows for one library: leaf's CPU while it sits idle watching it (after indexing, nothing
// on screen changing), with the watches it holds, and the time from a new file written to its title on screen
// (and from its deletion to the title gone). The probe file is removed again, so the library stays as generated.
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {BrowserRun, freshConfig, parseStatus} from './browser.mjs';
import {cpuMs, untilQuiet} from './process.mjs';

const IDLE_WINDOW_MS = 10_000;
const PROBE_TITLE = 'BENCHWATCHPROBE';
/** The inotify watches a process holds (each watched folder is one). */
function inotifyWatches(pid) {
	let count = 0;
	for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
		try {
			count += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8')
				.split('\n')
				.filter((line) => line.startsWith('inotify wd:')).length;
		} catch {
			// Closed meanwhile.
		}
	}
	return count;
}

/** The first folder of the library holding articles, for the probe file. */
function probeFolder(dir) {
	for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true}))
		if (entry.isFile() && entry.name.endsWith('.md')) return entry.parentPath ?? entry.path;
	return dir;
}

/**
 * @param {object} bench {results, tmux, node, leaf, env (HOME, XDG_CONFIG_HOME), overheadMs}
 * @param {object} library {column, dir, expected, warmCache}
 */
export async function watchMeasures({results, tmux, node, leaf, env}, {column, dir, expected, warmCache}) {
	if (!existsSync('/proc/self/stat')) {
		for (const row of ['watch-idle', 'watch-new', 'watch-gone'])
			results.record(row, column, {error: 'needs Linux /proc'});
		return;
	}
	const argv = ['env', '-u', 'CI', `XDG_CACHE_HOME=${warmCache}`, `XDG_CONFIG_HOME=${freshConfig(env)}`];
	const run = await BrowserRun.start(tmux, [...argv, `HOME=${env.HOME}`, node, leaf, dir], {width: 120, height: 40});
	const probe = join(probeFolder(dir), 'zz-bench-watch-probe.md');
	try {
		const timeout = expected !== null && expected >= 100000 ? 60_000 : 20_000;
		await run.waitForScreen(
			(screen) => {
				const status = parseStatus(screen);
				return status !== null && !status.indexing && (expected === null || status.total === expected);
			},
			timeout,
			'all counted',
		);
		// Indexing is over when the status says so; the index write and the watches may still be under way,
		// with nothing on screen to tell: idle is when a whole second passes with next to no CPU used.
		await run.settle(1000, timeout);
		await untilQuiet(run.pid, timeout);
		await results.measure('watch-idle', column, async () => {
			const before = cpuMs(run.pid);
			const started = performance.now();
			await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
			const used = cpuMs(run.pid) - before;
			const seconds = (performance.now() - started) / 1000;
			return {
				value: used / seconds,
				runs: 1,
				note: `${used.toFixed(0)} ms of CPU in ${seconds.toFixed(0)} s idle, ${inotifyWatches(run.pid)} inotify watches`,
			};
		});
		await results.measure('watch-new', column, async () => {
			const written = performance.now();
			writeFileSync(probe, `---\ntitle: ${PROBE_TITLE}\ndate: 2099-01-01\n---\nProbe.\n`);
			const shown = await run.waitForScreen((screen) => screen.includes(PROBE_TITLE), timeout, 'the new file listed');
			return {value: shown.at - written, runs: 1};
		});
		await results.measure('watch-gone', column, async () => {
			const removed = performance.now();
			rmSync(probe);
			const gone = await run.waitForScreen((screen) => !screen.includes(PROBE_TITLE), timeout, 'the file unlisted');
			return {value: gone.at - removed, runs: 1};
		});
	} finally {
		rmSync(probe, {force: true});
		await run.quit();
	}
}
