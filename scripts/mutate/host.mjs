// The process the mutation runner (runner.mjs) runs the unit tests in: plain Node with harness.mjs, nothing of
// Stryker's, so that a fresh one starts in about the time of `node -e 0`. It loads a test file when a run first
// needs it and keeps it loaded; the runner sends runs over IPC and replaces the process when it needs a fresh one.
import {resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {collect, runAfterHooks, runTest} from './harness.mjs';

const ENV = '__STRYKER_ACTIVE_MUTANT__';
const ns = (globalThis.__stryker__ ??= {});
/** @type {Map<string, import('./harness.mjs').Test[]>} */
const loaded = new Map();
/** Each test's time limit (ms) by id, from the dry run's times (runner.mjs `budgetOf`); none: no limit. */
let budgets = {};
/** An error thrown outside any test's promise chain, charged to the test that was running. */
let stray;
process.on('uncaughtException', (error) => (stray ??= error));
process.on('unhandledRejection', (error) => (stray ??= error));

const message = (error) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

function activate(id) {
	ns.activeMutant = id;
	if (id === undefined) delete process.env[ENV];
	else process.env[ENV] = id; // worker threads started by a test read it from their environment
}

async function load(file) {
	if (!loaded.has(file)) {
		const url = pathToFileURL(resolve(file.replace(/\.ts$/, '.js'))).href;
		loaded.set(file, await collect(file, () => import(url)));
	}
	return loaded.get(file);
}

/** `promise`, or 'late' once `ms` have passed (no limit when `ms` is undefined). */
function within(promise, ms) {
	if (ms === undefined) return promise;
	let timer;
	const late = new Promise((done) => (timer = setTimeout(() => done('late'), ms)));
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Run `tests` in order; stop at the first failure unless `all`. Coverage is counted per test when asked. A test
 * past its time limit stops the run: `timedOut` names it, and the test may still be running (the runner replaces
 * this process).
 */
async function runTests(tests, {all, coverage}) {
	const results = [];
	for (const t of tests) {
		const started = performance.now();
		stray = undefined;
		const outcome = await within(
			runTest(t, coverage ? (on) => (ns.currentTestId = on ? t.id : undefined) : undefined),
			budgets[t.id],
		);
		if (outcome === 'late') return Object.assign(results, {timedOut: t.id});
		// An error thrown by a timer the test started shows up a turn later.
		await new Promise((done) => setImmediate(done));
		const error = outcome.error ?? stray;
		const status = error !== undefined ? 'failed' : outcome.status;
		results.push({id: t.id, file: t.file, status, ms: performance.now() - started, failure: error && message(error)});
		if (error !== undefined && !all) break;
	}
	return results;
}

/**
 * Each group's file loaded when first needed, then its chosen tests; stops at the first failure unless `all`. A
 * runtime mutant is inactive while a file loads; a static one is active, and a file that cannot load kills it.
 */
async function runMutant({mutant, groups, loadsMutated, all, hitLimit}) {
	ns.hitCount = hitLimit === undefined ? undefined : 0;
	ns.hitLimit = hitLimit;
	const results = [];
	for (const {file, ids} of groups) {
		let tests;
		activate(loadsMutated ? mutant : undefined);
		try {
			tests = await load(file);
		} catch (error) {
			if (!loadsMutated) throw error;
			results.push({id: `${file} > (loading)`, file, status: 'failed', ms: 0, failure: message(error)});
			if (all) continue;
			break;
		}
		const wanted = ids && new Set(ids);
		activate(mutant);
		let run;
		try {
			run = await runTests(wanted ? tests.filter((t) => wanted.has(t.id)) : tests, {all});
		} finally {
			activate(undefined);
		}
		results.push(...run);
		if (run.timedOut) return {results, timedOut: run.timedOut};
		if (!all && results.some((r) => r.status === 'failed')) break;
	}
	const hits = ns.hitCount;
	ns.hitCount = ns.hitLimit = undefined;
	return {results, hitLimitReached: hits !== undefined && hits > hitLimit};
}

/** The tests of `files`, all run, with per-test coverage: Stryker's dry run. */
async function dryRun({files, coverage}) {
	ns.mutantCoverage = {static: {}, perTest: {}};
	const tests = [];
	for (const file of files) tests.push(...(await load(file)));
	const results = await runTests(tests, {all: true, coverage});
	return {results, coverage: ns.mutantCoverage};
}

/** One test again with no mutant active: did an earlier run spoil this process? */
async function rerun({id}) {
	const t = [...loaded.values()].flat().find((test) => test.id === id);
	const run = await runTests([t], {all: false});
	return run.timedOut ? {id, status: 'failed', failure: 'past its time limit'} : run[0];
}

const handlers = {
	dryRun,
	runMutant,
	rerun,
	limits: (value) => void (budgets = value),
	done: runAfterHooks,
};
process.on('message', async ({call, args, seq}) => {
	try {
		process.send({seq, value: await handlers[call](args)});
	} catch (error) {
		process.send({seq, error: message(error)});
	}
});
