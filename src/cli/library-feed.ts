// The library's articles on their way to the browser: indexed in the background and sent in batches (at most every
// FEED_INTERVAL_MS, so 100,000 of them arrive in a few dozen batches), each with its read marks.
import type {ArticleMeta} from '../core/article/article.ts';
import type {Action, Progress} from '../core/browser/types.ts';
import {firstFrameWithin} from '../core/browser/session.ts';
import {loadLibrary} from '../io/library.ts';
import type {KnownLibrary} from '../io/scan-types.ts';
import type {ReadStore} from '../io/read-state.ts';

/** Articles found while indexing reach the app at most this often. */
const FEED_INTERVAL_MS = 100;

/**
 * Indexes the library, sending its articles (with their read marks) and progress in batches, then a notice of what
 * could not be read. Aborting `signal` stops it: nothing more is sent, and the load's rejection is the expected end.
 * Resolves with what was found (null when the load failed or was stopped), for the rescans to compare with.
 */
export function feedLibrary(
	root: string,
	store: ReadStore,
	send: (action: Action) => void,
	signal: AbortSignal,
	/** With an index, the walk waits for this (the first frame). */
	walkAfter?: Promise<unknown>,
): Promise<KnownLibrary | null> {
	// What arrived since the last send: removals apply first, so a changed article is in both.
	let added = new Map<string, ArticleMeta>();
	let removed = new Set<string>();
	let progress: Progress | undefined;
	let timer: NodeJS.Timeout | undefined;
	let lastSent = 0;
	let titlesSent = false;
	const take = (update: {added: readonly ArticleMeta[]; removed: readonly string[]}) => {
		for (const id of update.removed) {
			added.delete(id);
			removed.add(id);
		}
		for (const meta of update.added) added.set(meta.id, meta);
	};
	const sendPending = () => {
		clearTimeout(timer);
		timer = undefined;
		lastSent = Date.now();
		const articles = [...added.values()];
		const removedIds = [...removed];
		added = new Map();
		removed = new Set();
		if (articles.length > 0) titlesSent = true;
		const readIds = new Set<string>();
		for (const meta of articles) if (store.isRead(meta)) readIds.add(meta.id);
		if (removedIds.length > 0) send({type: 'articlesChanged', removedIds, articles, readIds, progress});
		else send({type: 'articlesAdded', articles, readIds, progress});
	};
	const schedule = () => {
		const wait = feedWait({titlesSent, titlesPending: added.size > 0, lastSent, now: Date.now()});
		if (wait <= 0) sendPending();
		else timer ??= setTimeout(sendPending, wait);
	};
	const finish = (notice: string | null) => {
		sendPending();
		send({type: 'loadingFinished'});
		if (notice) send({type: 'noticeShown', text: notice});
	};
	signal.addEventListener('abort', () => clearTimeout(timer), {once: true});
	return loadLibrary(root, {
		signal,
		walkAfter,
		// The index's newest articles make the first frame when they are what it shows.
		showHead: (metas, rows) =>
			firstFrameWithin(
				store.session(),
				metas.map((meta) => meta.id),
				metas.length === rows,
			),
		onProgress: (update) => {
			take(update);
			progress = {done: update.done, total: update.total};
			schedule();
		},
	}).then(
		// Every article was reported through onProgress, the last call included.
		(scan) => {
			store.libraryListed();
			finish(warningsNotice(scan.warnings));
			return {articles: scan.articles, stats: scan.fileStats};
		},
		(error: unknown) => {
			if (signal.aborted) return null;
			finish(`cannot read the library: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		},
	);
}

/**
 * How long what arrived waits before it is sent (0: now): a batch at most every FEED_INTERVAL_MS, but the first
 * titles at once, so that a report of progress alone sent just before them does not hold them back.
 */
export function feedWait(feed: {titlesSent: boolean; titlesPending: boolean; lastSent: number; now: number}): number {
	if (!feed.titlesSent && feed.titlesPending) return 0;
	return Math.max(0, feed.lastSent + FEED_INTERVAL_MS - feed.now);
}

function warningsNotice(warnings: readonly string[]): string | null {
	if (warnings.length === 0) return null;
	if (warnings.length === 1) return warnings[0] ?? null;
	return `${warnings.length} files could not be read; the first: ${warnings[0]}`;
}
