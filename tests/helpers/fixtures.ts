// Test data written for leaf's own tests (kept in the repository, unlike ../shared): an article of the seed's
// shape — the same front-matter fields (title, a three-level category, author, an RFC 2822 date, headimg and
// thumbnail) and a Chinese HTML body with images and a link.
import {fileURLToPath} from 'node:url';

/** tests/fixtures/articles/seed-shape.md */
export const articlePath = fileURLToPath(new URL('../fixtures/articles/seed-shape.md', import.meta.url));
/** Its folder, a small library of one article. */
export const articleFolder = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

/** What its front matter says, written out by hand. */
export const ARTICLE = {
	title: '西湖边的旧书市集：三十年的摊位与新来的读者 周末再开张',
	categories: [['新媒体', '城市周刊', '文化']],
	author: '城市周刊',
	date: '2023-04-15T02:30:00.000Z',
	image: 'https://img.example.com/leaf/2023/04/15/cover-market.jpeg',
	link: 'https://example.com/leaf/book-market',
	/** The start of its first paragraph of text. */
	firstText: '4月15日清晨，杭州西湖边的旧书市集迎来了今年第一个周末。',
} as const;
