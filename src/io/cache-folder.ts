// Where leaf keeps what it can make again: $XDG_CACHE_HOME, else ~/.cache (then its own `leaf/` folder), for
// the index cache (index-cache.ts) and the browser's compiled code (browser-script.ts). bin/leaf.js applies the
// same rule for Node's compile cache.
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

/** The XDG base directory spec: a relative $XDG_CACHE_HOME is invalid and ignored. Null: no cache folder. */
export function cacheBase(env: NodeJS.ProcessEnv): string | null {
	const xdg = env.XDG_CACHE_HOME;
	if (xdg && isAbsolute(xdg)) return xdg;
	let home: string;
	try {
		home = env.HOME || homedir();
	} catch {
		return null;
	}
	return home && isAbsolute(home) ? join(home, '.cache') : null;
}
