// Bundles leaf into dist/: the command line as ES modules (cli.js, and chunks loaded when a command needs them, so
// that `leaf cat` and `leaf list` start near Node's own time), the two workers, and the browser (React + Ink) as two
// CommonJS scripts, browser.cjs and browser-later.cjs, which the command line runs with V8's code cache
// (src/io/browser-script.ts).
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {
	confReadOnly,
	elsewhere,
	inflatedLinebreak,
	inkOutput,
	inkSegmenters,
	inkWidths,
	laterEntry,
	laterModules,
	lazyStringWidth,
	noYamlFunctions,
	scriptAwaits,
	tagPicker,
} from './build-plugins.mjs';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const {version} = JSON.parse(await readFile(`${root}/package.json`, 'utf8'));

// The index cache records the parser's rules as what it makes of probe articles (src/io/index-rules.ts): worked
// out here for the bundle, so that opening an index needs no parser, and the same as tsx works them out at run time.
const rules = await build({
	absWorkingDir: root,
	stdin: {
		contents:
			"import {parseArticleMeta} from './src/core/article/article.ts'; import {probeRules} from './src/io/index-rules.ts'; export default probeRules(parseArticleMeta);",
		resolveDir: root,
		loader: 'ts',
	},
	bundle: true,
	write: false,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	logLevel: 'warning',
	plugins: [noYamlFunctions],
	banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
});
const rulesModule = join(tmpdir(), `leaf-build-rules-${process.pid}.mjs`);
await writeFile(rulesModule, rules.outputFiles[0].contents);
const {default: rulesHash} = await import(pathToFileURL(rulesModule).href).finally(() =>
	rm(rulesModule, {force: true}),
);

await rm(`${root}/dist`, {recursive: true, force: true});

const plugins = [
	noYamlFunctions,
	confReadOnly,
	inkWidths(root),
	lazyStringWidth,
	inflatedLinebreak,
	tagPicker(root),
	inkOutput(root),
	inkSegmenters(root),
];
const common = {
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at run time.
	// restore-cursor (see the file that stands in for it) would write to stderr at exit.
	alias: {'react-devtools-core': './scripts/empty-module.js', 'restore-cursor': './scripts/no-restore-cursor.js'},
};
const defines = {
	'process.env.NODE_ENV': '"production"',
	// src/cli/build-info.ts: `leaf --version`, and where the bundled manual is from dist/*.js.
	__LEAF_VERSION__: JSON.stringify(version),
	__LEAF_CONTENT__: JSON.stringify('../content/'),
	__LEAF_RULES__: JSON.stringify(rulesHash),
	// Ink's yoga-layout loads its WebAssembly from a data: URL through fetch() when there is one: that
	// loads undici (~100 ms of start-up) to decode what its synchronous path decodes anyway. leaf
	// itself never fetches.
	fetch: 'undefined',
};

// The browser: two CommonJS scripts, which src/io/browser-script.ts compiles with V8's code cache (an ES module
// cannot be given one on Node 20): browser.cjs, what the first frame runs, and browser-later.cjs, the modules it
// imports later (laterModules in build-plugins.mjs). Their import.meta is the one each is handed: its own URL, and
// in the first script the `later` that runs the second.
const LATER_MODULES = [
	'src/core/render/render.ts',
	'src/core/article/article.ts',
	'src/io/scan-head.ts',
	'src/io/search-match.ts',
];
const scriptOptions = {
	...common,
	format: 'cjs',
	write: false,
	metafile: true,
	define: {...defines, 'import.meta': 'leafScriptMeta'},
};
const [first, later] = await Promise.all([
	build({
		...scriptOptions,
		entryPoints: {browser: 'src/cli/browser-entry.ts'},
		outExtension: {'.js': '.cjs'},
		outdir: 'dist',
		plugins: [laterModules(root, LATER_MODULES), ...plugins, scriptAwaits],
	}),
	build({
		...scriptOptions,
		stdin: {contents: laterEntry(LATER_MODULES), resolveDir: root, loader: 'ts', sourcefile: 'browser-later.ts'},
		outfile: 'dist/browser-later.cjs',
		// No Ink here, so no Ink's Output to replace.
		plugins: plugins.filter((plugin) => plugin.name !== 'ink-output'),
	}),
]);
const scripts = {};
for (const built of [first, later]) {
	for (const [name, output] of Object.entries(built.metafile.outputs)) {
		// Everything a script runs is in it or the later one: an import() left in it would fail in vm.Script.
		if (output.imports.some((imported) => imported.kind === 'dynamic-import'))
			throw new Error(`${name} has a dynamic import(): the browser's scripts must hold all they run`);
		// A later module reached without import() would be in both scripts, and the first would hold it all again.
		if (built === first && LATER_MODULES.some((module) => module in output.inputs))
			throw new Error(`${name} takes in a later module: import it with import(), not import`);
	}
	for (const output of built.outputFiles) {
		await mkdir(dirname(output.path), {recursive: true});
		await writeFile(output.path, output.contents);
		if (output.path.endsWith('.cjs'))
			scripts[basename(output.path)] = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
	}
}

