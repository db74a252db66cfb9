// The anchor for the browser's start: an Ink hello-world bundled with esbuild exactly as leaf is (same
// options, one file), started the same way (`node FILE` in a tmux window). Quits on any key.
import {build} from 'esbuild';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export const INK_HELLO_TEXT = 'hello from ink';

const source = `
import {createElement} from 'react';
import {render, Text, useApp, useInput} from 'ink';
function Hello() {
	const {exit} = useApp();
	useInput(() => exit());
	return createElement(Text, null, ${JSON.stringify(INK_HELLO_TEXT)});
}
render(createElement(Hello));
`;

/** Builds `<dir>/ink-hello.mjs` from the repository's own ink and react; returns its path. */
export async function buildInkHello(repo, dir) {
	mkdirSync(dir, {recursive: true});
	const entry = join(dir, 'ink-hello-entry.mjs');
	const outfile = join(dir, 'ink-hello.mjs');
	writeFileSync(entry, source);
	await build({
		absWorkingDir: repo,
		entryPoints: [entry],
		outfile,
		nodePaths: [join(repo, 'node_modules')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		legalComments: 'none',
		logLevel: 'warning',
		alias: {'react-devtools-core': './scripts/empty-module.js'},
		// As leaf's build: no fetch, so yoga-layout does not load undici.
		define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
		banner: {
			js: "import {createRequire as __leafCreateRequire} from 'node:module'; const require = __leafCreateRequire(import.meta.url);",
		},
	});
	return outfile;
}
