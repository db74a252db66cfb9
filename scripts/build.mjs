// Bundles the CLI into dist/. The browser (React + Ink) is a separate chunk that
// `leaf cat` and `leaf list` never load, which keeps their start-up near Node's own.
import {build} from 'esbuild';
import {readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	confReadOnly,
	inflatedLinebreak,
	inkOutput,
	inkWidths,
	lazyStringWidth,
	noYamlFunctions,
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
await build({
	absWorkingDir: root,
	// The scan worker (src/io/scan-threads.ts) is started from dist/scan-worker.js.
	entryPoints: {
		cli: 'src/cli/main.ts',
		'scan-worker': 'src/io/scan-worker.ts',
		'search-worker': 'src/io/search-worker.ts',
	},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	plugins: [
		noYamlFunctions,
		confReadOnly,
		inkWidths(root),
		lazyStringWidth,
		inflatedLinebreak,
		tagPicker(root),
		inkOutput(root),
	],
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at run time.
	// restore-cursor (see the file that stands in for it) would write to stderr at exit.
	alias: {'react-devtools-core': './scripts/empty-module.js', 'restore-cursor': './scripts/no-restore-cursor.js'},
	define: {
		'process.env.NODE_ENV': '"production"',
		// src/cli/build-info.ts: `leaf --version`, and where the bundled manual is from dist/*.js.
		__LEAF_VERSION__: JSON.stringify(version),
		__LEAF_CONTENT__: JSON.stringify('../content/'),
		__LEAF_RULES__: JSON.stringify(rulesHash),
		// Ink's yoga-layout loads its WebAssembly from a data: URL through fetch() when there is one: that
		// loads undici (~100 ms of start-up) to decode what its synchronous path decodes anyway. leaf
		// itself never fetches.
		fetch: 'undefined',
	},
	// Some CommonJS dependencies call require() for Node built-ins.
	banner: {
		js: "import {createRequire as __leafCreateRequire} from 'node:module'; const require = __leafCreateRequire(import.meta.url);",
	},
});
