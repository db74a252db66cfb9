// Timing whole processes: wall time from spawn to exit, and peak RSS through a preloaded probe.
import {spawn} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const probe = new URL('./rss-probe.mjs', import.meta.url).href;

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The telling line of a stderr: leaf's own message or a Node error, else the first line. */
function errorLine(stderr) {
	const lines = stderr.trim().split('\n');
	return lines.find((line) => /^leaf:|^\w*Error\b/.test(line)) ?? lines[0] ?? '';
}

/**
 * Runs `command args` to completion; stdout is read (and kept only with `keepOutput`). Resolves with the
 * wall time in ms; rejects on another exit status than `okStatuses`, a signal or `timeoutMs`.
 */
export function timeProcess(command, args, {env, cwd, timeoutMs = 120_000, keepOutput = false, okStatuses = [0]} = {}) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {env, cwd, stdio: ['ignore', 'pipe', 'pipe']});
		const out = [];
		let stderr = '';
		let bytes = 0;
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.stdout.on('data', (chunk) => {
			bytes += chunk.length;
			if (keepOutput) out.push(chunk);
		});
		child.stderr.on('data', (chunk) => {
			if (stderr.length < 4000) stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (status, signal) => {
			const ms = performance.now() - started;
			clearTimeout(timer);
			if (!okStatuses.includes(status)) {
				reject(
					new Error(
						signal
							? `killed by ${signal}${ms >= timeoutMs ? ` after ${timeoutMs / 1000} s` : ''}`
							: `exit ${status}: ${errorLine(stderr).slice(0, 100)}`,
					),
				);
				return;
			}
			resolve({ms, bytes, stdout: keepOutput ? Buffer.concat(out).toString('utf8') : '', stderr});
		});
	});
}

/** Runs `node ...nodeArgs` once with the RSS probe preloaded; resolves with its peak RSS in MB. */
export async function peakRssOfNode(nodeArgs, {env, cwd, timeoutMs}, scratchFile) {
	rmSync(scratchFile, {force: true});
	await timeProcess(process.execPath, ['--import', probe, ...nodeArgs], {
		env: {...env, LEAF_BENCH_RSS_FILE: scratchFile},
		cwd,
		timeoutMs,
	});
	const kilobytes = Number(readFileSync(scratchFile, 'utf8'));
	if (!Number.isFinite(kilobytes) || kilobytes <= 0) throw new Error('probe wrote nothing');
	return kilobytes / 1024;
}

/** Peak RSS (VmHWM) of a running process, in MB, from /proc. */
export function peakRssOfPid(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
	if (!match) throw new Error('no VmHWM in /proc status');
	return Number(match[1]) / 1024;
}

/** Linux's clock ticks per second for /proc/PID/stat times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_S = 100;

/** User + system CPU time of a process so far, in ms (Linux /proc). */
export function cpuMs(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces, inside the last parentheses): utime is the 14th field.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

/** Resolves once a second passes in which `pid` uses under 20 ms of CPU. */
export async function untilQuiet(pid, timeoutMs) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const before = cpuMs(pid);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		if (cpuMs(pid) - before < 20) return;
		if (performance.now() > deadline) throw new Error(`leaf never went idle in ${timeoutMs / 1000} s`);
	}
}
