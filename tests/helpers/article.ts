// An article for tests of the render pipeline: every field empty but those given.
import type {Article} from '../../src/core/article/article.ts';

export function article(fields: Partial<Article>): Article {
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
		body: '',
		format: 'html',
		...fields,
	};
}
