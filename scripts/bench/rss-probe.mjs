// Preloaded with `node --import` by the benchmark: at exit, writes the process's peak RSS (getrusage
// maxrss, in kB, all threads) to $LEAF_BENCH_RSS_FILE. /proc/<pid> is gone by the time the parent
// could read VmHWM, and /usr/bin/time is not on every machine.
import {writeFileSync} from 'node:fs';
import {isMainThread} from 'node:worker_threads';

const target = process.env.LEAF_BENCH_RSS_FILE;
if (target && isMainThread) {
	process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
