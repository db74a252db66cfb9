// Times leaf's walk of a library in process, as a load does it (src/io/scan-threads.ts): the scan worker walks
// and stats, a second one sharing the stats once the walk has found enough files; timed from the call to the end
// of the walk, the workers' start included. The scan code is bundled first (as scripts/build.mjs does), so the
// workers start as they do in dist/. Prints {median, runs, files} as JSON. Arguments: the folder, the runs.
import {build} from 'esbuild';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {median} from './process.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const [dir, runsText = '5'] = process.argv.slice(2);
const out = await mkdtemp(join(tmpdir(), 'leaf-walk-probe-'));
try {
	await build({
		absWorkingDir: repo,
		entryPoints: {walk: 'src/io/scan-threads.ts', 'scan-worker': 'src/io/scan-worker.ts'},
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
	const times = [];
	let files = 0;
	for (let run = 0; run < Number(runsText); run++) {
		files = 0;
		const started = performance.now();
		const source = openScanSource(dir, (batch) => (files += batch.paths.length));
		await source.walked;
		times.push(performance.now() - started);
		source.close();
	}
	process.stdout.write(JSON.stringify({median: median(times), runs: times.length, files}));
} finally {
	await rm(out, {recursive: true, force: true});
}
