// The article model. Everything here is pure: io/library.ts reads the files and
// hands their text to parseArticle().
import {createHash} from 'node:crypto';

/** What the list, the category pane and `leaf list` need of an article. No body text. */
export interface ArticleMeta {
	/** Stable key for read state: derived from `path`, so moving or renaming the library folder keeps it. */
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

/** 16 hex characters of SHA-256 over the library-relative path. */
export function articleId(relativePath: string): string {
	return createHash('sha256').update(relativePath.normalize('NFC')).digest('hex').slice(0, 16);
}
