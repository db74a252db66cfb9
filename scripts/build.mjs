// Bundles the CLI into dist/. The browser (React + Ink) is a separate chunk that
// `leaf cat` and `leaf list` never load, which keeps their start-up near Node's own.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {readFile, rm} from 'node:fs/promises';
import {
	confReadOnly,
	fastAnsiDiff,
	inflatedLinebreak,
	inkWidths,
	lazyStringWidth,
	noYamlFunctions,
	tagPicker,
} from './build-plugins.mjs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const {version} = JSON.parse(await readFile(`${root}/package.json`, 'utf8'));

// The index cache is valid while the code that reads an article's metadata is the same: a hash of that code,
// bundled alone, stands for it (src/io/index-payload.ts), so opening an index needs no parser.
const rules = await build({
	absWorkingDir: root,
	entryPoints: ['src/core/article/article.ts'],
	bundle: true,
	write: false,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	logLevel: 'warning',
	plugins: [noYamlFunctions],
});
const rulesHash = createHash('sha256').update(rules.outputFiles[0].contents).digest('hex');

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
		fastAnsiDiff,
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
