// Articles for tests: every field empty but those given.
import type {Article, ArticleMeta} from '../../src/core/article/article.ts';

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
