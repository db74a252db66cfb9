// Finds the article files of a library folder, with the size and times the index cache compares.
// Symbolic links are followed only inside the tree (to files as to folders) and each real folder
// is read once, so link loops end; what cannot be read is skipped with one warning.
//
// Synchronous on purpose: it runs in a worker thread (src/io/scan-worker.ts), where one blocking
// statSync costs a fraction of an fs.promises.stat round trip (figures in the README). The stats of
// regular files are taken a batch at a time, so that a batch can be handed to a second thread.
import type {Dirent, Stats} from 'node:fs';
import {readdirSync, realpathSync, statSync} from 'node:fs';
import {join, sep} from 'node:path';
import {sanitizeLine} from '../core/text/sanitize.ts';

/** Files found together. Two arrays rather than an object per file: a worker hands them over cheaply. */
export interface FoundBatch {
	/** Relative to the library root, `/`-separated. */
	paths: string[];
	/**
	 * Per path: size, mtimeMs, ctimeMs (ctime changes with any write and with chmod, also when a
	 * copy keeps the old mtime).
	 */
	stats: Float64Array;
}

interface Folder {
	absolute: string;
	relative: string;
	real: string;
}

const ARTICLE_NAME = /\.(?:md|markdown)$/i;

/** Larger files are not articles (the 10 MB hostile article is read whole in well under a second). */
export const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;
export const MAX_ARTICLE_TEXT = '32 MiB';

export function isArticleName(name: string): boolean {
	return ARTICLE_NAME.test(name);
}

/** Hidden entries (dot-files, .git) and node_modules are not part of a library. */
export function isSkipped(name: string): boolean {
	return name.startsWith('.') || name === 'node_modules';
}

/** Where a found file is: the walk only ever joins names below the root, so this is its path. */
export function absolutePath(root: string, relative: string): string {
	return join(root, relative);
}

export interface WalkOptions {
	/** Files per batch at most (a large folder does not hold back the first ones). */
	chunk?: number;
	/**
	 * Offered each full batch of regular files (relative paths) before they are statted: true when
	 * another thread takes them (with statFiles), false to stat them here.
	 */
	handOff?: (relatives: string[]) => boolean;
}

/**
 * Yields the article files, a batch at a time. Real folders are walked before linked ones, so a
 * link to a folder that is also reached directly adds nothing twice.
 */
export function* walkLibrary(
	root: string,
	warn: (line: string) => void,
	{chunk = 512, handOff}: WalkOptions = {},
): Generator<FoundBatch> {
	const rootReal = realpathSync(root);
	const rootPrefix = prefixOf(root);
	const visited = new Set<string>([rootReal]);
	const folders: Folder[] = [{absolute: root, relative: '', real: rootReal}];
	const linkedFolders: Folder[] = [];
	const isInside = (real: string) => isInsideFolder(rootReal, real);
	let paths: string[] = [];
	let stats: number[] = [];
	/** Regular article files found and not statted yet. */
	let unstatted: string[] = [];
	const add = (relative: string, info: Stats) => addFound(paths, stats, relative, info, warn);
	/** A full batch may go to another thread; the last, partial one is statted here. */
	const statUnstatted = (full: boolean) => {
		if (!(full && handOff?.(unstatted)))
			for (const relative of unstatted) statRegular(rootPrefix, relative, paths, stats, warn);
		unstatted = [];
	};
	const batch = (): FoundBatch => {
		const found = {paths, stats: new Float64Array(stats)};
		paths = [];
		stats = [];
		return found;
	};

	for (;;) {
		let folder = folders.pop();
		if (!folder) {
			folder = linkedFolders.shift();
			if (!folder) break;
			if (visited.has(folder.real)) continue;
			visited.add(folder.real);
		}
		let entries: Dirent[];
		try {
			entries = readdirSync(folder.absolute, {withFileTypes: true});
		} catch (error) {
			warn(`cannot read folder ${printablePath(folder.relative || '.')}: ${fsErrorReason(error)}`);
			continue;
		}
		for (const entry of entries) {
			if (isSkipped(entry.name)) continue;
			const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
			if (entry.isFile()) {
				// Statted by its relative path below the root: no join (1.3 µs each, a tenth of a file's walk).
				if (!isArticleName(entry.name)) continue;
				unstatted.push(relative);
				if (unstatted.length >= chunk) statUnstatted(true);
			} else if (entry.isDirectory()) {
				const real = join(folder.real, entry.name);
				if (visited.has(real)) continue;
				visited.add(real);
				folders.push({absolute: join(folder.absolute, entry.name), relative, real});
			} else if (entry.isSymbolicLink()) {
				const absolute = join(folder.absolute, entry.name);
				const info = statOf(absolute, relative, true, warn);
				if (info?.isFile() && isArticleName(entry.name)) {
					const real = realOf(absolute, relative, warn);
					if (real !== null && isInside(real)) add(relative, info);
					else if (real !== null) warn(`skipped ${printablePath(relative)}: it links to a file outside the library`);
				}
				if (info?.isDirectory()) {
					const real = realOf(absolute, relative, warn);
					if (real === null) continue;
					if (isInside(real)) linkedFolders.push({absolute, relative, real});
					else warn(`skipped ${printablePath(relative)}: it links to a folder outside the library`);
				}
			} else if (isArticleName(entry.name)) {
				warn(`skipped ${printablePath(relative)}: not a regular file`);
			}
			if (paths.length >= chunk) yield batch();
		}
	}
	if (unstatted.length > 0) statUnstatted(false);
	if (paths.length > 0) yield batch();
}

