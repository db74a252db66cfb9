// Bundles the CLI into dist/. The browser (React + Ink) is a separate chunk that
// `leaf cat` and `leaf list` never load, which keeps their start-up near Node's own.
import {build} from 'esbuild';
import {readFile, rm} from 'node:fs/promises';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const {version} = JSON.parse(await readFile(`${root}/package.json`, 'utf8'));

// js-yaml 3 builds its `!!js/function` type at load time by require()-ing esprima, which costs
// `leaf cat` ~5 ms of start-up and which we never want (only safeLoad is used). Swap that
// type for one that accepts nothing.
const noYamlFunctions = {
	name: 'no-yaml-functions',
	setup(build) {
		build.onResolve({filter: /\/type\/js\/function$/}, ({path, resolveDir}) =>
			resolveDir.includes('js-yaml') ? {path: `${resolveDir}/${path}.js`, namespace: 'no-yaml-functions'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'no-yaml-functions'}, ({path}) => ({
			resolveDir: dirname(path),
			loader: 'js',
			contents:
				"var Type = require('../../type'); module.exports = new Type('tag:yaml.org,2002:js/function', {kind: 'scalar', resolve: function () { return false; }});",
		}));
	},
};

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
	plugins: [noYamlFunctions],
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at run time.
	// restore-cursor (see the file that stands in for it) would write to stderr at exit.
	alias: {'react-devtools-core': './scripts/empty-module.js', 'restore-cursor': './scripts/no-restore-cursor.js'},
	define: {
		'process.env.NODE_ENV': '"production"',
		// src/cli/build-info.ts: `leaf --version`, and where the bundled manual is from dist/*.js.
		__LEAF_VERSION__: JSON.stringify(version),
		__LEAF_CONTENT__: JSON.stringify('../content/'),
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
