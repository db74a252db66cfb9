// Run as `node --import tsx scripts/bench/render-probe.mjs`: renders the benchmark's 50,000-character
// Chinese article at width 80 in this process with src/core/render.ts and prints
// {"first": ms, "median": ms, "runs": n, "lines": n} (first: the cold call; median: warm calls).
import {performance} from 'node:perf_hooks';
import {parseArticle} from '../../src/core/article/article.ts';
import {renderArticle} from '../../src/core/render/render.ts';
import {longArticle} from './libraries.mjs';
import {median} from './process.mjs';

const runs = Number(process.argv[2] ?? 20);
const article = parseArticle(longArticle().text, 'long/bench-long-article.md');
const time = () => {
	const started = performance.now();
	const lines = renderArticle(article, {width: 80});
	return {ms: performance.now() - started, lines: lines.length};
};
const first = time();
const warm = Array.from({length: runs}, () => time().ms);
process.stdout.write(`${JSON.stringify({first: first.ms, median: median(warm), runs, lines: first.lines})}\n`);
