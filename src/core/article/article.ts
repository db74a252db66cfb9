// The article model. Everything here is pure: io/library.ts reads the files and
// hands their text to parseArticle().
import {createHash} from 'node:crypto';
import {parseDate} from './dates.ts';
import {readFrontMatter} from './front-matter.ts';
import {headingTitle} from './heading-title.ts';
import {sanitizeLine} from '../text/sanitize.ts';

/** What the list, the category pane and `leaf list` need of an article. No body text. */
export interface ArticleMeta {
	/**
	 * The article's key in its library's read state: derived from `path` exactly as the file system spells it
	 * (two names that differ only by Unicode normalisation are two files, and two articles). Marks are kept
	 * per library (io/read-state.ts), so the same path in another library is another article.
	 */
	id: string;
	/** Path relative to the library root, with `/` separators (as the user would type it). */
	path: string;
	title: string;
	/** null when the front matter has no date or it cannot be parsed (sorted last). */
	date: Date | null;
	author: string;
	/** Hexo hierarchies: `[新媒体, 趣头条]` is one path; a list of lists is several. */
	categories: string[][];
	tags: string[];
	/** Cover image: headimg, thumbnail or cover. */
	image: string | null;
	/** Source link: link, url, permalink, source... */
	link: string | null;
	/** Set when the front matter could not be read (the article is still listed). */
	warning: string | null;
}

export interface Article extends ArticleMeta {
	body: string;
	/** HTML bodies are rendered directly; markdown is converted to HTML first. */
	format: 'html' | 'markdown';
}

/** 16 hex characters of SHA-256 over the library-relative path, not normalised. */
export function articleId(relativePath: string): string {
	return createHash('sha256').update(relativePath).digest('hex').slice(0, 16);
}

export interface ParseOptions {
	/**
	 * Without a title in the front matter, take the body's first heading (dropped from the body when it opens it)
	 * before the file name. For `leaf cat`; the library lists titles from the front matter alone.
	 */
	titleFromHeading?: boolean;
}

/** A whole article file. Never throws: broken front matter leaves a warning and the file name as title. */
export function parseArticle(source: string, relativePath: string, options: ParseOptions = {}): Article {
	const {data, body, warning} = readFrontMatter(source);
	const meta = metaFromFrontMatter(data, relativePath, warning);
	const format = bodyFormat(body);
	if (options.titleFromHeading && scalarText(Object.hasOwn(data, 'title') ? data.title : undefined) === '') {
		const heading = headingTitle(body, format);
		if (heading) return {...meta, title: heading.title, body: heading.body, format};
	}
	return {...meta, body, format};
}

/** Only what the list needs. The one place front matter becomes metadata (the index cache reuses it). */
export function parseArticleMeta(source: string, relativePath: string): ArticleMeta {
	const {data, warning} = readFrontMatter(source);
	return metaFromFrontMatter(data, relativePath, warning);
}

export function metaFromFrontMatter(
	data: Record<string, unknown>,
	relativePath: string,
	warning: string | null,
): ArticleMeta {
	const field = (name: string): unknown => (Object.hasOwn(data, name) ? data[name] : undefined);
	return {
		id: articleId(relativePath),
		path: relativePath,
		title: scalarText(field('title')) || titleFromPath(relativePath),
		date: parseDate(field('date')),
		author: authorText(field('author')),
		// Hexo also accepts the singular keys.
		categories: categoryPaths(field('categories') ?? field('category')),
		tags: tagNames(field('tags') ?? field('tag')),
		image: firstText(['headimg', 'thumbnail', 'cover', 'image'].map(field), () => true),
		link: firstText(['link', 'url', 'permalink', 'source', 'original'].map(field), (text) =>
			/^https?:\/\/\S/i.test(text),
		),
		warning,
	};
}

/**
 * Markdown keeps raw HTML, so either reading would show an HTML body; the difference is that
 * markdown syntax inside an HTML body must not be interpreted. The rule: a body whose first
 * non-blank character is `<` is HTML (every scraped article in the corpus starts with a tag),
 * anything else is markdown.
 */
export function bodyFormat(body: string): 'html' | 'markdown' {
	const first = body.search(/\S/);
	return first !== -1 && body[first] === '<' ? 'html' : 'markdown';
}

/** The file name without its extension, for articles without a usable title. */
export function titleFromPath(relativePath: string): string {
	const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
	const stem = name.replace(/\.[^.]*$/, '');
	return sanitizeLine(stem || name);
}

/** Strings, numbers and booleans as their text (`title: 2048` is a title); anything else ''. */
function scalarText(value: unknown): string {
	if (typeof value === 'string') return sanitizeLine(value);
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
	return '';
}

function authorText(value: unknown): string {
	if (Array.isArray(value)) return value.map(authorText).filter(Boolean).join(', ');
	// Some themes write `author: {name: ..., link: ...}`.
	if (isMapping(value)) return scalarText(Object.hasOwn(value, 'name') ? value.name : undefined);
	return scalarText(value);
}

/**
 * Hexo's rules: a flat list is one hierarchy; once any item is a list, every item is its own
 * hierarchy (a plain item being one level). A string is one category. Mappings are ignored:
 * there is no reading of them that hexo agrees with.
 */
function categoryPaths(value: unknown): string[][] {
	let paths: string[][];
	if (Array.isArray(value)) {
		paths = value.some(Array.isArray)
			? value.map((item) => namesOf(Array.isArray(item) ? item : [item]))
			: [namesOf(value)];
	} else {
		paths = [namesOf([value])];
	}
	const seen = new Set<string>();
	return paths.filter((path) => {
		const key = path.join('\u0000');
		if (path.length === 0 || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function tagNames(value: unknown): string[] {
	return [...new Set(namesOf(Array.isArray(value) ? value : [value]))];
}

/** Scalar items as sanitized names; empty names, nested lists and mappings dropped. */
function namesOf(items: readonly unknown[]): string[] {
	return items.map(scalarText).filter((name) => name !== '');
}

function firstText(values: readonly unknown[], accept: (text: string) => boolean): string | null {
	for (const value of values) {
		const text = typeof value === 'string' ? sanitizeLine(value) : '';
		if (text !== '' && accept(text)) return text;
	}
	return null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
