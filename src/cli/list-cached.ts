// `leaf list --json` from the list cache (io/list-cache.ts). The walk starts at once and the cache is read while it
// runs; when the walk has found every file the cache names as it was, and no other, the cached lines are the output,
// marks spliced in. At the first difference the walk is handed, as it goes, to the usual load (list.ts), which reads
// the index meanwhile: a changed library is still walked once.
import {realpath} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import {indexFileFor} from '../io/index-cache.ts';
import {assertLibraryFolder} from '../io/library.ts';
import {listCacheFileFor, readListCache, type ListCache} from '../io/list-cache.ts';
import {openScanSource} from '../io/scan-threads.ts';
import {indexSize, scanPlan} from '../io/scan-plan.ts';
import type {FoundBatch} from '../io/library-walk.ts';
import {WalkRelay, type StartedWalk} from '../io/walk-relay.ts';
import {JSON_FORMAT, JsonArray, lineMarks} from './list-json.ts';
import {warn, writeOut} from './output.ts';

/** What `leaf list --json` asks of each article besides its line. */
export interface ListMarks {
	isRead(article: {id: string; path: string}): boolean;
	isStarred(article: {id: string; path: string}): boolean;
	/** Given the article's marks: whether its line is written. */
	wanted(read: boolean, starred: boolean): boolean;
}

/** Where the list cache of a library is, for the load to write when the output was not from it. */
export interface CacheTarget {
	file: string;
	rootReal: string;
}

export type CachedList = {written: true} | {written: false; walk: StartedWalk | null; cache: CacheTarget | null};

const notCached: CachedList = {written: false, walk: null, cache: null};

export async function listCached(root: string, marks: ListMarks): Promise<CachedList> {
	let rootReal: string;
	try {
		await assertLibraryFolder(root);
		rootReal = await realpath(root);
	} catch {
		// The load says what is wrong with the folder.
		return notCached;
	}
	const indexFile = indexFileFor(rootReal);
	if (indexFile === null) return notCached;
	const target = {file: listCacheFileFor(indexFile), rootReal};
	const plan = scanPlan(await indexSize(indexFile), availableParallelism(), false);
	const relay = new WalkRelay();
	const walk = {source: openScanSource(root, relay.onFound, plan), follow: relay.follow.bind(relay)};
	const cache = await readListCache(target.file, rootReal, JSON_FORMAT);
	try {
		if (cache === null || !(await walkMatches(cache, relay, walk.source.walked)))
			return {written: false, walk, cache: target};
		walk.source.close();
		await writeCached(cache, relay.warnings(), marks);
		return {written: true};
	} finally {
		await cache?.close();
	}
}

async function writeCached(cache: ListCache, walkWarnings: readonly string[], marks: ListMarks): Promise<void> {
	const {paths, ids, warnings} = cache.keys;
	for (const line of walkWarnings) warn(line);
	warnings.forEach((warning, i) => {
		if (warning !== null) warn(`${paths[i]}: ${warning}`);
	});
	const array = new JsonArray(paths.length, (line) => {
		const article = {id: ids[line]!, path: paths[line]!};
		const read = marks.isRead(article);
		const starred = marks.isStarred(article);
		return marks.wanted(read, starred) ? lineMarks(read, starred) : null;
	});
	await cache.eachWindow(async (window) => {
		for (const chunk of array.block(window)) await writeOut(chunk);
	});
	for (const chunk of array.end()) await writeOut(chunk);
}

/**
 * Whether the walk finds exactly the files of the cache, each with its size and times: false at the first file
 * that differs (or a walk that failed), without waiting for the walk's end.
 */
function walkMatches(cache: ListCache, relay: WalkRelay, walked: Promise<void>): Promise<boolean> {
	const {paths, stats} = cache.keys;
	const positions = new Map<string, number>();
	paths.forEach((path, i) => positions.set(path, i));
	const seen = new Uint8Array(paths.length);
	let count = 0;
	return new Promise<boolean>((resolve) => {
		relay.watch(({paths: found, stats: foundStats}: FoundBatch) => {
			for (let i = 0; i < found.length; i++) {
				const at = positions.get(found[i]!);
				if (
					at === undefined ||
					seen[at] === 1 ||
					stats[at * 3] !== foundStats[i * 3] ||
					stats[at * 3 + 1] !== foundStats[i * 3 + 1] ||
					stats[at * 3 + 2] !== foundStats[i * 3 + 2]
				)
					return resolve(false);
				seen[at] = 1;
				count++;
			}
		});
		walked.then(
			() => resolve(count === paths.length),
			() => resolve(false),
		);
	});
}
