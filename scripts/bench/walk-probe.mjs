// Times leaf's walk of a library in process, as a load with its warm index does it: where the size of the index
// says (src/io/scan-plan.ts), on the calling thread, or by the scan worker with a second one sharing the
// stats once the walk has found enough files (src/io/scan-threads.ts); timed from the call to the end of the walk,
// the workers' start included. The scan code is bundled first (as scripts/build.mjs does), so the workers start
// as they do in dist/. Each walk comes right after a run of the stat floor, `find -printf '%s %T@'` over the same
// folder, so that the two are timed in the same spell of the machine (a walk of 10,000 files is about 100 ms: a
// busy moment that only one of them met could move the ratio by half). Prints {median, floor, runs, files, plan}
// as JSON. Arguments: the folder, the runs, the cache folder holding its index (none: as with no index).
import {build} from 'esbuild';
import {readdirSync, statSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {median, timeProcess} from './process.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const [dir, runsText = '5', cache] = process.argv.slice(2);

/** The size of the one index file under the cache folder (beside it, `leaf list --json`'s list cache), or null. */
function indexBytes(folder) {
	if (!folder) return null;
	const files = readdirSync(folder, {recursive: true})
		.map((name) => join(folder, name))
		.filter((file) => /(^|\/)index-[0-9a-f]{24}\.bin$/.test(file) && statSync(file).isFile());
	if (files.length !== 1) throw new Error(`expected one index file under ${folder}, found ${files.length}`);
	return statSync(files[0]).size;
}

const out = await mkdtemp(join(tmpdir(), 'leaf-walk-probe-'));
try {
	await build({
		absWorkingDir: repo,
		entryPoints: {walk: 'src/io/scan-threads.ts', plan: 'src/io/scan-plan.ts', 'scan-worker': 'src/io/scan-worker.ts'},
		outdir: out,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		logLevel: 'warning',
		banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
	});
	const {openScanSource} = await import(pathToFileURL(join(out, 'walk.js')).href);
	const {scanPlan} = await import(pathToFileURL(join(out, 'plan.js')).href);
	const plan = scanPlan(indexBytes(cache), availableParallelism());
	const times = [];
	const floor = [];
	let files = 0;
	for (let run = 0; run < Number(runsText); run++) {
		floor.push((await timeProcess('find', [dir, '-type', 'f', '-printf', '%s %T@\\n'])).ms);
		files = 0;
		const started = performance.now();
		const source = openScanSource(dir, (batch) => (files += batch.paths.length), plan);
		await source.walked;
		times.push(performance.now() - started);
		source.close();
	}
	process.stdout.write(JSON.stringify({median: median(times), floor: median(floor), runs: times.length, files, plan}));
} finally {
	await rm(out, {recursive: true, force: true});
}
