// Finds the article files of a library folder. Symbolic links are followed only inside the
// tree and each real folder is read once, so link loops end; what cannot be read is skipped
// with one warning.
import type {Dirent} from 'node:fs';
import {readdir, realpath, stat} from 'node:fs/promises';
import {join, sep} from 'node:path';
import {sanitizeLine} from '../core/sanitize.ts';

export interface FoundFile {
	/** Path to open. */
	absolute: string;
	/** Relative to the library root, `/`-separated. */
	relative: string;
}

interface Folder {
	absolute: string;
	relative: string;
	real: string;
}

const ARTICLE_NAME = /\.(?:md|markdown)$/i;

export function isArticleName(name: string): boolean {
	return ARTICLE_NAME.test(name);
}

/** Hidden entries (dot-files, .git) and node_modules are not part of a library. */
function isSkipped(name: string): boolean {
	return name.startsWith('.') || name === 'node_modules';
}

/**
 * Yields the article files folder by folder. Real folders are walked before linked ones, so a
 * link to a folder that is also reached directly adds nothing twice.
 */
export async function* walkLibrary(root: string, warn: (line: string) => void): AsyncGenerator<FoundFile[]> {
	const rootReal = await realpath(root);
	const visited = new Set<string>([rootReal]);
	const folders: Folder[] = [{absolute: root, relative: '', real: rootReal}];
	const linkedFolders: Folder[] = [];
	const isInside = (real: string) => real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);

	for (;;) {
		let folder = folders.pop();
		if (!folder) {
			folder = linkedFolders.shift();
			if (!folder) return;
			if (visited.has(folder.real)) continue;
			visited.add(folder.real);
		}
		let entries: Dirent[];
		try {
			entries = await readdir(folder.absolute, {withFileTypes: true});
		} catch (error) {
			warn(`cannot read folder ${show(folder.relative || '.')}: ${reason(error)}`);
			continue;
		}
		const files: FoundFile[] = [];
		for (const entry of entries) {
			if (isSkipped(entry.name)) continue;
			const absolute = join(folder.absolute, entry.name);
			const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				const real = join(folder.real, entry.name);
				if (visited.has(real)) continue;
				visited.add(real);
				folders.push({absolute, relative, real});
			} else if (entry.isFile()) {
				if (isArticleName(entry.name)) files.push({absolute, relative});
			} else if (entry.isSymbolicLink()) {
				const target = await followLink(absolute, relative, warn);
				if (target === 'file' && isArticleName(entry.name)) files.push({absolute, relative});
				if (typeof target === 'object') {
					if (isInside(target.real)) linkedFolders.push({absolute, relative, real: target.real});
					else warn(`skipped ${show(relative)}: it links to a folder outside the library`);
				}
			} else if (isArticleName(entry.name)) {
				warn(`skipped ${show(relative)}: not a regular file`);
			}
		}
		if (files.length > 0) yield files;
	}
}

async function followLink(absolute: string, relative: string, warn: (line: string) => void): Promise<'file' | 'other' | {real: string}> {
	try {
		const target = await stat(absolute);
		if (target.isDirectory()) return {real: await realpath(absolute)};
		return target.isFile() ? 'file' : 'other';
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		warn(`skipped ${show(relative)}: ${code === 'ENOENT' ? 'broken link' : reason(error)}`);
		return 'other';
	}
}

/** File names are untrusted text too. */
export function show(relative: string): string {
	return sanitizeLine(relative);
}

/** A short, human reason for a file system error. */
export function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': return 'no such file or folder';
		case 'EACCES':
		case 'EPERM': return 'permission denied';
		case 'ELOOP': return 'too many levels of links';
		case 'ENOTDIR': return 'not a folder';
		case 'EISDIR': return 'is a folder';
		default: return code ?? (error instanceof Error ? sanitizeLine(error.message) : 'unknown error');
	}
}
