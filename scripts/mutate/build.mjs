// Stryker's build step (stryker.config.mjs): runs inside its sandbox, after the mutants were written into the
// sources. Each TypeScript file becomes a JavaScript file beside it, with its relative imports pointing at the
// JavaScript files, and their `node:test` imports pointing at the harness that runner.mjs drives in-process. Nothing
// is bundled: a test's paths relative to import.meta.url stay what they are in the checkout.
import {build} from 'esbuild';
import {chmodSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {pathToFileURL} from 'node:url';

const root = process.cwd();
if (!root.split(sep).includes('.stryker-tmp')) {
	console.error('scripts/mutate/build.mjs writes .js files beside the sources: it runs only in a Stryker sandbox.');
	process.exit(1);
}

// Permission tests run code from the sandbox as the user nobody (tests/helpers/unprivileged.ts): like the checkout,
// the sandbox and the folder holding it must be open to other users, which Stryker's temporary folders are not.
chmodSync(root, 0o755);
chmodSync(dirname(root), 0o755);

function typeScriptFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'fixtures' || name === 'node_modules') return [];
		if (statSync(path).isDirectory()) return typeScriptFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
	});
}

const toJs = (path) => path.replace(/\.tsx?$/, '.js');
const harness = pathToFileURL(resolve(root, 'scripts/mutate/harness.mjs')).href;
const relativeImports = {
	name: 'relative-imports-to-js',
	setup(build) {
		// The tests' node:test is the in-process harness the mutation runner drives (runner.mjs).
		build.onResolve({filter: /^node:test$/}, () => ({path: harness, external: true}));
		build.onResolve({filter: /^\.\.?\//}, ({path, kind}) =>
			kind === 'entry-point' ? undefined : {path: toJs(path), external: true},
		);
	},
};

await build({
	absWorkingDir: root,
	entryPoints: [...typeScriptFiles(resolve(root, 'src')), ...typeScriptFiles(resolve(root, 'tests'))],
	outdir: '.',
	outbase: '.',
	bundle: true,
	packages: 'external',
	format: 'esm',
	platform: 'node',
	target: 'node20',
	logLevel: 'warning',
	plugins: [relativeImports],
});
