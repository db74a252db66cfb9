// The benchmark's cells, filled as measurements finish. A failed measurement, or one skipped because
// the time budget ran out, keeps its reason so that the table can print `n/a` and say why.
import {performance} from 'node:perf_hooks';
import {median} from './process.mjs';

// Repetitions stop early once a cell has used this much time (slow 100k runs), keeping the whole
// benchmark within its budget; the table shows how many runs each median has.
const CELL_CAP_MS = 30_000;
const OUT_OF_TIME = 'skipped: the time budget of the run ran out';

export const errorText = (error) =>
	String(error?.message ?? error)
		.split('\n')[0]
		.slice(0, 160);

export class Results {
	constructor(budgetMs) {
		this.started = performance.now();
		this.budgetMs = budgetMs;
		this.cells = {};
	}

	get outOfTime() {
		return performance.now() - this.started > this.budgetMs;
	}

	record(row, column, cell) {
		(this.cells[row] ??= {})[column] = cell;
	}

	/** Runs `fn` for one cell; its error becomes the cell's `n/a` reason. Resolves with the cell or null. */
	async measure(row, column, fn) {
		if (this.outOfTime) {
			this.record(row, column, {error: OUT_OF_TIME});
			return null;
		}
		try {
			const cell = await fn();
			this.record(row, column, cell);
			return cell;
		} catch (error) {
			this.record(row, column, {error: errorText(error)});
			return null;
		}
	}

	/** The median of `values`, or the error when there are none; a later failure becomes a note. */
	recordMedian(row, column, values, error, note) {
		if (values.length === 0) return this.record(row, column, {error: error ?? 'not measured'});
		const failed = error ? `a later run failed: ${error}` : undefined;
		this.record(row, column, {
			value: median(values),
			runs: values.length,
			note: [note, failed].filter(Boolean).join('; ') || undefined,
		});
	}

	/** `once(i)` up to `runs` times (fewer past the cell's time cap); resolves with {value: median, runs}. */
	async timedRuns(runs, once) {
		const times = [];
		const cellStarted = performance.now();
		for (let i = 0; i < runs && (i === 0 || performance.now() - cellStarted < CELL_CAP_MS); i++)
			times.push(await once(i));
		return {value: median(times), runs: times.length};
	}

	/** Like timedRuns for results that are objects; stops at the first failure and returns its reason. */
	async repeat(times, once) {
		const done = [];
		const groupStarted = performance.now();
		for (let i = 0; i < times && (i === 0 || performance.now() - groupStarted < CELL_CAP_MS); i++) {
			if (this.outOfTime) return {done, error: OUT_OF_TIME};
			try {
				done.push(await once(i));
			} catch (error) {
				return {done, error: errorText(error)};
			}
		}
		return {done, error: null};
	}
}
