// Shared set-up of the index cache tests: a temporary cache home and small libraries of articles in it.
import {after} from 'node:test';
import {mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {indexFileFor} from '../../src/io/index-cache.ts';
import type {LibraryScan} from '../../src/io/library.ts';
import {loadLibrary} from '../../src/io/library.ts';

export const temp = mkdtempSync(join(tmpdir(), 'leaf-index-'));
after(() => rmSync(temp, {recursive: true, force: true}));
export const cacheHome = join(temp, 'cache');
process.env.XDG_CACHE_HOME = cacheHome;
process.env.HOME = join(temp, 'home');
let count = 0;

/** A path under the temporary folder that no other call gives. */
export const freshPath = (prefix: string) => join(temp, `${prefix}${count++}`);

export function library(files: Record<string, string>): string {
	const root = freshPath('lib');
	mkdirSync(root);
	for (const [path, text] of Object.entries(files)) write(root, path, text);
	return root;
}

export function write(root: string, path: string, text: string): void {
	mkdirSync(dirname(join(root, path)), {recursive: true});
	writeFileSync(join(root, path), text);
}

export const article = (title: string, extra = '') =>
	`---\ntitle: ${title}\ndate: 2021-10-28 14:08:07\ncategories: [[新媒体, 趣头条]]\ntags: [a, b]\n${extra}---\n<p>${title}</p>\n`;

export function someArticles(n: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < n; i++) files[`d${i % 3}/a${i}.md`] = article(`T${i}`, i % 2 ? `author: 作者${i % 4}\n` : '');
	return files;
}

export const byPath = (scan: LibraryScan) => new Map(scan.articles.map((a) => [a.path, a]));
/** The articles a load without any cache gives: what every cached load must give too. */
export const uncached = async (root: string) => (await loadLibrary(root, {cache: false, threads: false})).articles;
export const indexOf = (root: string) => indexFileFor(realpathSync(root))!;
