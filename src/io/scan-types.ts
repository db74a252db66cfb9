// What a library scan gives and takes, shared by library.ts and the scan modules it drives.
import type {ArticleMeta} from '../core/article/article.ts';
import type {StartedWalk} from './walk-relay.ts';

export interface LibraryScan {
	/** Newest first; articles without a date last. */
	articles: ArticleMeta[];
	/** One line per file that could not be read at all (it is skipped). */
	warnings: string[];
	/** size, mtimeMs, ctimeMs of each article's file, in the order of `articles`: a later rescan compares them. */
	fileStats: Float64Array;
	stats: ScanStats;
}

/** How the load went: for tests, the benchmark and anyone wondering why a start was slow. */
export interface ScanStats {
	/** Articles taken from the index cache, their files unchanged (size, mtime, ctime). */
	reused: number;
	/** Files whose front matter was read: new, changed, or all of them without a usable index. */
	parsed: number;
	/** Index entries whose files are gone. */
	dropped: number;
	/**
	 * `used`: an index was read and trusted; `missing`: none, or one that was damaged, truncated, of
	 * another version or made under other rules (it is rebuilt); `unavailable`: no cache folder.
	 */
	index: 'used' | 'missing' | 'unavailable';
	/** Whether the index was written back (only when something changed, and only if it could be). */
	saved: boolean;
	/** Whether worker threads did the walk and the reading. */
	threads: boolean;
}

export interface ScanProgress {
	/** Files looked at so far, and the total found (total may grow while the walk goes on). */
	done: number;
	total: number;
	/**
	 * Articles added since the previous call: with an index, every indexed article first (before the walk has
	 * checked any), then the new and changed ones the walk finds.
	 */
	added: ArticleMeta[];
	/**
	 * Ids of articles reported before that are gone (their file deleted, or no longer readable), or changed: a
	 * changed article's id is here and its new metadata in `added` of the same call. Apply these first.
	 */
	removed: string[];
}

/** The articles of a library as last read, and the size, mtimeMs and ctimeMs of each one's file. */
export interface KnownLibrary {
	/** Newest first. */
	articles: readonly ArticleMeta[];
	/** Three numbers per article, in the order of `articles`. */
	stats: Float64Array;
}

export interface LoadOptions {
	onProgress?: (progress: ScanProgress) => void;
	/**
	 * With an index: its articles, newest first, as soon as it is read, before the walk (in its workers) has
	 * checked any. For a listener that needs no progress after that (`leaf list --json`).
	 */
	onIndexed?: (articles: readonly ArticleMeta[]) => void;
	/** Stops the load (it rejects with the signal's reason); what was read so far is kept in the index. */
	signal?: AbortSignal;
	/** false: no index cache is read or written. */
	cache?: boolean;
	/**
	 * What an earlier load in this process found: compared with the walk in place of the index, which is not read
	 * (at 100,000 articles, 0.8 s of this thread and as many new objects). Unchanged, the load's articles are these.
	 */
	known?: KnownLibrary;
	/**
	 * With an index, the walk (and its worker) starts only once this resolves: the browser's first frame, drawn
	 * from the index, does not share the processor with it. Without an index the walk starts at once.
	 */
	walkAfter?: Promise<unknown>;
	/**
	 * With `walkAfter`: given the first articles of the index (newest first, read before the rest) and the number
	 * the index holds, whether to report them at once and read the rest once `walkAfter` resolves. For a first frame
	 * that they fill.
	 */
	showHead?: (metas: readonly ArticleMeta[], rows: number) => boolean;
	/**
	 * false: everything on the calling thread; true: worker threads. Unset: the calling thread for a small
	 * indexed library (a worker costs more to start than its walk takes), worker threads otherwise.
	 */
	threads?: boolean;
	/** A walk already under way (`leaf list --json`, walk-relay.ts): the load follows it instead of walking. */
	walk?: StartedWalk;
}

/**
 * Whether the size, mtimeMs and ctimeMs of a file as known (three numbers from position `at` of `known`) are those the
 * walk found (from position `i` of `found`): then its article is taken as unchanged.
 */
export function sameFileStats(known: ArrayLike<number>, at: number, found: ArrayLike<number>, i: number): boolean {
	return (
		known[at * 3] === found[i * 3] && known[at * 3 + 1] === found[i * 3 + 1] && known[at * 3 + 2] === found[i * 3 + 2]
	);
}

/** The size of each article's file, by path (a search reads a file still that size once: search-match.ts). */
export function sizesByPath(known: KnownLibrary): Map<string, number> {
	const sizes = new Map<string, number>();
	known.articles.forEach((meta, at) => sizes.set(meta.path, known.stats[at * 3]!));
	return sizes;
}
