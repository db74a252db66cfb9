// `leaf list --json` from the list cache (io/list-cache.ts). The walk starts at once and the cache is read while it
// runs. Each file the walk finds as cached (same path, size and times) keeps its cached line; the others are read
// (their front matter, as a load reads them) and their lines made; the cached lines of files not found are left out.
// The lines are written merged newest first, marks spliced in, and, if anything changed, cached again. Without a
// cache, or if the walk fails, the walk is handed as it goes to the usual load (list.ts): the library is walked once.
import {realpath, stat} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import type {ArticleMeta} from '../core/article/article.ts';
import {sortNewestFirst, sortTime} from '../core/article/order.ts';
import {indexFileFor, listCacheFileFor} from '../io/index-cache.ts';
import {assertLibraryFolder} from '../io/library.ts';
import {readListCache, writeListCache, type ListCache, type ListKeys} from '../io/list-cache.ts';
import type {ScanSource} from '../io/scan-here.ts';
import {openScanSource} from '../io/scan-threads.ts';
import {sameFileStats} from '../io/scan-types.ts';
import {indexSize, scanPlan} from '../io/scan-plan.ts';
import type {FoundBatch} from '../io/library-walk.ts';
import {WalkRelay, type StartedWalk} from '../io/walk-relay.ts';
import {JSON_FORMAT, JsonArray, jsonBlock, lineMarks, LineCopies, subBlock, type JsonBlock} from './list-json.ts';
import {mergeNewestFirst, type Merge} from './list-merge.ts';
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
	// No cache yet: the load walks as it would (its helper left out while it reads the index) and makes one.
	if (!(await exists(target.file))) return {written: false, walk: null, cache: target};
	const plan = scanPlan(await indexSize(indexFile), availableParallelism(), false);
	const relay = new WalkRelay();
	const walk = {source: openScanSource(root, relay.onFound, plan), follow: relay.follow.bind(relay)};
	const cache = await readListCache(target.file, rootReal, JSON_FORMAT);
	if (cache === null) return {written: false, walk, cache: target};
	try {
		const found = await walkAgainst(cache, relay, walk.source.walked);
		const fresh = found && (await parseFresh(walk.source, found));
		if (!found || !fresh) return {written: false, walk, cache: target};
		walk.source.close();
		for (const line of [...relay.warnings(), ...fresh.warnings]) warn(line);
		const merge = mergeNewestFirst(cache.keys.times, cache.keys.paths, fresh.articles);
		const copies = found.kept.every(Boolean) && fresh.articles.length === 0 ? null : new LineCopies();
		await writeMerged(cache, merge, found.kept, fresh.articles, marks, copies);
		if (copies) await saveMerged(target, cache.keys, merge, found.kept, fresh, copies.blocks);
		return {written: true};
	} catch (error) {
		walk.source.close();
		throw error;
	} finally {
		await cache.close();
	}
}

/** What the walk found against the cache. */
interface Found {
	/** Per cached line: whether its file was found as cached. */
	kept: Uint8Array;
	/** Files new or changed, with their stats (three numbers each). */
	paths: string[];
	stats: number[];
}

/** What the walk finds, line by line against the cache; null if the walk failed. */
function walkAgainst(cache: ListCache, relay: WalkRelay, walked: Promise<void>): Promise<Found | null> {
	const {paths, stats} = cache.keys;
	const positions = new Map<string, number>();
	paths.forEach((path, i) => positions.set(path, i));
	const found: Found = {kept: new Uint8Array(paths.length), paths: [], stats: []};
	relay.watch(({paths: walkedPaths, stats: walkedStats}: FoundBatch) => {
		for (let i = 0; i < walkedPaths.length; i++) {
			const at = positions.get(walkedPaths[i]!);
			if (at !== undefined && sameFileStats(stats, at, walkedStats, i)) found.kept[at] = 1;
			else {
				found.paths.push(walkedPaths[i]!);
				found.stats.push(walkedStats[i * 3]!, walkedStats[i * 3 + 1]!, walkedStats[i * 3 + 2]!);
			}
		}
	});
	return walked.then(
		() => found,
		() => null,
	);
}

