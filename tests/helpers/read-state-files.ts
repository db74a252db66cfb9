// What the read-state tests share: a temporary state folder per test, the library the stores keep marks for, and
// readers of the file as written (never through the code under test).
import fs from 'node:fs';
import path from 'node:path';
import {tempFolders} from './temp.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import type {ReadStore, ReadStoreOptions} from '../../src/io/read-state.ts';

export const tempDir = tempFolders('leaf-read-state-');
/** The library these stores keep marks for (its folder is never read: marks are asked by id and path). */
export const LIB = fs.realpathSync(tempDir());
export const open = (dir: string, more: Partial<ReadStoreOptions> = {}): ReadStore =>
	openReadStore({cwd: dir, library: LIB, ...more});
export const has = (store: ReadStore, id: string): boolean => store.isRead({id, path: `${id}.md`});
export const stateFile = (dir: string): string => path.join(dir, 'config.json');
export const writeState = (dir: string, ids: string[]): void =>
	fs.writeFileSync(stateFile(dir), JSON.stringify({version: 2, libraries: {lib: {root: LIB, sample: [], read: ids}}}));
/** The version and the marks of LIB in the file. */
export const readState = (dir: string): {version: number; read: string[]} => {
	const data = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as {
		version: number;
		libraries: Record<string, {root: string; read: string[]}>;
	};
	const entry = Object.values(data.libraries).find((library) => library.root === LIB);
	return {version: data.version, read: entry?.read ?? []};
};
export const asideFiles = (dir: string): string[] => fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'));
export const fileIdentity = (file: string): string => {
	const stat = fs.statSync(file);
	return `${stat.ino}:${stat.mtimeMs}`;
};
export const hexId = (n: number): string => n.toString(16).padStart(16, '0');
