// The beginning of a long article, shown while the whole is rendered: a screenful is a few kilobytes of the
// body, rendered in a few milliseconds, where the whole of a 50,000-character article takes tens.
import type {Article} from '../core/article/article.ts';

/** Never less than this many characters of the body, whatever the size of the screen. */
const MIN_PREVIEW_LENGTH = 1_000;

// Where a block of HTML ends (or a markdown paragraph): a cut there leaves whole paragraphs.
const htmlBlockEnd =
	/<\/(?:p|div|h[1-6]|li|ul|ol|dl|blockquote|pre|table|section|article|figure|header|footer)\s*>|<br\s*\/?>|<hr\s*\/?>/gi;

/**
 * Characters of the body per cell of the reader: 1 would do for prose, but links, images and code carry markup
 * that shows as little or nothing (on the real corpus, 1 left 11 of 83 previews short of a screen; 3 left none).
 */
const CHARACTERS_PER_CELL = 3;

/** About how much of the body fills a reader of `width` columns and `height` rows, with room to spare. */
export function previewLength(width: number, height: number): number {
	return Math.max(MIN_PREVIEW_LENGTH, CHARACTERS_PER_CELL * width * height);
}

/** The beginning of a body more than twice `length` long (whole paragraphs, about `length` characters), else null. */
export function previewOf(article: Article, length: number): Article | null {
	const {body} = article;
	if (body.length <= 2 * length) return null;
	// The last block end before `length`, else the first one after it (within twice as much).
	const ends =
		article.format === 'markdown'
			? Array.from(body.slice(0, 2 * length).matchAll(/\n\n/g), (match) => match.index + 2)
			: Array.from(body.slice(0, 2 * length).matchAll(htmlBlockEnd), (match) => match.index + match[0].length);
	const cut = ends.filter((end) => end <= length).at(-1) ?? ends[0];
	if (cut === undefined || cut < length / 4) return null;
	return {...article, body: body.slice(0, cut)};
}