interface Fresh {
	/** Newest first. */
	articles: ArticleMeta[];
	/** size, mtimeMs, ctimeMs per article. */
	stats: Map<ArticleMeta, number[]>;
	warnings: string[];
}

/** The new and changed files' metadata, read as a load reads them; null if their reading failed. */
async function parseFresh(source: ScanSource, found: Found): Promise<Fresh | null> {
	const fresh: Fresh = {articles: [], stats: new Map(), warnings: []};
	if (found.paths.length === 0) return fresh;
	try {
		const {metas, warnings} = await source.parse(found.paths);
		metas.forEach((meta, i) => {
			if (meta) fresh.stats.set(meta, found.stats.slice(i * 3, i * 3 + 3));
		});
		return {...fresh, articles: sortNewestFirst([...fresh.stats.keys()]), warnings};
	} catch {
		return null;
	}
}

/** The lines kept and made, merged newest first, as `marks` says; the lines written also go to `copies`. */
async function writeMerged(
	cache: ListCache,
	{lines, freshBefore}: Merge,
	kept: Uint8Array,
	fresh: readonly ArticleMeta[],
	marks: ListMarks,
	copies: LineCopies | null,
): Promise<void> {
	const {paths, ids, warnings} = cache.keys;
	for (const source of lines) {
		const warning = source >= 0 ? (kept[source] ? warnings[source] : null) : fresh[~source]!.warning;
		const path = source >= 0 ? paths[source] : fresh[~source]!.path;
		if (warning) warn(`${path}: ${warning}`);
	}
	const array = new JsonArray(lines.length, (line) => {
		const source = lines[line]!;
		if (source >= 0 && !kept[source]) return null;
		const article = source >= 0 ? {id: ids[source]!, path: paths[source]!} : fresh[~source]!;
		const read = marks.isRead(article);
		const starred = marks.isStarred(article);
		return marks.wanted(read, starred) ? lineMarks(read, starred) : null;
	});
	const freshLines = jsonBlock(fresh);
	const write = async (block: JsonBlock, kept: (line: number) => boolean) => {
		for (const chunk of array.block(block)) await writeOut(chunk);
		copies?.add(block, kept);
	};
	const writeFresh = (row: number) => write(subBlock(freshLines, freshBefore[row]!, freshBefore[row + 1]!), () => true);
	await cache.eachWindow(async (window, first) => {
		let from = 0;
		for (let i = 0; i < window.ends.length; i++) {
			if (freshBefore[first + i]! === freshBefore[first + i + 1]!) continue;
			const at = first + from;
			if (i > from) await write(subBlock(window, from, i), (line) => kept[at + line] === 1);
			await writeFresh(first + i);
			from = i;
		}
		const at = first + from;
		await write(subBlock(window, from, window.ends.length), (line) => kept[at + line] === 1);
	});
	await writeFresh(paths.length);
	for (const chunk of array.end()) await writeOut(chunk);
}

/** The cache of what was just written: the lines kept and the fresh ones, in the order written. */
function saveMerged(
	target: CacheTarget,
	cached: ListKeys,
	{lines}: Merge,
	kept: Uint8Array,
	fresh: Fresh,
	blocks: readonly JsonBlock[],
): Promise<boolean> {
	const written = Array.from(lines).filter((source) => source < 0 || kept[source]);
	const fromCache = (source: number) => source >= 0;
	const article = (source: number) => fresh.articles[~source]!;
	const keys: ListKeys = {
		paths: written.map((source) => (fromCache(source) ? cached.paths[source]! : article(source).path)),
		ids: written.map((source) => (fromCache(source) ? cached.ids[source]! : article(source).id)),
		warnings: written.map((source) => (fromCache(source) ? cached.warnings[source]! : article(source).warning)),
		times: Float64Array.from(written, (source) =>
			fromCache(source) ? cached.times[source]! : sortTime(article(source)),
		),
		stats: Float64Array.from(
			written.flatMap((source) =>
				fromCache(source) ? [...cached.stats.subarray(source * 3, source * 3 + 3)] : fresh.stats.get(article(source))!,
			),
		),
	};
	return writeListCache(target.file, target.rootReal, JSON_FORMAT, keys, blocks);
}

const exists = (file: string) =>
	stat(file).then(
		() => true,
		() => false,
	);
