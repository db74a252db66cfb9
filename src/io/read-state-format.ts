// What config.json holds, and reading it without trusting it.
//
// Version 2 keeps marks per library: `libraries` maps a key (made once from the folder's first real path,
// kept when the folder moves) to the folder's current real path, a few of its article paths to recognise
// it after a move, and its marks. Version 1 kept one list of ids for every library (an id being a hash of
// the NFC path inside any library); such a list is kept as `legacyRead` and each library takes its marks
// from it the first time it is opened (read-state-library.ts).
import type {Session} from '../core/browser/types.ts';
import type {StoredPositions} from './read-state-remember.ts';
import {cleanPositions, cleanSession} from './read-state-remember.ts';

export const STATE_VERSION = 2;

/**
 * One library's state. Per-article fields are lists of ids (sorted arrays: an `{id: true}` map is 2.3x
 * larger and 8x slower to write); a later field (starred ids, reading positions) sits next to `read`
 * and is merged the same way. Keys a later leaf adds are kept as they are.
 */
export interface LibraryState {
	/** The folder's real path when last opened. */
	root: string;
	/** Up to SAMPLE_SIZE paths of its articles: a folder found at another path with these files is this library. */
	sample: string[];
	read: string[];
	/** Starred ids (core/browser/stars.ts), merged like `read`; absent when none were ever starred. */
	starred?: string[];
	/** Reading positions (read-state-remember.ts), merged per article; absent when none are kept. */
	positions?: StoredPositions;
	/** Where leaf was left in this library, and its sort. */
	session?: Session;
	/** Whether `legacyRead` was applied to the whole library (then it is not consulted again). */
	migrated?: boolean;
	[key: string]: unknown;
}

export interface StateData {
	version: number;
	libraries: Record<string, LibraryState>;
	/** Version 1's marks, kept until... always: any library opened for the first time may own some. */
	legacyRead?: string[];
	[key: string]: unknown;
}

export type DiskState =
	| {kind: 'missing'}
	| {kind: 'ok'; data: StateData}
	| {kind: 'corrupt'; reason: string}
	| {kind: 'newer'; version: number};

export function parseState(text: string): DiskState {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {kind: 'corrupt', reason: `invalid JSON: ${(error as Error).message}`};
	}
	if (!isObject(value)) return {kind: 'corrupt', reason: 'not a JSON object'};
	const version = value.version ?? 1;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return {kind: 'corrupt', reason: '"version" is not a positive integer'};
	}
	if (version > STATE_VERSION) return {kind: 'newer', version};
	if (version === 1) {
		const {read = [], version: _old, ...rest} = value;
		if (!isIds(read)) return {kind: 'corrupt', reason: '"read" is not a list of ids'};
		return {kind: 'ok', data: {...rest, version: STATE_VERSION, libraries: {}, legacyRead: read}};
	}
	const {libraries = {}, legacyRead} = value;
	if (!isObject(libraries)) return {kind: 'corrupt', reason: '"libraries" is not an object'};
	const now = Date.now();
	const cleaned: [string, LibraryState][] = [];
	for (const [key, library] of Object.entries(libraries)) {
		const problem = libraryProblem(library);
		if (problem !== null) return {kind: 'corrupt', reason: `library ${JSON.stringify(key)}: ${problem}`};
		cleaned.push([key, withCleanRemembered(library as LibraryState, now)]);
	}
	if (legacyRead !== undefined && !isIds(legacyRead))
		return {kind: 'corrupt', reason: '"legacyRead" is not a list of ids'};
	return {kind: 'ok', data: {...value, version, libraries: Object.fromEntries(cleaned)}};
}

/** Positions and session are checked apart from the rest: what is bad in them is dropped, the marks are kept. */
function withCleanRemembered(library: LibraryState, now: number): LibraryState {
	const {positions, session, ...rest} = library;
	const kept = cleanPositions(positions, now);
	const where = cleanSession(session);
	return {
		...rest,
		...(kept.size > 0 ? {positions: Object.fromEntries(kept)} : {}),
		...(where !== null ? {session: where} : {}),
	};
}

function libraryProblem(value: unknown): string | null {
	if (!isObject(value)) return 'not an object';
	if (typeof value.root !== 'string' || value.root === '') return '"root" is not a path';
	if (!isIds(value.sample)) return '"sample" is not a list of paths';
	if (!isIds(value.read)) return '"read" is not a list of ids';
	if (value.starred !== undefined && !isIds(value.starred)) return '"starred" is not a list of ids';
	if (value.migrated !== undefined && typeof value.migrated !== 'boolean') return '"migrated" is not true or false';
	return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIds(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((id) => typeof id === 'string');
}
