// Which entry of the state file is the library being opened: the one at its real path, else one whose
// folder is gone and most of whose sample articles are here (the folder was moved or renamed), else a new one.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {LibraryState, StateData} from './read-state-format.ts';

/** Paths remembered per library to recognise it after a move. */
export const SAMPLE_SIZE = 16;

export interface FoundLibrary {
	key: string;
	entry: LibraryState | null;
	/** The entry was found at another, now missing, folder. */
	movedFrom: string | null;
}

export function findLibrary(data: StateData, rootReal: string): FoundLibrary {
	const entries = Object.entries(data.libraries);
	for (const [key, entry] of entries) if (entry.root === rootReal) return {key, entry, movedFrom: null};
	let best: FoundLibrary | null = null;
	let bestScore = 0;
	for (const [key, entry] of entries) {
		if (entry.sample.length === 0 || !isGone(entry.root)) continue;
		const score = entry.sample.filter((relative) => isFileIn(rootReal, relative)).length;
		// More than half of its sample: a library that merely shares a few file names is another library.
		if (score * 2 > entry.sample.length && score > bestScore) {
			best = {key, entry, movedFrom: entry.root};
			bestScore = score;
		}
	}
	return best ?? {key: newKey(data, rootReal), entry: null, movedFrom: null};
}

/** A key made from the first real path; another library that later takes that path gets a suffix. */
export function newKey(data: StateData, rootReal: string): string {
	const base = createHash('sha256').update(rootReal).digest('hex').slice(0, 16);
	let key = base;
	for (let n = 2; Object.hasOwn(data.libraries, key); n++) key = `${base}-${n}`;
	return key;
}

/** The id version 1 gave an article: a hash of its NFC path inside whatever library held it. */
export function legacyArticleId(relativePath: string): string {
	return createHash('sha256').update(relativePath.normalize('NFC')).digest('hex').slice(0, 16);
}

/** Only a folder that is not there counts as gone: one we may not look into may be a disk not mounted now. */
function isGone(folder: string): boolean {
	try {
		fs.statSync(folder);
		return false;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' || code === 'ENOTDIR';
	}
}

function isFileIn(root: string, relative: string): boolean {
	if (path.isAbsolute(relative) || relative.split('/').includes('..')) return false;
	try {
		return fs.statSync(path.join(root, relative)).isFile();
	} catch {
		return false;
	}
}

/** This session's sample first (the library as it is now), then the remembered one, without repeats. */
export function mergeSample(ours: readonly string[], remembered: readonly string[]): string[] {
	return [...new Set([...ours, ...remembered])].slice(0, SAMPLE_SIZE);
}
