// A preload for a child leaf that logs every module it loads to $LEAF_LOAD_LOG, one a line: ES modules by URL
// (a loader hook), require() by its request, prefixed `require:`.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/** Writes the preload and its hook into `folder`; returns the preload's URL, for `node --import`. */
export function writeLoadLogger(folder: string): string {
	const hooks = join(folder, 'hooks.mjs');
	const preload = join(folder, 'preload.mjs');
	writeFileSync(
		hooks,
		`import {appendFileSync} from 'node:fs';
export async function load(url, context, next) {
	appendFileSync(process.env.LEAF_LOAD_LOG, url + '\\n');
	return next(url, context);
}
`,
	);
	writeFileSync(
		preload,
		`import Module, {register} from 'node:module';
import {appendFileSync} from 'node:fs';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
	appendFileSync(process.env.LEAF_LOAD_LOG, 'require:' + request + '\\n');
	return load.call(this, request, ...rest);
};
`,
	);
	return pathToFileURL(preload).href;
}
