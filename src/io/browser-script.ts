// The browser runs as two CommonJS scripts, dist/browser.cjs and dist/browser-later.cjs (scripts/build.mjs), each
// compiled with V8's code cache from $XDG_CACHE_HOME/leaf/compiled/. Compiling is a large part of what a start
// costs beyond Node's and Ink's own: from the cache, every function the last start had compiled by the time it was
// saved comes back without being parsed again (figures in the README). Node 20 can give a code cache to a script,
// not to an ES module.
//
// The cache is used only as far as V8 accepts it: V8 refuses data made by another V8 or with other flags, or for
// a source of another length, and, with --verify-snapshot-checksum (on around each use here), data whose
// checksum fails: a torn or damaged file. A file's name holds the script's build, size and time, so a rebuilt
// or edited script never meets another's code. Failing to read or write the cache costs time, nothing else.
import fs from 'node:fs';
import {mkdir, readdir, rm} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {isAbandoned, writeFileSafely} from './safe-write.ts';

export interface CompiledScript {
	/** What the script put in `module.exports`. */
	readonly exports: unknown;
	/** Whether its code came from the cache. */
	readonly fromCache: boolean;
	/**
	 * Saves the code compiled so far, when the cache was missing or refused (else does nothing), and removes the
	 * caches of other builds. Never throws.
	 */
	saveCache(): Promise<void>;
}

const CACHE_EXTENSION = '.v8';

/**
 * Runs the CommonJS script at `url` (`build`: its build's hash) as Node would run a module of its own, with
 * its `import.meta` as `leafScriptMeta` (its URL, and what `meta` adds), and the code cache of `cacheFolder`
 * (null: none).
 */
export function runScript(
	url: URL,
	build: string,
	cacheFolder: string | null,
	meta: Readonly<Record<string, unknown>> = {},
): CompiledScript {
	const file = fileURLToPath(url);
	// One open: the size and time that name the cache are those of the text read.
	const fd = fs.openSync(file, 'r');
	let source: string;
	let size: number;
	let mtimeMs: number;
	try {
		({size, mtimeMs} = fs.fstatSync(fd));
		source = fs.readFileSync(fd, 'utf8');
	} finally {
		fs.closeSync(fd);
	}
	const prefix = `${basename(file)}-`;
	const cacheFile =
		cacheFolder &&
		join(
			cacheFolder,
			`${prefix}${build}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}${CACHE_EXTENSION}`,
		);
	const cached = cacheFile === null ? undefined : readCache(cacheFile);
	// The wrapper is on a line of its own, taken back by lineOffset: positions in stack traces are the file's.
	const script = withChecksums(
		() =>
			new vm.Script(`(function (exports, require, module, __filename, __dirname, leafScriptMeta) {\n${source}\n})`, {
				filename: file,
				lineOffset: -1,
				cachedData: cached,
			}),
	);
	const fromCache = cached !== undefined && !script.cachedDataRejected;
	const module = {exports: {} as unknown};
	(script.runInThisContext() as (...args: unknown[]) => void)(
		module.exports,
		createRequire(file),
		module,
		file,
		dirname(file),
		{...meta, url: url.href},
	);
	let saved = false;
	return {
		exports: module.exports,
		fromCache,
		async saveCache() {
			if (fromCache || saved || cacheFile === null || cacheFolder === null) return;
			saved = true;
			try {
				const data = withChecksums(() => script.createCachedData());
				await mkdir(cacheFolder, {recursive: true, mode: 0o700});
				// Not synced before its rename: a file cut by a crash fails V8's checksum and is made again.
				await writeFileSafely(cacheFile, [data], {durable: false});
				for (const name of await readdir(cacheFolder))
					if (isOutdated(name, prefix, basename(cacheFile))) await rm(join(cacheFolder, name), {force: true});
			} catch {
				// A read-only or full cache folder: the next start compiles again.
			}
		},
	};
}

/** Another build's cache, or a cache's temporary file left by a leaf that was killed while writing it. */
function isOutdated(name: string, prefix: string, current: string): boolean {
	if (!name.startsWith(prefix)) return false;
	if (name.endsWith(CACHE_EXTENSION)) return name !== current;
	const end = name.lastIndexOf(`${CACHE_EXTENSION}.`);
	return end > 0 && isAbandoned(name, name.slice(0, end + CACHE_EXTENSION.length + 1));
}

/** Far above any cache of the browser's code (about 1.5 MB): a file larger is not one, and is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The cache's bytes, if it is a regular file of a sane size (a FIFO put there must not block the start). */
function readCache(file: string): Buffer | undefined {
	let fd: number | undefined;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
		const stat = fs.fstatSync(fd);
		if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
		return fs.readFileSync(fd);
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/** V8 writes and checks a code cache's checksum only with this flag, which is off in release builds. */
function withChecksums<T>(work: () => T): T {
	v8.setFlagsFromString('--verify-snapshot-checksum');
	try {
		return work();
	} finally {
		v8.setFlagsFromString('--no-verify-snapshot-checksum');
	}
}
