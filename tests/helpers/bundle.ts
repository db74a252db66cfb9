// Bundles a snippet with esbuild and chosen build plugins (scripts/build-plugins.mjs), then imports the result:
// how the tests in tests/build/ hold a plugin's output to what the package does without it.
import {build, type Plugin} from 'esbuild';

export async function bundleAndImport<T>(
	entry: string,
	plugins: readonly unknown[],
	resolveDir = process.cwd(),
): Promise<{exports: T; code: string}> {
	const result = await build({
		stdin: {contents: entry, resolveDir, loader: 'js'},
		bundle: true,
		format: 'esm',
		platform: 'node',
		write: false,
		logLevel: 'silent',
		plugins: plugins as Plugin[],
	});
	const code = result.outputFiles[0]!.text;
	const exports = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as T;
	return {exports, code};
}
