// The browser's rows of the table for one library: starts with no index and with a warm one (first
// frame with titles, all counted), list moves and peak RSS at 120x40, opening the 50,000-character
// article (the first row) and reader scrolls at 80x24. A start with no index has the compiled code a start saved
// (a new library for leaf as it is used), a warm start the index too; on the manual, a first start after installing
// has neither.
import {cpSync, existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {setTimeout as sleep} from 'node:timers/promises';
import {BrowserRun, freshConfig, parseStatus} from './browser.mjs';
import {INK_HELLO_TEXT} from './ink-hello.mjs';
import {LONG_ARTICLE_MARKER} from './libraries.mjs';
import {median, untilQuiet} from './process.mjs';

const KEY_PRESSES = 30;
/** Warm starts a library gets, each paired with a start of the Ink hello-world. */
const WARM_STARTS = 15;
const WIDE = {width: 120, height: 40};
const NARROW = {width: 80, height: 24};

const hasTitles = (screen) => (parseStatus(screen)?.count ?? 0) >= 1;
const allCounted = (expected) => (screen) => {
	const status = parseStatus(screen);
	return status !== null && !status.indexing && status.total >= 1 && (expected === null || status.total === expected);
};

/**
 * @param {object} bench {results, tmux, node, leaf, env (HOME, XDG_CONFIG_HOME...), freshCache(), inkHello (its argv, or
 *   null), overheadMs}
 * @param {object} library {column, dir, expected (article count, null: unknown), warmCache}
 */
export async function browserMeasures(bench, library) {
	const {results, freshCache, overheadMs} = bench;
	const {column, expected, warmCache} = library;
	const start = (cache, size, then) => browserStart(bench, library, cache, size, then);
	const large = expected !== null && expected >= 100000;

	await compileOnce(bench, library);
	const compiled = join(warmCache, 'leaf', 'compiled');
	const withCompiledCode = () => {
		const cache = freshCache();
		cpSync(compiled, join(cache, 'leaf', 'compiled'), {recursive: true});
		return cache;
	};
	if (column === 'content') {
		const installed = await results.repeat(3, () => start(freshCache(), WIDE));
		results.recordMedian(
			'first-install',
			column,
			installed.done.map((s) => s.first),
			installed.error,
		);
	}
	const cold = await results.repeat(large ? 1 : 3, () => start(withCompiledCode(), WIDE));
	results.recordMedian(
		'first-cold',
		column,
		cold.done.map((s) => s.first),
		cold.error,
	);
	results.recordMedian(
		'counted-cold',
		column,
		cold.done.map((s) => s.counted),
		cold.error,
	);
	// The bundled manual is too short for 30 moves, and has no 50,000-character article.
	const keyTests = expected !== null;
	// Each warm start right after a start of the Ink hello-world, whose median is this column's baseline. Fifteen pairs:
	// with five, runs of the same code put the ratio anywhere from 1.00x to 1.33x (the hello-world's starts vary most);
	// with nine, one column in twelve still moved by a tenth from one run to the next (1.10x to 1.21x at 10k).
	const paired = [];
	const warm = await results.repeat(WARM_STARTS, async (i) => {
		if (bench.inkHello) paired.push(await helloStart(bench.tmux, bench.inkHello));
		return start(warmCache, WIDE, i === 0 && keyTests ? listKeys : undefined);
	});
	if (bench.inkHello) results.recordMedian('ink-hello-paired', column, paired, warm.error);
	results.recordMedian(
		'first-warm',
		column,
		warm.done.map((s) => s.first),
		warm.error,
	);
	results.recordMedian(
		'counted-warm',
		column,
		warm.done.map((s) => s.counted),
		warm.error,
	);
	if (!keyTests) return;

	const keys = warm.done[0]?.extra;
	if (!keys || keys.error) results.record('key-list', column, {error: keys?.error ?? warm.error ?? 'not measured'});
	else
		results.record('key-list', column, {
			value: Math.max(0, median(keys.latencies) - overheadMs),
			runs: keys.latencies.length,
			note: keys.note,
		});
	results.record('rss-browser', column, keys?.rss ?? {error: 'not measured'});

	const opens = await results.repeat(3, async (i) => {
		const {extra} = await start(warmCache, NARROW, (run) => openAndScroll(run, i === 0));
		if (extra.error) throw new Error(extra.error);
		return extra;
	});
	results.recordMedian(
		'open',
		column,
		opens.done.map((s) => s.open),
		opens.error,
	);
	const scroll = opens.done[0];
	if (scroll)
		results.record('key-reader', column, {
			value: Math.max(0, median(scroll.scroll) - overheadMs),
			runs: scroll.scroll.length,
			note: scroll.note,
		});
	else results.record('key-reader', column, {error: opens.error ?? 'not measured'});
}

/**
 * The browser's compiled code in `warmCache`, as a user's first start, with no index yet, saves it (src/cli/main.ts,
 * two seconds in): a start on an empty cache folder that lasts until then, its code copied beside the index.
 */
export async function compileOnce(bench, library) {
	const folder = join(library.warmCache, 'leaf', 'compiled');
	if (hasCode(folder)) return;
	const first = bench.freshCache();
	const saved = join(first, 'leaf', 'compiled');
	await browserStart(bench, library, first, WIDE, async () => {
		for (let waited = 0; !hasCode(saved); waited += 100) {
			if (waited > 30_000) throw new Error(`no compiled code saved in ${saved}`);
			await sleep(100);
		}
	});
	cpSync(saved, folder, {recursive: true});
}

/** Both browser scripts' code: the first frame's and the later one's (scripts/build.mjs). */
const hasCode = (folder) =>
	existsSync(folder) &&
	['browser.cjs-', 'browser-later.cjs-'].every((prefix) =>
		readdirSync(folder).some((name) => name.startsWith(prefix) && name.endsWith('.v8')),
	);

/** One start of the Ink hello-world (`argv`): ms from spawn to its text on screen. */
export async function helloStart(tmux, argv) {
	const run = await BrowserRun.start(tmux, argv, WIDE);
	try {
		const shown = await run.waitForScreen((screen) => screen.includes(INK_HELLO_TEXT), 20_000, 'hello');
		return shown.at - run.spawnedAt;
	} finally {
		await run.quit();
	}
}

/** One start: first frame and all counted, in ms from spawn; `then(run)` runs before quitting. */
async function browserStart({tmux, node, leaf, env}, {dir, expected}, cache, size, then) {
	const argv = [
		'env',
		'-u',
		'CI',
		`XDG_CACHE_HOME=${cache}`,
		`XDG_CONFIG_HOME=${freshConfig(env)}`,
		`HOME=${env.HOME}`,
		node,
		leaf,
		dir,
	];
	const run = await BrowserRun.start(tmux, argv, size);
	try {
		const timeout = expected !== null && expected >= 100000 ? 60_000 : 20_000;
		const first = await run.waitForScreen(hasTitles, timeout, 'first frame with titles');
		const counted = await run.waitForScreen(
			allCounted(expected),
			timeout,
			`status "${expected ?? 'N'} articles" without "indexing"`,
		);
		const extra = then ? await then(run) : undefined;
		return {first: first.at - run.spawnedAt, counted: counted.at - run.spawnedAt, extra};
	} finally {
		await run.quit();
	}
}

/** j x 30 in the list, checking the position indicator after; then the peak RSS so far. */
async function listKeys(run) {
	try {
		const latencies = await run.keyLatencies('j', KEY_PRESSES);
		await run.settle(100);
		const screen = await run.tmux.capture(run.paneId);
		const status = parseStatus(screen);
		const bottom = JSON.stringify(screen.trimEnd().split('\n').at(-1)?.trim().slice(0, 50));
		const note =
			status?.position === KEY_PRESSES + 1
				? undefined
				: `after ${KEY_PRESSES} moves the position indicator is not ${KEY_PRESSES + 1}/N: bottom line ${bottom}`;
		let rss;
		try {
			rss = {value: run.peakRssMb()};
		} catch (error) {
			rss = {error: error.message};
		}
		return {latencies, note, rss};
	} catch (error) {
		return {error: error.message};
	}
}

/**
 * Enter on the first row (the 50,000-character article), then, if `scroll`, j x 30 in the reader. Enter waits
 * until leaf is idle (the start's work behind the screen done: index written, watches set, warm-up), so that
 * the figure is the open's own and not whatever was still running.
 */
async function openAndScroll(run, scroll) {
	try {
		await run.settle();
		await untilQuiet(run.pid, 30_000);
		const sent = performance.now();
		run.tmux.sendKeys(run.paneId, 'Enter');
		const opened = await run.waitForScreen(
			(screen) => screen.includes(LONG_ARTICLE_MARKER),
			10_000,
			'article text after Enter',
		);
		if (!scroll) return {open: opened.at - sent};
		const latencies = await run.keyLatencies('j', KEY_PRESSES);
		const after = await run.tmux.capture(run.paneId);
		const note = after.includes(LONG_ARTICLE_MARKER)
			? `the first paragraph is still on screen after ${KEY_PRESSES} scrolls`
			: undefined;
		return {open: opened.at - sent, scroll: latencies, note};
	} catch (error) {
		return {error: error.message};
	}
}
