// Articles for tests: every field empty but those given.
import type {Article, ArticleMeta} from '../../src/core/article/article.ts';
import {sanitizeLine} from '../../src/core/text/sanitize.ts';

/** An article's metadata, as the library lists it. */
export function articleMeta(fields: Partial<ArticleMeta>): ArticleMeta {
	return {
		id: '0000000000000000',
		path: 'a.md',
		title: 'Title',
		date: null,
		author: '',
		categories: [],
		tags: [],
		image: null,
		link: null,
		warning: null,
		...fields,
	};
}

/** An article with its body, for tests of the render pipeline. */
export function article(fields: Partial<Article>): Article {
	return {...articleMeta({}), body: '', format: 'html', ...fields};
}

/** An article's line of `leaf list --json` as JSON.stringify writes it: what leaf's own JSON must equal. */
export function listedJson(meta: ArticleMeta, read: boolean, starred: boolean): string {
	return JSON.stringify({
		id: meta.id,
		path: sanitizeLine(meta.path),
		title: meta.title,
		date: meta.date ? meta.date.toISOString() : null,
		author: meta.author,
		categories: meta.categories,
		tags: meta.tags,
		image: meta.image,
		link: meta.link,
		read,
		starred,
		warning: meta.warning,
	});
}
