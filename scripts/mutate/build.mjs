// Stryker's build step (stryker.config.mjs): runs inside its sandbox, after the mutants were written into the
// sources. Each TypeScript file becomes a JavaScript file beside it, with its relative imports pointing at the
// JavaScript files, so that every test run starts on plain Node instead of loading tsx first. Nothing is bundled:
// a test's paths relative to import.meta.url stay what they are in the checkout.
import {build} from 'esbuild';
import {readdirSync, statSync} from 'node:fs';
import {join, relative, resolve, sep} from 'node:path';

const root = process.cwd();
if (!root.split(sep).includes('.stryker-tmp')) {
	console.error('scripts/mutate/build.mjs writes .js files beside the sources: it runs only in a Stryker sandbox.');
	process.exit(1);
}

function typeScriptFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'fixtures' || name === 'node_modules') return [];
		if (statSync(path).isDirectory()) return typeScriptFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
	});
}

const toJs = (path) => path.replace(/\.tsx?$/, '.js');
const relativeImports = {
	name: 'relative-imports-to-js',
	setup(build) {
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
