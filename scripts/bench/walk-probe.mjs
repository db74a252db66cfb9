// Run with `node --import tsx`: times leaf's walk of a library in process (the stat of every article file,
// as the scan's worker does it) and prints {median, runs} as JSON. Argument: the folder, the runs.
import {performance} from 'node:perf_hooks';
import {walkLibrary} from '../../src/io/library-walk.ts';
import {median} from './process.mjs';

const [dir, runsText = '5'] = process.argv.slice(2);
const times = [];
let files = 0;
for (let run = 0; run < Number(runsText); run++) {
	const started = performance.now();
	files = 0;
	for (const batch of walkLibrary(dir, () => {})) files += batch.paths.length;
	times.push(performance.now() - started);
}
process.stdout.write(JSON.stringify({median: median(times), runs: times.length, files}));
