// Rows for finding (issue 12), at 100k: a key in the title filter prompt (key to frame), and the full-text
// search's first result and whole run, beside `grep -rlF` for the same string over the same files, timed
// in the same run. Its rows are added to the table from here, so the shared table needs no edit.
import {performance} from 'node:perf_hooks';
import {BrowserRun, freshConfig, parseStatus} from './browser.mjs';
import {median, timeProcess} from './process.mjs';
import {ROWS} from './table.mjs';

/** A two-character word of the generated Chinese bodies, in about one file in a hundred. */
export const SEARCH_NEEDLE = '研究';
/** Typed one key at a time into the filter prompt, then taken back. */
const FILTER_KEYS = ['e', 'n', 'BSpace', 'BSpace', '新', '媒', 'BSpace', 'BSpace', 'r', 'u', 's', 't'];
const LARGE = '100000';
/** Searches timed, each after a grep. */
const SEARCHES = 3;

ROWS.push(
	{
		key: 'key-filter',
		label: 'key to frame: title filter prompt (/), median',
		kind: 'ms',
		target: {text: '< 16 ms @100k', columns: [LARGE], check: (value) => value < 16},
	},
	{
		key: 'search-first',
		label: `full-text search "${SEARCH_NEEDLE}": first result`,
		kind: 'ms',
		target: {text: '< 500 ms @100k', columns: [LARGE], check: (value) => value < 500},
	},
	{
		key: 'search-total',
		label: `full-text search "${SEARCH_NEEDLE}": whole search`,
		kind: 'ms',
		target: {
			text: '< 2x grep -rlF @100k',
			columns: [LARGE],
			check: (value, column, results) => value < 2 * results['search-grep']?.[column]?.value,
		},
	},
	{key: 'search-grep', label: `baseline: grep -rlF "${SEARCH_NEEDLE}" (same files)`, kind: 'ms'},
);

/**
 * @param {object} bench {results, tmux, node, leaf, env, overheadMs}
 * @param {object} library {column, dir, expected, warmCache}
 */
export async function findMeasures(bench, library) {
	const {results, overheadMs} = bench;
	const {column, dir} = library;
	const run = await startBrowser(bench, library);
	try {
		await results.measure('key-filter', column, async () => {
			await run.settle();
			run.tmux.sendKeys(run.paneId, '/');
			await run.waitForScreen((screen) => screen.includes('Filter: _'), 5000, 'the filter prompt');
			const latencies = [];
			for (const key of FILTER_KEYS) latencies.push(...(await run.keyLatencies(key, 1)));
			run.tmux.sendKeys(run.paneId, 'Escape');
			return {value: Math.max(0, median(latencies) - overheadMs), runs: latencies.length};
		});
		// Each search right after a grep over the same files, so that both are timed in the same spell of the
		// machine (a search is about two seconds: one alone was at the mercy of a busy second).
		const greps = [];
		const searched = await results.repeat(SEARCHES, async () => {
			greps.push((await timeProcess('grep', ['-rlF', SEARCH_NEEDLE, dir])).ms);
			return searchOnce(run);
		});
		results.recordMedian('search-grep', column, greps);
		results.recordMedian(
			'search-first',
			column,
			searched.done.map((search) => search.first),
			searched.error,
		);
		const found = searched.done.at(-1)?.found;
		results.recordMedian(
			'search-total',
			column,
			searched.done.map((search) => search.whole),
			searched.error,
			found && `${found} articles found`,
		);
	} finally {
		await run.quit();
	}
}

/** One full-text search from its Enter: ms to its first result and to its end on screen; then it is put away. */
async function searchOnce(run) {
	await run.settle();
	run.tmux.sendKeys(run.paneId, 'F', ...SEARCH_NEEDLE);
	await run.waitForScreen((screen) => screen.includes(`${SEARCH_NEEDLE}_`), 5000, 'the search prompt');
	await run.settle();
	const sent = performance.now();
	run.tmux.sendKeys(run.paneId, 'Enter');
	const status = (screen) => parseStatus(screen)?.line ?? '';
	const found = (screen) => /search "[^"]*": ([\d,]+) found/.exec(status(screen));
	const first = await run.waitForScreen(
		(screen) => Number(found(screen)?.[1]?.replace(/,/g, '') ?? 0) > 0,
		30_000,
		'a first result',
	);
	const whole = await run.waitForScreen(
		(screen) => found(screen) !== null && !/found · /.test(status(screen)),
		120_000,
		'the search to end',
	);
	run.tmux.sendKeys(run.paneId, 'Escape');
	await run.waitForScreen((screen) => !status(screen).includes('search "'), 5000, 'the search put away');
	return {first: first.at - sent, whole: whole.at - sent, found: found(whole.screen)?.[1]};
}

async function startBrowser({tmux, node, leaf, env}, {dir, expected, warmCache}) {
	const argv = [
		'env',
		'-u',
		'CI',
		`XDG_CACHE_HOME=${warmCache}`,
		`XDG_CONFIG_HOME=${freshConfig(env)}`,
		`HOME=${env.HOME}`,
		node,
		leaf,
		dir,
	];
	const run = await BrowserRun.start(tmux, argv, {width: 120, height: 40});
	await run.waitForScreen(
		(screen) => {
			const status = parseStatus(screen);
			return status !== null && !status.indexing && status.total === expected;
		},
		60_000,
		'every article counted',
	);
	return run;
}
