// `npm run bench [-- --quick]` (which builds first): generates (or reuses) deterministic libraries of 1k, 10k
// and 100k articles in .bench/ (--quick: 1k and 10k), measures `leaf list`, `leaf cat`, rendering and
// the browser in tmux against the targets of the issues, and prints one table. Progress goes to
// stderr, the table to stdout. A measurement that fails prints `n/a` with its reason; the run goes on.
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {tmuxOverheadMs} from './bench/browser.mjs';
import {browserMeasures, compileOnce, helloStart} from './bench/browser-suite.mjs';
import {buildInkHello} from './bench/ink-hello.mjs';
import {findMeasures} from './bench/find.mjs';
import {ensureLibrary} from './bench/libraries.mjs';
import {newsboatMeasures, newsboatVersion} from './bench/newsboat.mjs';
import {median, peakRssOfNode, timeProcess} from './bench/process.mjs';
import {Results} from './bench/results.mjs';
import {renderTable} from './bench/table.mjs';
import {TmuxControl, tmuxAvailable} from './bench/tmux.mjs';
import {watchMeasures} from './bench/watch.mjs';

const quick = process.argv.includes('--quick');
// --find: only the finding rows at 100,000 articles (the filter keystroke, the full-text search beside grep), for a
// few quiet minutes when the whole run will not get them.
const findOnly = process.argv.includes('--find');
const repo = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(repo, '.bench');
const runDir = join(benchDir, 'run');
// A copy of the built leaf, so that a rebuild during the run (dist/ is replaced) cannot break it.
const app = join(runDir, 'app');
const leaf = join(app, 'bin/leaf.js');
const node = process.execPath;
const seed = join(repo, '../shared/seeds/000_3f1e52e898d63139.md');
const sizes = findOnly ? [100000] : quick ? [1000, 10000] : [1000, 10000, 100000];

const log = (message) => process.stderr.write(`bench: ${message}\n`);
// The run stops measuring when its budget is spent (the rest print `n/a`): 10 minutes, 30 with 100,000 articles.
const results = new Results((quick ? 9.5 : 30) * 60_000);
const loadAtStart = loadavg()[0];

rmSync(runDir, {recursive: true, force: true});
mkdirSync(join(runDir, 'home'), {recursive: true});
// Never the user's config or cache: read marks go to a throwaway folder, each index to its own.
const env = {
	PATH: process.env.PATH ?? '/usr/bin:/bin',
	LANG: 'C.UTF-8',
	HOME: join(runDir, 'home'),
	XDG_CONFIG_HOME: join(runDir, 'config'),
};
const freshCache = () => mkdtempSync(join(runDir, 'cache-'));
const envWith = (cache) => ({...env, XDG_CACHE_HOME: cache});
const filesIn = (dir) => (existsSync(dir) ? readdirSync(dir, {recursive: true}).length : 0);

async function fixedInputs() {
	const bare = async () => (await timeProcess(node, ['-e', '0'])).ms;
	const bareRuns = [];
	const args = [leaf, 'cat', seed, '--width', '80'];
	const needSeed = () => {
		if (!existsSync(seed)) throw new Error(`seed not found at ${seed}`);
	};
	await results.measure('cat-seed', 'single', async () => {
		needSeed();
		// As every run after the first: that one saves the render pipeline's compiled code (src/cli/main.ts).
		const cache = freshCache();
		await timeProcess(node, args, {env: envWith(cache)});
		// Each right after a bare `node -e 0`, its baseline, so that both are timed in the same spell of the machine.
		return results.timedRuns(10, async () => {
			bareRuns.push(await bare());
			return (await timeProcess(node, args, {env: envWith(cache)})).ms;
		});
	});
	await results.measure('cat-first', 'single', async () => {
		needSeed();
		return results.timedRuns(5, async () => (await timeProcess(node, args, {env: envWith(freshCache())})).ms);
	});
	await results.measure('node-baseline', 'single', () =>
		bareRuns.length > 0 ? {value: median(bareRuns), runs: bareRuns.length} : results.timedRuns(10, bare),
	);
	await results.measure('render-50k', 'single', async () => {
		const {stdout} = await timeProcess(node, ['--import', 'tsx', 'scripts/bench/render-probe.mjs', '20'], {
			cwd: repo,
			keepOutput: true,
		});
		const probe = JSON.parse(stdout);
		return {
			value: probe.median,
			runs: probe.runs,
			note: `median of ${probe.runs} warm calls; the first (cold) call took ${probe.first.toFixed(0)} ms; ${probe.lines} lines`,
		};
	});
}

