// Bundles the CLI into dist/. The browser (React + Ink) is a separate chunk that
// `leaf cat` and `leaf list` never load, which keeps their start-up near Node's own.
import {build} from 'esbuild';
import {rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/dist`, {recursive: true, force: true});
await build({
	absWorkingDir: root,
	entryPoints: {cli: 'src/cli/main.ts'},
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
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at run time.
	alias: {'react-devtools-core': './scripts/empty-module.js'},
	define: {'process.env.NODE_ENV': '"production"'},
	// Some CommonJS dependencies call require() for Node built-ins.
	banner: {js: "import {createRequire as __leafCreateRequire} from 'node:module'; const require = __leafCreateRequire(import.meta.url);"},
});
