// The two shapes of `leaf list` output: aligned rows for people, JSON for programs.
import type {ArticleMeta} from '../core/article.ts';
import {categoryKey, formatDate} from '../core/format.ts';
import {sanitizeLine} from '../core/sanitize.ts';
import {displayWidth, padEnd, truncate} from '../core/width.ts';

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
export function formatListRows(articles: readonly ArticleMeta[], isRead: (article: ArticleMeta) => boolean, columns?: number): string[] {
	const categories = articles.map(categoryColumn);
	// A library has few distinct category paths: measure and pad each once (measuring is not cheap).
	const distinct = [...new Set(categories)];
	const categoryWidth = Math.min(MAX_CATEGORY_WIDTH, distinct.reduce((widest, text) => Math.max(widest, displayWidth(text)), 0));
	const padded = new Map(distinct.map((text) => [text, categoryWidth > 0 ? `${padEnd(text, categoryWidth)}  ` : '']));
	return articles.map((article, i) => {
		const date = formatDate(article.date).padEnd(DATE_WIDTH);
		const mark = isRead(article) ? ' ' : UNREAD_MARK;
		const category = padded.get(categories[i]!)!;
		const row = `${date}  ${mark} ${category}${article.title}`;
		return columns ? truncate(row, columns) : row;
	});
}

/** A JSON array, one article a line; date is ISO 8601 in UTC (`...Z`) or null. */
export function formatListJson(articles: readonly ArticleMeta[], isRead: (article: ArticleMeta) => boolean): string {
	if (articles.length === 0) return '[]\n';
	const items = articles.map((article) => JSON.stringify({
		id: article.id,
		// The real path may hold control characters; what we print may not.
		path: sanitizeLine(article.path),
		title: article.title,
		date: article.date ? article.date.toISOString() : null,
		author: article.author,
		categories: article.categories,
		tags: article.tags,
		image: article.image,
		link: article.link,
		read: isRead(article),
		warning: article.warning,
	}));
	return `[\n${items.join(',\n')}\n]\n`;
}
