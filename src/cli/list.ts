// `leaf list` (and `leaf DIR` when stdout is not a terminal): the library, one article a line or JSON.
import type {ArticleMeta} from '../core/article/article.ts';
import {sortTime} from '../core/article/order.ts';
import {LibraryError, loadLibrary} from '../io/library.ts';
import {openReadStore} from '../io/read-state.ts';
import {LIST_OPTIONS, parseCommandLine} from './args.ts';
import {CommandError} from './errors.ts';
import {EarlyJson} from './list-early.ts';
import {helpText} from './help.ts';
import {formatListRecords, formatListRows, listRowChunks} from './list-format.ts';
import {listCached, type CacheTarget} from './list-cached.ts';
import {JSON_FORMAT, jsonChunks, lineMarks, type JsonBlock} from './list-json.ts';
import {writeListCache} from '../io/list-cache.ts';
import type {LibraryScan} from '../io/scan-types.ts';
import {nearestCategories} from './list-categories.ts';
import {warn, writeOut} from './output.ts';

export interface ListValues {
	json?: boolean;
	category?: string;
	unread?: boolean;
	starred?: boolean;
}

export async function runList(args: string[], defaultRoot: string): Promise<void> {
	const {values, positionals} = parseCommandLine(args, LIST_OPTIONS, 1, 'list');
	if (values.help) return writeOut(helpText('list'));
	await listLibrary(positionals[0] ?? defaultRoot, values);
}

export async function listLibrary(root: string, values: ListValues): Promise<void> {
	const {isRead, isStarred} = readMarks(root);
	const wantedMarks = (read: boolean, starred: boolean) => (!values.unread || !read) && (!values.starred || starred);
	// The list cache holds every article's line, not their categories: a --category list is made anew.
	const cached =
		values.json && values.category === undefined
			? await listCached(root, {isRead, isStarred, wanted: wantedMarks})
			: null;
	if (cached?.written) return;
	const early = values.json ? new EarlyJson() : null;
	let scan;
	try {
		scan = await loadLibrary(root, {
			...(early && {onIndexed: (indexed: readonly ArticleMeta[]) => early.take(indexed)}),
			...(cached?.walk && {walk: cached.walk}),
		});
	} catch (error) {
		cached?.walk?.source.close();
		if (error instanceof LibraryError) throw new CommandError(error.message);
		throw error;
	}
	for (const line of scan.warnings) warn(line);
	for (const article of scan.articles) if (article.warning) warn(`${article.path}: ${article.warning}`);

	const prefix = values.category === undefined ? null : categorySegments(values.category);
	if (prefix !== null && !scan.articles.some((article) => article.categories.some((path) => startsWith(path, prefix))))
		throw new CommandError(noSuchCategory(prefix, scan.articles));
	const inCategory = (article: ArticleMeta) =>
		prefix === null || article.categories.some((path) => startsWith(path, prefix));
	/** How an article is listed: left out (null), or with its marks (each looked up once). */
	const marksOf = (article: ArticleMeta) => {
		if (!inCategory(article)) return null;
		const read = isRead(article);
		const starred = isStarred(article);
		return wantedMarks(read, starred) ? lineMarks(read, starred) : null;
	};

	if (early) {
		const all = scan.articles;
		const blocks = [...early.blocks(all)];
		for (const chunk of jsonChunks(blocks, (line) => marksOf(all[line]!))) await writeOut(chunk);
		if (cached?.cache) await saveListCache(cached.cache, scan, blocks);
		return;
	}
	const articles = scan.articles.filter((article) => marksOf(article) !== null);
	const rows = process.stdout.isTTY
		? formatListRows(articles, isRead, process.stdout.columns)
		: formatListRecords(articles, isRead);
	for (const chunk of listRowChunks(rows)) await writeOut(chunk);
}

/** What the next `leaf list --json` of an unchanged library writes as it is. */
function saveListCache(target: CacheTarget, scan: LibraryScan, blocks: readonly JsonBlock[]): Promise<boolean> {
	const {articles, fileStats} = scan;
	const keys = {
		paths: articles.map((article) => article.path),
		ids: articles.map((article) => article.id),
		stats: fileStats,
		warnings: articles.map((article) => article.warning),
		times: Float64Array.from(articles, sortTime),
	};
	return writeListCache(target.file, target.rootReal, JSON_FORMAT, keys, blocks);
}

type Marks = {[K in 'isRead' | 'isStarred']: (article: Pick<ArticleMeta, 'id' | 'path'>) => boolean};

/** list only reads marks and stars; the browser is the one that records and flushes them. */
function readMarks(root: string): Marks {
	try {
		const store = openReadStore({library: root, readOnly: true});
		if (store.notice) warn(store.notice);
		return {isRead: (article) => store.isRead(article), isStarred: (article) => store.isStarred(article.id)};
	} catch (error) {
		// Read marks are a nicety here: without them every article shows as unread.
		warn(`read marks unavailable: ${error instanceof Error ? error.message : String(error)}`);
		return {isRead: () => false, isStarred: () => false};
	}
}

/** `新媒体/趣头条` as the levels `[新媒体, 趣头条]`; blank levels and surrounding spaces ignored. */
export function categorySegments(path: string): string[] {
	return path
		.split('/')
		.map((segment) => segment.trim().normalize('NFC'))
		.filter((segment) => segment !== '');
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
	return prefix.length <= path.length && prefix.every((segment, i) => path[i]!.normalize('NFC') === segment);
}

/** `no category 编程/leetcode; nearest: 编程/LeetCode, 编程` (or, in a library without categories, says so). */
function noSuchCategory(prefix: readonly string[], articles: readonly ArticleMeta[]): string {
	const wanted = prefix.join('/');
	const nearest = nearestCategories(wanted, articles);
	if (nearest.length === 0) return `no category ${wanted}: this library has no categories`;
	return `no category ${wanted}; nearest: ${nearest.join(', ')}`;
}
