// The command line: `leaf [DIR]`, `leaf cat`, `leaf list`, `leaf help`. Each command is loaded
// only when used, so `cat` never parses the browser (React + Ink) or the read-state store.
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {CommandName} from './args.ts';
import {COMMANDS, DEFAULT_OPTIONS, parseCommandLine} from './args.ts';
import {bundledContent, version} from './build-info.ts';
import type {runBrowser} from './browser-entry.ts';
import type {Renderer} from './cat.ts';
import type {CompiledScript} from '../io/browser-script.ts';
import {CommandError, UsageError} from './errors.ts';
import {helpText} from './help.ts';
import {warn, writeOut} from './output.ts';

type RunBrowser = typeof runBrowser;

/** Runs leaf and sets process.exitCode: 0 done, 1 the command failed, 2 the command line was wrong. Never throws. */
export async function main(argv: string[]): Promise<void> {
	// `leaf list | head -1`: the reader went away, which is not an error worth a word.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		warn(`cannot write output: ${error.code ?? error.message}`);
		process.exit(1);
	});
	try {
		await run(argv);
	} catch (error) {
		process.exitCode = report(error);
	}
}

async function run(argv: string[]): Promise<void> {
	const [first, ...rest] = argv;
	if (first === 'cat') return runCat(rest);
	if (first === 'list') return (await import('./list.ts')).runList(rest, defaultLibrary());
	if (first === 'help') return showHelp(rest);
	return runDefault(argv);
}

function showHelp(args: string[]): Promise<void> {
	const {positionals} = parseCommandLine(args, {}, 1);
	const topic = positionals[0];
	if (topic === undefined) return writeOut(helpText());
	if (!COMMANDS.includes(topic as CommandName)) throw new UsageError(`unknown command: ${topic}`);
	return writeOut(helpText(topic as CommandName));
}

/** `leaf [DIR]`: the browser in a terminal, the plain list anywhere else (pipes, files, scripts) or when asked for. */
async function runDefault(argv: string[]): Promise<void> {
	const {values, positionals} = parseCommandLine(argv, DEFAULT_OPTIONS, 1);
	if (values.help) return writeOut(helpText());
	if (values.version) return writeOut(`${version}\n`);
	const root = positionals[0] ?? defaultLibrary();
	// List options mean a list even in a terminal: the browser takes none of them.
	const wantsList = values.json || values.category !== undefined || values.unread;
	if (!process.stdout.isTTY || wantsList) return (await import('./list.ts')).listLibrary(root, values);

	const runBrowser = await loadBrowser();
	const outcome = await runBrowser(root);
	if ('refused' in outcome) throw new CommandError(outcome.refused);
	process.exitCode = outcome.exitCode;
}

/** The bundle's browser scripts and their builds (scripts/build.mjs); undefined under tsx. */
declare const __LEAF_BROWSER__: {file: string; build: string; later: {file: string; build: string}} | undefined;

/** How long a browser script runs before the code it has compiled is saved (when the cache did not have it). */
const SAVE_CODE_AFTER_MS = 2000;

/**
 * The browser: in the bundle its own script, run from V8's code cache (io/browser-script.ts); else its module.
 * The modules it imports after its first frame (the render pipeline, the article parser, the search's matcher) are
 * a second script, run with its own cache when the first asks for one of them.
 */
async function loadBrowser(): Promise<RunBrowser> {
	if (typeof __LEAF_BROWSER__ === 'undefined') {
		// A path in a variable: the bundle does not take in the browser's modules, which are in its script.
		const entry = './browser-entry.ts';
		return ((await import(entry)) as {runBrowser: RunBrowser}).runBrowser;
	}
	const runScript = await scriptRunner();
	/** Runs one of the scripts, and saves its compiled code a while later. */
	const run = (script: {file: string; build: string}, meta?: Record<string, unknown>) => {
		const compiled = runScript(script, meta);
		setTimeout(() => void compiled.saveCache(), SAVE_CODE_AFTER_MS).unref();
		return compiled.exports;
	};
	let laterModules: Record<string, unknown> | undefined;
	const later = (path: string) => {
		laterModules ??= (run(__LEAF_BROWSER__.later) as {modules: Record<string, unknown>}).modules;
		return laterModules[path];
	};
	return (run(__LEAF_BROWSER__, {later}) as {runBrowser: RunBrowser}).runBrowser;
}

/**
 * `leaf cat`, with the article parser and the render pipeline of the browser's second script (in the bundle): run
 * from the code cache the browser or an earlier cat saved, or compiled and then saved once the text is out.
 */
async function runCat(args: string[]): Promise<void> {
	const cat = await import('./cat.ts');
	if (typeof __LEAF_BROWSER__ === 'undefined') {
		// Paths in variables, as for the browser: the bundle does not take these modules in.
		const [article, render] = ['../core/article/article.ts', '../core/render/render.ts'];
		return cat.runCat(args, async () => ({...(await import(article)), ...(await import(render))}) as Renderer);
	}
	const later = __LEAF_BROWSER__.later;
	let compiled: CompiledScript | undefined;
	try {
		await cat.runCat(args, async () => {
			compiled = (await scriptRunner())(later);
			const {modules} = compiled.exports as {modules: Record<string, Partial<Renderer>>};
			return {...modules['src/core/article/article.ts'], ...modules['src/core/render/render.ts']} as Renderer;
		});
	} finally {
		await compiled?.saveCache();
	}
}

/** Runs one of the browser's scripts with its code cache from leaf's cache folder (none without one). */
async function scriptRunner() {
	const [{runScript}, {cacheBase}] = await Promise.all([
		import('../io/browser-script.ts'),
		import('../io/cache-folder.ts'),
	]);
	// NODE_DISABLE_COMPILE_CACHE, Node's own switch for its compile cache, turns this one off too.
	const base = process.env.NODE_DISABLE_COMPILE_CACHE ? null : cacheBase(process.env);
	const folder = base && join(base, 'leaf', 'compiled');
	return (script: {file: string; build: string}, meta?: Record<string, unknown>) =>
		runScript(new URL(script.file, import.meta.url), script.build, folder, meta);
}

/** $LEAF_DIR, else the manual bundled with leaf. */
function defaultLibrary(): string {
	return process.env.LEAF_DIR || fileURLToPath(bundledContent);
}

function report(error: unknown): number {
	if (error instanceof UsageError) {
		warn(`${error.message} (see: leaf help${error.command ? ` ${error.command}` : ''})`);
		return 2;
	}
	if (error instanceof CommandError) {
		warn(error.message);
		return 1;
	}
	// A bug in leaf: still one line; LEAF_DEBUG=1 shows where.
	if (process.env.LEAF_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	warn(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
}
