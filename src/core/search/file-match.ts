// Whether an article file's body, as the reader shows it, holds the needle: the raw prefilter first, then,
// for the few files it lets through, the body's text extracted and compared. The title and author are
// compared by the caller, from the metadata it already has.
import {bodyFormat} from '../article/article.ts';
import {readFrontMatter} from '../article/front-matter.ts';
import {markdownToHtml} from '../render/markdown.ts';
import {htmlText} from './extract.ts';
import {normalizeText} from './needle.ts';
import type {Needle} from './prefilter.ts';
import {mightContain} from './prefilter.ts';

/** The searchable text of an article file's body: its blocks, one per line. */
export function bodyText(source: string): string {
	const {body} = readFrontMatter(source);
	return htmlText(bodyFormat(body) === 'markdown' ? markdownToHtml(body) : body);
}

export function bodyMatches(source: string, needle: Needle): boolean {
	if (!mightContain(source, needle)) return false;
	return bodyText(source)
		.split('\n')
		.some((block) => normalizeText(block).includes(needle.text));
}