/** The read-state file after reading and scrolling 1,000 articles (of the 10k library), then 1,000 more. */
async function stateSize(library) {
	await results.measure('state-size', 'single', async () => {
		if (!library) throw new Error('no library of 10,000 articles');
		const args = ['--import', 'tsx', 'scripts/bench/state-probe.mjs', library.dir, '1000'];
		const probe = JSON.parse((await timeProcess(node, args, {cwd: repo, keepOutput: true})).stdout);
		const more = `${(probe.moreBytes / 1024).toFixed(0)} KB after 2,000 (${probe.morePositions} positions kept)`;
		return {value: probe.bytes / 1024, note: `${probe.positions} positions kept; ${more}`};
	});
}

/** `leaf list --json` with no index and warm, the stat floor, peak RSS. Returns the warm cache folder. */
async function listMeasures({column, dir, expected, runs}) {
	const listArgs = [leaf, 'list', dir, '--json'];
	const check = (stdout) => {
		const count = JSON.parse(stdout).length;
		if (expected === null ? count === 0 : count !== expected)
			throw new Error(`listed ${count} articles, expected ${expected ?? 'some'}`);
	};
	let warmCache = null;
	await results.measure('list-cold', column, () =>
		results.timedRuns(runs, async (i) => {
			warmCache = freshCache();
			const run = await timeProcess(node, listArgs, {env: envWith(warmCache), keepOutput: i === 0});
			if (i === 0) check(run.stdout);
			return run.ms;
		}),
	);
	if (warmCache === null) return null;
	const note =
		filesIn(warmCache) === 0 ? 'nothing was written to XDG_CACHE_HOME: no index, so "warm" = cold' : undefined;
	await results.measure('list-warm', column, async () => {
		const timed = await results.timedRuns(runs, async (i) => {
			const run = await timeProcess(node, listArgs, {env: envWith(warmCache), keepOutput: i === 0});
			if (i === 0) check(run.stdout);
			return run.ms;
		});
		return {...timed, note};
	});
	// The walk and its floor are timed turn about, in the walk's probe.
	const walked = await results.measure('walk', column, async () => {
		const probeArgs = ['scripts/bench/walk-probe.mjs', dir, String(runs), warmCache];
		const {stdout} = await timeProcess(node, probeArgs, {cwd: repo, keepOutput: true});
		const probe = JSON.parse(stdout);
		const where = !probe.plan.threads ? 'all here' : probe.plan.walkHere ? 'walked here' : 'walked in workers';
		results.record('floor', column, {value: probe.floor, runs: probe.runs});
		return {value: probe.median, runs: probe.runs, note: where};
	});
	if (!walked) results.record('floor', column, results.cells.walk[column]);
	// A word that is in no article: grep reads every file to its end.
	await results.measure('grep', column, () =>
		results.timedRuns(
			runs,
			async () => (await timeProcess('grep', ['-rlF', 'LEAF-BENCH-NO-SUCH-WORD', dir], {okStatuses: [1]})).ms,
		),
	);
	const probe = {timeoutMs: 180_000};
	const scratch = join(runDir, 'rss');
	await results.measure('rss-list-cold', column, async () => ({
		value: await peakRssOfNode(listArgs, {...probe, env: envWith(freshCache())}, scratch),
	}));
	await results.measure('rss-list-warm', column, async () => ({
		value: await peakRssOfNode(listArgs, {...probe, env: envWith(warmCache)}, scratch),
	}));
	return warmCache;
}

function loadNote(start, end) {
	// The end figure includes the benchmark's own processes; the start one is everybody else.
	const verdict =
		start > availableParallelism() / 2
			? 'other processes were using the CPU: times are inflated'
			: 'the machine was otherwise idle';
	return `Load average (1 min): ${start.toFixed(1)} before, ${end.toFixed(1)} at the end (${verdict}).`;
}

