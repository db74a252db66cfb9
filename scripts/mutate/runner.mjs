// Stryker's test runner for leaf (stryker.config.mjs names it "leaf-unit"): the unit tests run in Stryker's worker
// process itself, loaded once, instead of one Node process per test file per mutant. Each mutant runs only the
// tests that reached it (perTest coverage), the mutated file's own test file first, and only from its own layer
// (tests/core for src/core, tests/io for src/io). The test files are the JavaScript that build.mjs compiled in the
// sandbox, with `node:test` pointed at harness.mjs.
//
// One process running many mutants must not let one mutant change another's verdict. So:
// - a mutant that a test killed in a worker that had already run others is checked by running that test again
//   with no mutant active; if it fails then too, the process's state was spoiled (a cache filled while an earlier
//   mutant was active) and the run is thrown: Stryker starts a fresh worker and runs the mutant again there;
// - a mutant that survived in a worker that had already run others is run again in a fresh one (throwing, as
//   above), so that module caches and once-only set-up code run with that mutant active: a survivor is only ever
//   reported by a worker whose first run it was (the dry run counts as a run);
// - a static mutant (reached while modules load) and what `before` hooks reach are tried in a fresh worker too:
//   the runner says it cannot reload, so Stryker restarts the worker before and after each one;
// - after a timeout, the worker refuses its next run, so a test still running in the background cannot spoil it.
import {readdirSync} from 'node:fs';
import {resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {commonTokens, declareClassPlugin, PluginKind} from '@stryker-mutator/api/plugin';
import {DryRunStatus, MutantRunStatus, TestStatus} from '@stryker-mutator/api/test-runner';

const TEST_FOLDERS = ['tests/core', 'tests/io'];
// Starts child processes under tsx (20-40 s a run): the kind of test tests/stress holds; npm test runs it.
const LEFT_OUT = new Set(['tests/io/read-state-processes.test.ts']);
const ENV = '__STRYKER_ACTIVE_MUTANT__';

/** `tests/core/text/wrap.test.ts` for `.../src/core/text/wrap.ts`, with its layer and folder. */
function homeOf(fileName) {
	const match = /\/src\/((core|io)\/(?:.*\/)?)([^/]+)\.ts$/.exec(fileName.replaceAll('\\', '/'));
	return match
		? {layer: `tests/${match[2]}/`, folder: `tests/${match[1]}`, own: `tests/${match[1]}${match[3]}.test.ts`}
		: null;
}

/** The test ids to run for a mutant in `fileName`, own layer only, own test file first, then its folder. */
export function planTests(fileName, testIds) {
	const home = homeOf(fileName);
	if (!home) return testIds;
	const rank = (id) => (id.startsWith(`${home.own} > `) ? 0 : id.startsWith(home.folder) ? 1 : 2);
	return testIds
		.filter((id) => id.startsWith(home.layer))
		.map((id, order) => ({id, order}))
		.sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order)
		.map(({id}) => id);
}

const fileOf = (id) => id.slice(0, id.indexOf(' > '));
const message = (error) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

class LeafUnitRunner {
	static inject = [commonTokens.logger];
	/** @type {Map<string, import('./harness.mjs').Test[]>} */
	loaded = new Map();
	files = [];
	runs = 0;
	refuseNext = '';
	/** An error thrown outside any test's promise chain, charged to the test that was running. */
	stray = undefined;

	constructor(log) {
		this.log = log;
	}

	capabilities() {
		return {reloadEnvironment: false};
	}

	async init() {
		const cwd = process.cwd();
		this.harness = await import(pathToFileURL(resolve(cwd, 'scripts/mutate/harness.mjs')).href);
		this.files = TEST_FOLDERS.flatMap((folder) =>
			readdirSync(folder, {recursive: true}).map((name) => `${folder}/${name}`),
		)
			.filter((file) => file.endsWith('.test.ts') && !LEFT_OUT.has(file))
			.sort();
		// The corpus beside the checkout is not beside the sandbox: its tests skip here, whatever CI asks of them.
		delete process.env.LEAF_REQUIRE_CORPUS;
		this.onStray = (error) => {
			this.stray ??= error;
		};
		process.on('uncaughtException', this.onStray);
		process.on('unhandledRejection', this.onStray);
	}

	get ns() {
		return (globalThis.__stryker__ ??= {});
	}

	async load(file) {
		if (!this.loaded.has(file)) {
			const url = pathToFileURL(resolve(file.replace(/\.ts$/, '.js'))).href;
			this.loaded.set(file, await this.harness.collect(file, () => import(url)));
		}
		return this.loaded.get(file);
	}

	/** Run `tests` in order; stop at the first failure unless `all`. */
	async runTests(tests, {all, coverage}) {
		const results = [];
		for (const t of tests) {
			const started = performance.now();
			this.stray = undefined;
			const around = coverage ? (on) => (this.ns.currentTestId = on ? t.id : undefined) : undefined;
			const outcome = await this.harness.runTest(t, around);
			// An error thrown by a timer the test started shows up a turn later.
			await new Promise((done) => setImmediate(done));
			const error = outcome.error ?? this.stray;
			const base = {id: t.id, name: t.id, fileName: t.file, timeSpentMs: Math.round(performance.now() - started)};
			if (error !== undefined) results.push({...base, status: TestStatus.Failed, failureMessage: message(error)});
			else if (outcome.status === 'skipped') results.push({...base, status: TestStatus.Skipped});
			else results.push({...base, status: TestStatus.Success});
			if (error !== undefined && !all) break;
		}
		return results;
	}