// The command line as ES modules: dist/cli.js, one module with no chunks, so that a start of the browser loads no
// other module of leaf's before its script (each costs the start about 1.5 ms); and the commands it imports when
// used (dist/cat.js, dist/list.js) with the workers the browser and `leaf list` start (dist/scan-worker.js,
// dist/search-worker.js), sharing chunks. Modules both builds take in are copies, so the commands take the error
// classes from cli.js, whose report() tells them apart with instanceof.
const COMMANDS = {'src/cli/cat.ts': './cat.js', 'src/cli/list.ts': './list.js'};
const moduleOptions = {
	...common,
	format: 'esm',
	metafile: true,
	define: defines,
	// Some CommonJS dependencies call require() for Node built-ins.
	banner: {
		js: "import {createRequire as __leafCreateRequire} from 'node:module'; const require = __leafCreateRequire(import.meta.url);",
	},
};
// Ink's Output is not in these: Ink is only in the browser's first script.
const modulePlugins = plugins.filter((plugin) => plugin.name !== 'ink-output');
const [, commands] = await Promise.all([
	build({
		...moduleOptions,
		stdin: {
			contents:
				"export {main} from './src/cli/main.ts';\nexport {CommandError, UsageError} from './src/cli/errors.ts';\n",
			resolveDir: root,
			loader: 'ts',
			sourcefile: 'cli.ts',
		},
		outfile: 'dist/cli.js',
		define: {
			...defines,
			// src/cli/main.ts: the browser's scripts, and the build each is (which names its code cache).
			__LEAF_BROWSER__: JSON.stringify({
				file: './browser.cjs',
				build: scripts['browser.cjs'],
				later: {file: './browser-later.cjs', build: scripts['browser-later.cjs']},
			}),
		},
		plugins: [elsewhere(root, COMMANDS), ...modulePlugins],
	}),
	build({
		...moduleOptions,
		entryPoints: {
			cat: 'src/cli/cat.ts',
			list: 'src/cli/list.ts',
			'scan-worker': 'src/io/scan-worker.ts',
			'search-worker': 'src/io/search-worker.ts',
		},
		outdir: 'dist',
		splitting: true,
		plugins: [elsewhere(root, {'src/cli/errors.ts': './cli.js'}), ...modulePlugins],
	}),
]);
// A worker that reached the error classes would load the whole command line in its thread.
for (const worker of ['dist/scan-worker.js', 'dist/search-worker.js'])
	if (importsOf(commands.metafile, worker).has('./cli.js')) throw new Error(`${worker} imports the command line`);

/** Every import of `output` and of the chunks it imports, as written in the files. */
function importsOf(metafile, output, seen = new Set()) {
	const built = metafile.outputs[output];
	if (!built) throw new Error(`the build made no ${output}`);
	for (const {path, external} of built.imports) {
		if (seen.has(path)) continue;
		seen.add(path);
		if (!external) importsOf(metafile, path, seen);
	}
	return seen;
}
