// The library the `leaf list` tests read, written once per test file, and `leaf list --json` parsed.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {runLeaf} from './run-leaf.ts';

export const temp = tempFolders('leaf-list-')();
let count = 0;

export const library = (files: Record<string, string>): string => writeFiles(join(temp, `lib${count++}`), files);

export const article = (fields: string) => `---\n${fields}\n---\n<p>body</p>\n`;

export const news = library({
	'a.md': article(
		'title: 趣头条 news\ndate: Wed, 02 Feb 2022 07:38:40 GMT\ncategories: [新媒体, 趣头条, 分类]\nauthor: 趣头条',
	),
	'b/b.md': article('title: Older\ndate: 2021-10-28T14:08:07Z\ncategories: [[新媒体, 趣头条x], [编程]]\ntags: [go]'),
	'c.md': article('title: Go tips\ndate: 2020-01-01T00:00:00Z\ncategories: [编程, Go]\nlink: https://go.example/tips'),
	'd.md': article('title: Undated\ncategories: 新媒体'),
});

export interface JsonArticle {
	id: string;
	path: string;
	title: string;
	date: string | null;
	author: string;
	categories: string[][];
	tags: string[];
	image: string | null;
	link: string | null;
	read: boolean;
	starred: boolean;
	warning: string | null;
}

export const listJson = (args: string[], env?: Record<string, string>): JsonArticle[] => {
	const run = runLeaf(['list', ...args, '--json'], {env});
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout) as JsonArticle[];
};