	async dryRun(options) {
		this.runs++;
		this.ns.mutantCoverage = {static: {}, perTest: {}};
		const tests = [];
		for (const file of this.files) tests.push(...(await this.load(file)));
		const results = await this.withDeadline(
			options.timeout,
			this.runTests(tests, {all: true, coverage: options.coverageAnalysis !== 'off'}),
		);
		if (results === 'timeout') return {status: DryRunStatus.Timeout};
		return {status: DryRunStatus.Complete, tests: results, mutantCoverage: this.ns.mutantCoverage};
	}

	async mutantRun(options) {
		if (this.refuseNext) throw new Error(this.refuseNext);
		const fresh = this.runs++ === 0;
		const mutant = options.activeMutant;
		const activate = () => {
			this.ns.activeMutant = mutant.id;
			process.env[ENV] = mutant.id;
		};
		const deactivate = () => {
			this.ns.activeMutant = undefined;
			delete process.env[ENV];
		};
		const ids = planTests(
			mutant.fileName,
			options.testFilter ?? this.files.map((file) => `${file} > `), // no filter: every test of the layer
		);
		const groups = [...new Set(ids.map(fileOf))].map((file) => {
			const wanted = new Set(ids.filter((id) => fileOf(id) === file));
			return {file, pick: options.testFilter === undefined ? () => true : (t) => wanted.has(t.id)};
		});
		const loadsMutated = options.mutantActivation === 'static';
		activate();
		this.ns.hitCount = options.hitLimit === undefined ? undefined : 0;
		this.ns.hitLimit = options.hitLimit;
		let results;
		const ran = [];
		try {
			const run = this.runGroups(groups, {loadsMutated, activate, deactivate, all: options.disableBail, ran});
			results = await this.withDeadline(options.timeout, run);
		} finally {
			deactivate();
		}
		const hits = this.ns.hitCount;
		this.ns.hitCount = this.ns.hitLimit = undefined;
		if (results === 'timeout' || (hits !== undefined && hits > options.hitLimit)) {
			this.refuseNext = 'an earlier mutant timed out in this worker: its tests may still be running';
			return {status: MutantRunStatus.Timeout, reason: results === 'timeout' ? 'timeout' : `hit limit ${hits}`};
		}
		const failed = results.filter((r) => r.status === TestStatus.Failed);
		const nrOfTests = results.filter((r) => r.status !== TestStatus.Skipped).length;
		if (failed.length === 0) {
			if (!fresh) throw new Error('a survivor is checked again in a fresh worker');
			return {status: MutantRunStatus.Survived, nrOfTests};
		}
		// In a fresh worker the mutant itself is all that ran: if it spoiled a cache, that is its doing.
		if (!fresh) {
			const killer = ran.find((t) => t.id === failed[0].id);
			const again = await this.runTests([killer], {all: false});
			if (again[0].status === TestStatus.Failed) {
				throw new Error(`"${killer.id}" fails with no mutant active: this worker's state was spoiled`);
			}
		}
		return {
			status: MutantRunStatus.Killed,
			failureMessage: failed[0].failureMessage,
			killedBy: failed.map((r) => r.id),
			nrOfTests,
		};
	}

	/**
	 * Each file's tests in turn, loaded when first needed; stops at the first failure unless `all`. A runtime
	 * mutant is inactive while a file loads; a static one is active, and a file that cannot load kills it.
	 */
	async runGroups(groups, {loadsMutated, activate, deactivate, all, ran}) {
		const results = [];
		for (const {file, pick} of groups) {
			let tests;
			if (!loadsMutated) deactivate();
			try {
				tests = (await this.load(file)).filter(pick);
			} catch (error) {
				if (!loadsMutated) throw error;
				const failure = {id: `${file} > (loading)`, name: `${file} (loading)`, timeSpentMs: 0};
				results.push({...failure, status: TestStatus.Failed, failureMessage: message(error)});
				if (all) continue;
				break;
			} finally {
				activate();
			}
			ran.push(...tests);
			results.push(...(await this.runTests(tests, {all})));
			if (!all && results.some((r) => r.status === TestStatus.Failed)) break;
		}
		return results;
	}

	async withDeadline(ms, promise) {
		let timer;
		const late = new Promise((done) => (timer = setTimeout(() => done('timeout'), ms)));
		try {
			return await Promise.race([promise, late]);
		} finally {
			clearTimeout(timer);
		}
	}

	async dispose() {
		await this.harness?.runAfterHooks();
		process.off('uncaughtException', this.onStray);
		process.off('unhandledRejection', this.onStray);
	}
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'leaf-unit', LeafUnitRunner)];
