// PLACEHOLDER (being replaced by the render helper): THE pipeline from article to terminal lines.
import type {Article} from './article.ts';
import {sanitizeLine, sanitizeText} from './sanitize.ts';
import {wrapLine} from './wrap.ts';

export type LineStyle = 'title' | 'meta' | 'heading' | 'body' | 'quote' | 'code' | 'rule' | 'reference';

/** One terminal line, never wider than the width it was rendered for. */
export interface Line {
	text: string;
	style: LineStyle;
}

export interface RenderOptions {
	/** Display columns, 20 to 300. */
	width: number;
	/** false: one line per paragraph (for `--no-wrap`). */
	wrap?: boolean;
}

/** Header (title, author · date · categories), body and the References list. */
export function renderArticle(article: Article, options: RenderOptions): Line[] {
	const width = options.wrap === false ? Number.POSITIVE_INFINITY : options.width;
	const lines: Line[] = wrapLine(sanitizeLine(article.title), width).map((text) => ({text, style: 'title'}));
	lines.push({text: '', style: 'body'});
	for (const paragraph of sanitizeText(article.body.replace(/<[^>]*>/g, '\n')).split('\n')) {
		if (paragraph.trim() === '') continue;
		for (const text of wrapLine(paragraph, width)) lines.push({text, style: 'body'});
		lines.push({text: '', style: 'body'});
	}
	return lines;
}
