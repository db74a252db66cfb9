// Stryker's test runner for leaf (stryker.config.mjs names it "leaf-unit"). The unit tests run in a host process
// (host.mjs, plain Node) that loads each test file once and then runs mutant after mutant, instead of one process per
// test file per mutant. Each mutant runs only the tests that reached it (perTest coverage), only from its own layer
// (tests/core for src/core, tests/io for src/io), the mutated file's own test file first. The test files are the
// JavaScript that build.mjs compiled in the sandbox, with `node:test` pointed at harness.mjs.
//
// A host that ran many mutants must not let one change another's verdict. So a new host (about the cost of
// `node -e 0`, against seconds for a new Stryker worker) is started:
// - for a static mutant (reached while modules load, or by a once-only `before` hook), and after one; it runs the
//   test files that load its module, followed through the compiled imports;
// - to check a kill in a used host whose killing test also fails with no mutant active (the host's state was
//   spoiled: a cache filled while an earlier mutant was active);
// - to check a survivor, in a used host, of a module that holds state of its own (a cache filled on first use, a
//   once-only flag), so that the state is made with the mutant active;
// - after a timeout, since the timed-out test may still be running.
import {fork} from 'node:child_process';
import {appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {commonTokens, declareClassPlugin, PluginKind} from '@stryker-mutator/api/plugin';
import {DryRunStatus, MutantRunStatus, TestStatus} from '@stryker-mutator/api/test-runner';

const TEST_FOLDERS = ['tests/core', 'tests/io'];
// Starts child processes under tsx (20-40 s a run): the kind of test tests/stress holds; npm test runs it.
const LEFT_OUT = new Set(['tests/io/read-state-processes.test.ts']);

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

/** Relative imports, re-exports and worker URLs of a compiled module: `./x.js` and the like. */
const LINKS = /(?:from\s*|import\s*\(?\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** For each test file, every module of the sandbox that loading it can load (relative paths, .js). */
function reachOf(testFiles) {
	const links = new Map();
	const linksOf = (file) => {
		if (!links.has(file)) {
			let text = '';
			try {
				text = readFileSync(file, 'utf8');
			} catch {
				// A worker URL or an import that does not resolve to a file: nothing further to follow.
			}
			const found = [...text.matchAll(LINKS)].map((match) =>
				relative('.', resolve(dirname(file), match[1].replace(/\.ts$/, '.js'))),
			);
			links.set(file, found);
		}
		return links.get(file);
	};
	return new Map(
		testFiles.map((test) => {
			const seen = new Set([test.replace(/\.ts$/, '.js')]);
			for (const file of seen) for (const next of linksOf(file)) seen.add(next);
			return [test, seen];
		}),
	);
}

// A module with state of its own that outlives a test (a cache filled on first use, a once-only flag): a mutant in
// it may not run at all in a worker where an earlier run filled that state. Its survivors get a fresh worker.
const HOLDS_STATE = /^(?:let |const \w+(?::[^=]+)? = new (?:Map|WeakMap|Uint8Array|Int32Array)\b)/m;

const fileOf = (id) => id.slice(0, id.indexOf(' > '));

/**
 * A test's time limit in a mutant run: three times its time in the dry run, plus a second. Stryker's own deadline
 * for a mutant is 1.5 times all its tests' times plus timeoutMS and the dry run's overhead, so a mutant that makes
 * its first test hang (a worker that never answers, a watch event that never comes) waited for the whole; it is
 * now a timeout once that one test is past its limit.
 */
const budgetOf = (ms) => Math.round(3 * ms + 1000);
/** Where the dry run leaves the limits, in the sandbox all workers share. */
const LIMITS_FILE = '.leaf-test-limits.json';
const STATUS = {passed: TestStatus.Success, failed: TestStatus.Failed, skipped: TestStatus.Skipped};
const toTestResult = (r) => ({
	id: r.id,
	name: r.id,
	fileName: r.file,
	timeSpentMs: Math.round(r.ms),
	status: STATUS[r.status],
	...(r.status === 'failed' ? {failureMessage: r.failure} : {}),
});

/** A host process (host.mjs) and the calls in flight to it. */
class Host {
	runs = 0;
	calls = new Map();
	seq = 0;

	constructor() {
		// The corpus beside the checkout is not beside the sandbox: its tests skip here, whatever CI asks of them.
		const env = {...process.env};
		delete env.LEAF_REQUIRE_CORPUS;
		this.child = fork(resolve('scripts/mutate/host.mjs'), [], {
			env,
			execArgv: [],
			stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
		});
		this.exited = new Promise((done) => this.child.once('exit', done));
		this.child.on('message', ({seq, value, error}) => {
			const call = this.calls.get(seq);
			this.calls.delete(seq);
			if (error === undefined) call?.done(value);
			else call?.fail(new Error(error));
		});
		this.exited.then((code) => {
			for (const call of this.calls.values()) call.fail(new Error(`the test host exited (${code}) during a run`));
			this.calls.clear();
		});
	}

	/** Call `call` in the host; resolves to 'timeout' after `ms` (the host is then of no further use). */
	call(call, args, ms = 0) {
		const seq = ++this.seq;
		const answer = new Promise((done, fail) => this.calls.set(seq, {done, fail}));
		this.child.send({call, args, seq});
		if (!ms) return answer;
		let timer;
		const late = new Promise((done) => (timer = setTimeout(() => done('timeout'), ms)));
		return Promise.race([answer, late]).finally(() => clearTimeout(timer));
	}

	async close(gracefully) {
		if (gracefully && this.child.connected) await this.call('done', {}, 10_000).catch(() => {});
		this.child.kill('SIGKILL');
		await this.exited;
	}
}

class LeafUnitRunner {
	static inject = [commonTokens.logger];
	files = [];
	/** @type {Host | undefined} */
	host;
	/** Whether the host loaded modules with a static mutant active: the next run needs a new one. */
	spoiled = false;

	constructor(log) {
		this.log = log;
	}

	capabilities() {
		return {reloadEnvironment: true};
	}

	async init() {
		this.files = TEST_FOLDERS.flatMap((folder) =>
			readdirSync(folder, {recursive: true}).map((name) => `${folder}/${name}`),
		)
			.filter((file) => file.endsWith('.test.ts') && !LEFT_OUT.has(file))
			.sort();
		this.reach = reachOf(this.files);
		this.holdsState = new Map();
	}

	/** The host to run in, a new one when `fresh` or when the last one cannot be trusted. */
	async hostFor(fresh) {
		if (this.host && (((fresh || this.spoiled) && this.host.runs > 0) || this.host.child.exitCode !== null)) {
			await this.host.close(false);
			this.host = undefined;
		}
		this.spoiled = false;
		if (!this.host) {
			this.host = new Host();
			this.limits ??= existsSync(LIMITS_FILE) ? readFileSync(LIMITS_FILE, 'utf8') : undefined;
			if (this.limits) await this.host.call('limits', JSON.parse(this.limits));
		}
		this.host.runs++;
		return this.host;
	}

	async dryRun(options) {
		const host = await this.hostFor(true);
		const answer = await host.call(
			'dryRun',
			{files: this.files, coverage: options.coverageAnalysis !== 'off'},
			options.timeout,
		);
		if (answer === 'timeout') {
			this.spoiled = true;
			return {status: DryRunStatus.Timeout};
		}
		// The other Stryker workers run mutants without a dry run of their own: they read the limits from the sandbox.
		const limits = Object.fromEntries(answer.results.map((r) => [r.id, budgetOf(r.ms)]));
		this.limits = JSON.stringify(limits);
		writeFileSync(LIMITS_FILE, this.limits);
		await host.call('limits', limits);
		return {status: DryRunStatus.Complete, tests: answer.results.map(toTestResult), mutantCoverage: answer.coverage};
	}

	async mutantRun(options) {
		const started = performance.now();
		const result = await this.runMutant(options);
		// LEAF_MUTATE_TRACE=file: one JSON line per mutant, to see where a run's time goes.
		if (process.env.LEAF_MUTATE_TRACE) {
			const {activeMutant: mutant, mutantActivation} = options;
			const line = {id: mutant.id, file: relative('.', options.sandboxFileName), line: mutant.location.start.line};
			Object.assign(line, {activation: mutantActivation, status: result.status, tests: result.nrOfTests});
			appendFileSync(
				process.env.LEAF_MUTATE_TRACE,
				`${JSON.stringify({...line, ms: Math.round(performance.now() - started)})}\n`,
			);
		}
		return result;
	}

	async runMutant(options) {
		const mutant = options.activeMutant;
		// No filter (a static mutant): every test file that loads the mutated module.
		const module = relative('.', options.sandboxFileName).replace(/\.ts$/, '.js');
		const everyFile = this.files.filter((file) => this.reach.get(file).has(module)).map((file) => `${file} > `);
		const ids = planTests(mutant.fileName, options.testFilter ?? everyFile);
		const groups = [...new Set(ids.map(fileOf))].map((file) => ({
			file,
			ids: options.testFilter && ids.filter((id) => fileOf(id) === file),
		}));
		const loadsMutated = options.mutantActivation === 'static';
		const args = {mutant: mutant.id, groups, loadsMutated, all: options.disableBail, hitLimit: options.hitLimit};
		// Inside Stryker's own deadline, which would restart this whole worker (seconds) instead of only the host.
		const deadline = performance.now() + options.timeout * 0.9;
		for (let attempt = 0; ; attempt++) {
			const fresh = attempt > 0 || loadsMutated || options.reloadEnvironment;
			const host = await this.hostFor(fresh);
			if (loadsMutated) this.spoiled = true;
			const answer = await host.call('runMutant', args, Math.max(1, deadline - performance.now()));
			if (answer === 'timeout' || answer.timedOut || answer.hitLimitReached) {
				this.spoiled = true;
				const reason =
					answer === 'timeout'
						? 'timeout'
						: answer.timedOut
							? `${answer.timedOut} past its limit`
							: 'hit limit reached';
				return {status: MutantRunStatus.Timeout, reason};
			}
			const failed = answer.results.filter((r) => r.status === 'failed');
			const nrOfTests = answer.results.filter((r) => r.status !== 'skipped').length;
			const used = host.runs > 1;
			if (failed.length === 0) {
				if (used && this.stateful(mutant.fileName)) continue; // a survivor is checked again in a fresh host
				return {status: MutantRunStatus.Survived, nrOfTests};
			}
			// In a fresh host the mutant is all that ran: if it spoiled a cache, that is its doing.
			if (used && (await host.call('rerun', {id: failed[0].id})).status === 'failed') continue;
			return {
				status: MutantRunStatus.Killed,
				failureMessage: failed[0].failure,
				killedBy: failed.map((r) => r.id),
				nrOfTests,
			};
		}
	}

	stateful(fileName) {
		if (!this.holdsState.has(fileName)) this.holdsState.set(fileName, HOLDS_STATE.test(readFileSync(fileName, 'utf8')));
		return this.holdsState.get(fileName);
	}

	async dispose() {
		await this.host?.close(true);
	}
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'leaf-unit', LeafUnitRunner)];