async function main() {
	if (!existsSync(join(repo, 'dist/cli.js')))
		throw new Error('dist/cli.js is missing: run `npm run bench`, which builds first');
	for (const part of ['bin', 'dist', 'content', 'package.json'])
		cpSync(join(repo, part), join(app, part), {recursive: true});
	const libraries = findOnly ? [] : [{column: 'content', dir: join(app, 'content'), expected: null, runs: 5}];
	for (const size of sizes) {
		log(`library of ${size}`);
		libraries.push({
			column: String(size),
			dir: ensureLibrary(benchDir, size, log).dir,
			expected: size,
			runs: size >= 100000 ? 3 : 5,
		});
	}
	const leafVersion = (
		await timeProcess(node, [leaf, '--version'], {keepOutput: true}).catch(() => ({stdout: '?'}))
	).stdout.trim();
	log('fixed inputs: node, cat, render, the read-state file');
	if (!findOnly) {
		await fixedInputs();
		await stateSize(libraries.find((library) => library.expected >= 10000));
	}
	const tmuxVersion = tmuxAvailable();
	const tmux = tmuxVersion
		? await TmuxControl.start({...env, LC_ALL: 'C.UTF-8', TERM: 'xterm-256color'}).catch((error) =>
				log(`tmux: ${error.message}`),
			)
		: null;
	const overhead = tmux
		? await results.measure('tmux-overhead', 'single', async () => ({value: await tmuxOverheadMs(tmux), runs: 30}))
		: null;
	/** The Ink hello-world's command, once built. */
	let inkHello = null;
	if (tmux && !findOnly) {
		log('baseline: Ink hello-world');
		await results.measure('ink-hello', 'single', async () => {
			inkHello = ['env', '-u', 'CI', node, await buildInkHello(repo, join(runDir, 'ink-hello'))];
			return results.timedRuns(5, () => helloStart(tmux, inkHello));
		});
	}
	const newsboat = tmux ? newsboatVersion() : null;
	try {
		for (const library of libraries) {
			if (findOnly && tmux) {
				const warmCache = freshCache();
				log(`${library.column}: the index`);
				await timeProcess(node, [leaf, 'list', library.dir], {env: envWith(warmCache)});
				await compileOnce({tmux, node, leaf, env, freshCache}, {...library, warmCache});
				log(`${library.column}: find`);
				await findMeasures({results, tmux, node, leaf, env, overheadMs: overhead?.value ?? 0}, {...library, warmCache});
				continue;
			}
			log(`${library.column}: leaf list`);
			const warmCache = (await listMeasures(library)) ?? freshCache();
			if (!tmux) {
				for (const row of ['first-install', 'first-cold', 'first-warm', 'counted-warm', 'key-list', 'watch-idle'])
					results.record(row, library.column, {error: tmuxVersion ? 'tmux did not start' : 'tmux not found'});
				continue;
			}
			log(`${library.column}: browser`);
			await browserMeasures(
				{results, tmux, node, leaf, env, freshCache, inkHello, overheadMs: overhead?.value ?? 0},
				{...library, warmCache},
			);
			if (library.expected !== null) {
				log(`${library.column}: watching`);
				await watchMeasures({results, tmux, node, leaf, env}, {...library, warmCache});
			}
			if (newsboat && library.expected !== null) {
				log(`${library.column}: newsboat`);
				await newsboatMeasures({results, tmux, benchDir, overheadMs: overhead?.value ?? 0}, library);
			}
			if (library.expected >= 100000) {
				log(`${library.column}: find`);
				await findMeasures({results, tmux, node, leaf, env, overheadMs: overhead?.value ?? 0}, {...library, warmCache});
			}
		}
	} finally {
		await tmux?.close();
	}
	const measured = ['single', ...libraries.map((library) => library.column)];
	const seconds = ((performance.now() - results.started) / 1000).toFixed(0);
	const lines = [
		'',
		`leaf ${leafVersion} benchmark: node ${process.version}, ${availableParallelism()} cores, ${tmuxVersion ?? 'no tmux'}, ${new Date().toISOString()}, ${seconds} s${quick ? ', --quick' : ''}`,
		loadNote(loadAtStart, loadavg()[0]),
		newsboat
			? `Beside leaf: ${newsboat}, the same articles as one RSS feed.`
			: 'newsboat is not on the PATH (`apt-get install -y newsboat`): no newsboat rows.',
		'Targets are ratios to baselines measured in this run (a cell shows its ratio); only 16 ms frames and memory are absolute.',
		'Medians; (n) = runs. Page cache warm (the libraries were just read). Key latencies: from send-keys to the end of the',
		"frame's output burst as tmux reports it (%output), minus the tmux round trip of an echoed key. Browser at 120x40; open and reader scroll at 80x24.",
		'',
		renderTable(results.cells, measured),
		'',
	];
	process.stdout.write(lines.join('\n'));
}

await main();
