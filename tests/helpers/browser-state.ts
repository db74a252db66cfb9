// Articles and states for the reducer and view tests.
import type {ArticleMeta} from '../../src/core/article/article.ts';
import type {Command} from '../../src/core/browser/keymap.ts';
import type {Library} from '../../src/core/browser/library.ts';
import type {BrowserState, Session} from '../../src/core/browser/types.ts';
import type {Line} from '../../src/core/render/lines.ts';
import {initialState, reducer} from '../../src/core/browser/reducer.ts';

export interface MetaOptions {
	title?: string;
	/** ISO date, or null for none. */
	date?: string | null;
	categories?: string[][];
	author?: string;
}

export function meta(path: string, options: MetaOptions = {}): ArticleMeta {
	return {
		id: `id:${path}`,
		path,
		title: options.title ?? path.replace(/\.md$/, ''),
		date: options.date === null ? null : new Date(options.date ?? '2022-01-01T00:00:00Z'),
		author: options.author ?? '',
		categories: options.categories ?? [],
		tags: [],
		image: null,
		link: null,
		warning: null,
	};
}

/** A small library: dates decrease with the letter, so the list order is a, b, c... */
export function sampleArticles(): ArticleMeta[] {
	return [
		meta('a.md', {date: '2022-01-09T00:00:00Z', categories: [['Tech', 'Go']], author: 'Ann'}),
		meta('b.md', {date: '2022-01-08T00:00:00Z', categories: [['Tech', 'Rust']]}),
		meta('c.md', {date: '2022-01-07T00:00:00Z', categories: [['Life']]}),
		meta('d.md', {date: '2022-01-06T00:00:00Z', categories: [['Tech']]}),
		meta('e.md', {date: '2022-01-05T00:00:00Z', categories: [['Tech', 'Go'], ['Life']]}),
		meta('f.md', {date: null}),
	];
}

export function stateWith(
	articles: readonly ArticleMeta[],
	options: {columns?: number; rows?: number; readIds?: string[]} = {},
): BrowserState {
	const empty = initialState({columns: options.columns ?? 120, rows: options.rows ?? 40});
	return reducer(empty, {
		type: 'articlesAdded',
		articles,
		readIds: new Set(options.readIds ?? []),
		progress: {done: articles.length, total: articles.length},
	});
}

export function run(state: BrowserState, ...commands: Command[]): BrowserState {
	return commands.reduce((current, command) => reducer(current, {type: 'command', command}), state);
}

/** Paths of the list's rows, in order. */
export function listedPaths(state: BrowserState): string[] {
	return Array.from(state.rows, (item) => state.library.items[item]?.path ?? '?');
}

/** Path of the article under the list cursor. */
export function cursorPath(state: BrowserState): string | undefined {
	const item = state.rows[state.list.index];
	return item === undefined ? undefined : state.library.items[item]?.path;
}

/** `count` body lines, `line 0`, `line 1`...: an article's rendered text of a known length. */
export const bodyLines = (count: number): Line[] =>
	Array.from({length: count}, (_, index) => ({text: `line ${index}`, style: 'body'}));

/** A kept session: at the top of All, nothing open, newest first, but for `more`. */
export const sessionWith = (more: Partial<Session>): Session => ({
	category: [],
	starred: false,
	query: '',
	cursor: null,
	open: null,
	focus: 'list',
	sort: 'newest',
	...more,
});

/** Per category node of a library: its path and [total, unread]. */
export const categoryCounts = (library: Library) =>
	library.tree.map((node) => [
		node.path.join('/'),
		library.categoryTotals[node.ordinal],
		library.categoryUnread[node.ordinal],
	]);

/** The paths of the items at `rows` ('?' for a row past the end). */
export const itemPaths = (library: Library, rows: ArrayLike<number>) =>
	Array.from(rows, (item) => library.items[item]?.path ?? '?');
