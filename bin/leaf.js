#!/usr/bin/env node
import module from 'node:module';
import {isAbsolute, join} from 'node:path';

// Node 22.1 and later keep V8's compiled code of the command line's modules between runs
// (module.enableCompileCache); older Nodes have no such function and start as before. (The browser, the bulk of
// the code, is a script that src/io/browser-script.ts compiles with a code cache of its own, on every Node.)
// The cache lives with leaf's index cache (the XDG rule of src/io/cache-folder.ts); Node checks each entry
// against its source, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const xdgCache = process.env.XDG_CACHE_HOME;
const cacheBase = xdgCache && isAbsolute(xdgCache) ? xdgCache : process.env.HOME && join(process.env.HOME, '.cache');
if (typeof module.enableCompileCache === 'function' && cacheBase) {
	try {
		module.enableCompileCache(join(cacheBase, 'leaf', 'compiled'));
	} catch {
		// No cache: a slower start, nothing worse.
	}
}

// Imported after the cache is on, so that the bundle's modules go through it.
const {main} = await import('../dist/cli.js');
main(process.argv.slice(2));
