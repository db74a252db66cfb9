// The shapes of `leaf list` output: aligned rows for a person at a terminal; for a pipe, the same fields cut
// nowhere and separated by tabs, with the file's path last; JSON for programs.
import type {ArticleMeta} from '../core/article/article.ts';
import {categoryKey, formatDate} from '../core/article/format.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {displayWidth, padEnd, truncate} from '../core/text/width.ts';

/** Like newsboat's N column. */
export const UNREAD_MARK = '●';
const DATE_WIDTH = 16;
/** Longer category paths are cut with … so titles stay in one column. */
const MAX_CATEGORY_WIDTH = 30;

/** Every hierarchy as the user would type it for --category: `新媒体/趣头条, 编程`. */
export function categoryColumn(article: ArticleMeta): string {
	return article.categories.map(categoryKey).join(', ');
}

/**
 * `2022-02-02 15:38  ● 新媒体/趣头条/分类  Title`: date (blank when unknown), read mark,
 * categories padded to a common width, title. Rows are cut to `columns` when given (a terminal).
 */
export function formatListRows(
	articles: readonly ArticleMeta[],
	isRead: (article: ArticleMeta) => boolean,
	columns?: number,
): string[] {
	const categories = articles.map(categoryColumn);
	// A library has few distinct category paths: measure and pad each once (measuring is not cheap).
	const distinct = [...new Set(categories)];
	const categoryWidth = Math.min(
		MAX_CATEGORY_WIDTH,
		distinct.reduce((widest, text) => Math.max(widest, displayWidth(text)), 0),
	);
	const padded = new Map(distinct.map((text) => [text, categoryWidth > 0 ? `${padEnd(text, categoryWidth)}  ` : '']));
	return articles.map((article, i) => {
		const date = formatDate(article.date).padEnd(DATE_WIDTH);
		const mark = isRead(article) ? ' ' : UNREAD_MARK;
		const category = padded.get(categories[i]!)!;
		const row = `${date}  ${mark} ${category}${article.title}`;
		return columns ? truncate(row, columns) : row;
	});
}

/**
 * `2022-02-02 15:38\t●\t新媒体/趣头条/分类\tTitle\tpath/to/file.md`: one article a line for scripts (`cut -f`,
 * `awk -F'\t'`), nothing cut. No field holds a tab or a newline (they are sanitised), so the fields never shift.
 */
export function formatListRecords(
	articles: readonly ArticleMeta[],
	isRead: (article: ArticleMeta) => boolean,
): string[] {
	return articles.map((article) =>
		[
			formatDate(article.date),
			isRead(article) ? ' ' : UNREAD_MARK,
			sanitizeLine(categoryColumn(article)),
			sanitizeLine(article.title),
			sanitizeLine(article.path),
		].join('\t'),
	);
}

/** Articles per piece of output: 100,000 articles joined into one string take ~70 MB, and again as a buffer. */
const CHUNK = 2000;

/**
 * One article of `leaf list --json`, without its marks: the text before `"read":...,"starred":...` and after. date
 * is ISO 8601 in UTC (`...Z`) or null. With the marks between them, the same text as JSON.stringify of the object
 * with these keys in this order, made field by field: three times faster (1.2 s of a warm list of 100,000 articles
 * went to it), the category and tag lists that articles share (the index's table) made once.
 */
export function articleJsonParts(article: ArticleMeta): [before: string, after: string] {
	const date = article.date ? `"${article.date.toISOString()}"` : 'null';
	return [
		`{"id":${JSON.stringify(article.id)},` +
			// The real path may hold control characters; what we print may not.
			`"path":${JSON.stringify(sanitizeLine(article.path))},` +
			`"title":${JSON.stringify(article.title)},"date":${date},"author":${JSON.stringify(article.author)},` +
			`"categories":${sharedJson(article.categories)},"tags":${sharedJson(article.tags)},` +
			`"image":${JSON.stringify(article.image)},"link":${JSON.stringify(article.link)},`,
		`,"warning":${JSON.stringify(article.warning)}}`,
	];
}

/** JSON of frozen lists (shared, so unchanging), by list. */
const frozenJson = new WeakMap<object, string>();

function sharedJson(value: readonly unknown[]): string {
	if (!Object.isFrozen(value)) return JSON.stringify(value);
	let text = frozenJson.get(value);
	if (text === undefined) {
		text = JSON.stringify(value);
		frozenJson.set(value, text);
	}
	return text;
}

/** The rows of formatListRows as newline-terminated pieces to write one after another. */
export function* listRowChunks(rows: readonly string[]): Generator<string> {
	for (let start = 0; start < rows.length; start += CHUNK)
		yield rows
			.slice(start, start + CHUNK)
			.map((row) => `${row}\n`)
			.join('');
}