/**
 * Whether `root` holds at most `files` articles, found by walking until one more is found (and statting them): a
 * library that small is read faster on the calling thread than a worker thread starts. Its warnings are left to
 * the walk that follows; a library that cannot be walked is not small (the load then reports why).
 */
export function isSmallLibrary(root: string, files: number): boolean {
	const walk = walkLibrary(root, () => {}, {chunk: files + 1});
	try {
		// Only the last batch of a walk holds fewer than `chunk` files.
		const first = walk.next();
		return first.done === true || first.value.paths.length <= files;
	} catch {
		return false;
	} finally {
		walk.return(undefined);
	}
}

/** The stats of regular files the walk found (their relative paths), as a batch; what is gone is left out. */
export function statFiles(root: string, relatives: readonly string[], warn: (line: string) => void): FoundBatch {
	const paths: string[] = [];
	const stats: number[] = [];
	const rootPrefix = prefixOf(root);
	for (const relative of relatives) statRegular(rootPrefix, relative, paths, stats, warn);
	return {paths, stats: new Float64Array(stats)};
}

/** The root with a separator after it: a file's path is this and its relative path, with no join to normalise it. */
function prefixOf(root: string): string {
	return root.endsWith(sep) ? root : root + sep;
}

function statRegular(
	rootPrefix: string,
	relative: string,
	paths: string[],
	stats: number[],
	warn: (line: string) => void,
) {
	const info = statOf(rootPrefix + relative, relative, false, warn);
	if (info?.isFile()) addFound(paths, stats, relative, info, warn);
}

function addFound(paths: string[], stats: number[], relative: string, info: Stats, warn: (line: string) => void) {
	if (info.size > MAX_ARTICLE_BYTES) {
		warn(`skipped ${printablePath(relative)}: larger than ${MAX_ARTICLE_TEXT}`);
		return;
	}
	paths.push(relative);
	stats.push(info.size, info.mtimeMs, info.ctimeMs);
}

/** Whether the real path `real` is `rootReal` or under it. */
export function isInsideFolder(rootReal: string, real: string): boolean {
	return real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
}

/**
 * Follows links. A regular file deleted since readdir is simply not there; for a link, ENOENT
 * means it dangles, which is worth a word.
 */
function statOf(absolute: string, relative: string, isLink: boolean, warn: (line: string) => void): Stats | undefined {
	try {
		return statSync(absolute);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT') warn(`skipped ${printablePath(relative)}: ${fsErrorReason(error)}`);
		else if (isLink) warn(`skipped ${printablePath(relative)}: broken link`);
		return undefined;
	}
}

function realOf(absolute: string, relative: string, warn: (line: string) => void): string | null {
	try {
		return realpathSync(absolute);
	} catch (error) {
		warn(`skipped ${printablePath(relative)}: ${fsErrorReason(error)}`);
		return null;
	}
}

/** A path of the library made safe to print: file names are untrusted text too. */
export function printablePath(relative: string): string {
	return sanitizeLine(relative);
}

/** A short, human reason for a file system error. */
export function fsErrorReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file or folder';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ELOOP':
			return 'too many levels of links';
		case 'ENOTDIR':
			return 'not a folder';
		case 'EISDIR':
			return 'is a folder';
		default:
			return code ?? (error instanceof Error ? sanitizeLine(error.message) : 'unknown error');
	}
}
