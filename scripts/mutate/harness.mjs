// The part of node:test that tests/core and tests/io use, for the in-process mutation runner (runner.mjs). In the
// Stryker sandbox, scripts/mutate/build.mjs points the tests' `node:test` imports here. Loading a test file only
// collects its tests; the runner then runs any subset of them, as often as it likes, in one process.
//
// Hooks: `before` runs once, before the first test of its suite that runs in this process; `after` (and what
// tempFolders registers) runs when the process is done with its tests (runAfterHooks); beforeEach/afterEach and
// `t.after` run around each test, as in node:test.
export {mock} from 'node:test';

/** @typedef {{name: string, parent: Suite | undefined, before: Function[], after: Function[], beforeEach: Function[], afterEach: Function[], beforeDone: boolean}} Suite */
/** @typedef {{id: string, name: string, file: string, suites: Suite[], options: {skip?: unknown, timeout?: number}, fn: Function}} Test */

/** Every test collected, by file (in the order each file declares them). @type {Map<string, Test[]>} */
const testsByFile = new Map();
/** Every suite whose `after` hooks are owed. @type {Suite[]} */
const suitesLoaded = [];
let collecting = /** @type {{file: string, suite: Suite, ids: Set<string>} | undefined} */ (undefined);
/** The environment each file left behind when it loaded (test files set XDG_* folders at their top). */
const envByFile = new Map();
let envOf = '';
let running = /** @type {{after: Function[]} | undefined} */ (undefined);

function newSuite(name, parent) {
	const suite = {name, parent, before: [], after: [], beforeEach: [], afterEach: [], beforeDone: false};
	suitesLoaded.push(suite);
	return suite;
}

/** Load `load()` (an import of `file`'s compiled tests) and return the tests it declares. */
export async function collect(file, load) {
	collecting = {file, suite: newSuite(file, undefined), ids: new Set()};
	const tests = [];
	testsByFile.set(file, tests);
	try {
		await load();
	} finally {
		collecting = undefined;
		envByFile.set(file, {...process.env});
		envOf = file;
	}
	return tests;
}

function splitArgs(args) {
	const name = typeof args[0] === 'string' ? args.shift() : (args[0]?.name ?? 'anonymous');
	const options = typeof args[0] === 'object' && args[0] !== null ? args.shift() : {};
	return {name, options, fn: args[0] ?? (() => {})};
}

function suitePath(suite) {
	const names = [];
	for (let at = suite; at?.parent; at = at.parent) names.unshift(at.name);
	return names;
}

export function test(...args) {
	if (!collecting)
		throw new Error('node:test under the mutation runner: test() inside a running test is not supported');
	const {name, options, fn} = splitArgs(args);
	const base = [collecting.file, ...suitePath(collecting.suite), name].join(' > ');
	let id = base;
	for (let n = 2; collecting.ids.has(id); n++) id = `${base} #${n}`;
	collecting.ids.add(id);
	const suites = [];
	for (let at = collecting.suite; at; at = at.parent) suites.unshift(at);
	testsByFile.get(collecting.file).push({id, name, file: collecting.file, suites, options, fn});
}
export function it(...args) {
	test(...args);
}

export function describe(...args) {
	if (!collecting) throw new Error('node:test under the mutation runner: describe() inside a running test');
	const {name, options, fn} = splitArgs(args);
	const outer = collecting.suite;
	collecting.suite = newSuite(name, outer);
	try {
		if (!options.skip) fn();
	} finally {
		collecting.suite = outer;
	}
}

function hook(kind) {
	return (fn) => {
		if (running && kind === 'after') running.after.push(fn);
		else if (collecting) collecting.suite[kind].push(fn);
		else throw new Error(`node:test under the mutation runner: ${kind}() outside a test file's loading`);
	};
}
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');

function withTimeout(promise, ms, what) {
	if (!ms || !Number.isFinite(ms)) return promise;
	let timer;
	const late = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
	});
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Run one test with its hooks. Resolves to {status: 'passed' | 'failed' | 'skipped', error?}. `around` is called
 * with true after the once-only `before` hooks and with false at the end, so that the runner counts coverage for
 * what runs with every run of the test (beforeEach, the test, afterEach, t.after) and not for `before`, which runs
 * once a process: what only it reaches counts as static, tried in a fresh process.
 */
export async function runTest(t, around = () => {}) {
	if (t.options.skip || t.options.todo) return {status: 'skipped'};
	if (envOf !== t.file) useEnvOf(t.file);
	const context = {
		name: t.name,
		after: (fn) => context.afters.push(fn),
		diagnostic: () => {},
		skip: () => {
			context.skipped = true;
		},
		todo: () => {},
		afters: [],
		skipped: false,
	};
	let error;
	running = {after: context.afters};
	try {
		for (const suite of t.suites) {
			if (!suite.beforeDone) {
				suite.beforeDone = true;
				for (const fn of suite.before) await fn();
			}
		}
		around(true);
		for (const suite of t.suites) for (const fn of suite.beforeEach) await fn(context);
		await withTimeout(
			Promise.resolve().then(() => t.fn(context)),
			t.options.timeout,
			`test "${t.name}"`,
		);
	} catch (caught) {
		error = caught;
	}
	for (const fn of [...t.suites].reverse().flatMap((suite) => suite.afterEach)) {
		try {
			await fn(context);
		} catch (caught) {
			error ??= caught;
		}
	}
	for (const fn of context.afters.reverse()) {
		try {
			await fn(context);
		} catch (caught) {
			error ??= caught;
		}
	}
	running = undefined;
	around(false);
	if (error !== undefined) return {status: 'failed', error};
	return {status: context.skipped ? 'skipped' : 'passed'};
}

/** Give the process the environment `file` loaded with; Stryker's own variables (the active mutant) stay. */
function useEnvOf(file) {
	const wanted = envByFile.get(file);
	for (const key of Object.keys(process.env))
		if (!(key in wanted) && !key.startsWith('__STRYKER')) delete process.env[key];
	for (const [key, value] of Object.entries(wanted)) if (!key.startsWith('__STRYKER')) process.env[key] = value;
	envOf = file;
}

/** The `after` hooks of every suite loaded, innermost first, errors ignored: the process is done with them. */
export async function runAfterHooks() {
	for (const suite of suitesLoaded.reverse()) {
		for (const fn of suite.after) {
			try {
				await fn();
			} catch {
				// Cleanup of temporary folders; nothing to report to.
			}
		}
	}
	suitesLoaded.length = 0;
}
