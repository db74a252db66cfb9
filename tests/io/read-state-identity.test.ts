// An article's identity (issue 11, findings 2, 3 and 7): marks are kept per library, a moved library keeps
// them, version 1's marks are migrated without losing any, and the state lives where XDG says.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {tempFolders, writeFiles} from '../helpers/temp.ts';
import {articleId} from '../../src/core/article/article.ts';
import {openReadStore} from '../../src/io/read-state.ts';
import {configFolder} from '../../src/io/read-state-file.ts';

const tempDir = tempFolders('leaf-read-state-identity-');
const article = (title: string) => `---\ntitle: ${title}\n---\n<p>${title}</p>\n`;
/** What leaf 0.1 (state version 1) called an article: a hash of its NFC path, whatever the library. */
const versionOneId = (relative: string) =>
	createHash('sha256').update(relative.normalize('NFC')).digest('hex').slice(0, 16);
const keyOf = (relative: string) => ({id: articleId(relative), path: relative});

function markAndQuit(config: string, library: string, paths: string[]): void {
	const store = openReadStore({cwd: config, library});
	for (const relative of [...paths, ...fs.readdirSync(library)]) store.isRead(keyOf(relative));
	for (const relative of paths) store.setRead(articleId(relative), true);
	store.flush();
}

const readIn = (config: string, library: string, paths: string[]): string[] => {
	const store = openReadStore({cwd: config, library, readOnly: true});
	return paths.filter((relative) => store.isRead(keyOf(relative)));
};

describe('two libraries never share a mark (finding 2)', () => {
	it("hexo's default first post in two blogs: marking one leaves the other unread", () => {
		const root = tempDir();
		const config = path.join(root, 'config');
		const a = writeFiles(path.join(root, 'a'), {'hello-world.md': article('Hello World'), 'x.md': article('X')});
		const b = writeFiles(path.join(root, 'b'), {'hello-world.md': article('Hello World'), 'y.md': article('Y')});
		markAndQuit(config, a, ['hello-world.md']);
		assert.deepEqual(readIn(config, a, ['hello-world.md']), ['hello-world.md']);
		assert.deepEqual(readIn(config, b, ['hello-world.md']), []);
	});
});

describe('NFC and NFD names are two articles (finding 3)', () => {
	it('marking one leaves the other unread', () => {
		const root = tempDir();
		const config = path.join(root, 'config');
		const nfc = 'caf\u00e9.md';
		const nfd = 'cafe\u0301.md';
		const library = writeFiles(path.join(root, 'lib'), {[nfc]: article('C'), [nfd]: article('D')});
		assert.notEqual(articleId(nfc), articleId(nfd));
		markAndQuit(config, library, [nfc]);
		assert.deepEqual(readIn(config, library, [nfc, nfd]), [nfc]);
	});
});

describe('a moved or renamed library keeps its marks', () => {
	it('recognised by its files when its old folder is gone; a copy next to the original is another library', () => {
		const root = tempDir();
		const config = path.join(root, 'config');
		const files = Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`posts/${name}.md`, article(name)]));
		const library = writeFiles(path.join(root, 'blog'), files);
		markAndQuit(config, library, ['posts/a.md', 'posts/c.md']);

		fs.cpSync(library, path.join(root, 'copy'), {recursive: true});
		assert.deepEqual(readIn(config, path.join(root, 'copy'), ['posts/a.md']), [], 'a copy starts unread');

		const moved = path.join(root, 'elsewhere', 'renamed blog');
		fs.mkdirSync(path.dirname(moved));
		fs.renameSync(library, moved);
		fs.rmSync(path.join(moved, 'posts/d.md'));
		assert.deepEqual(readIn(config, moved, ['posts/a.md', 'posts/b.md', 'posts/c.md']), ['posts/a.md', 'posts/c.md']);
		markAndQuit(config, moved, ['posts/b.md']);
		const data = JSON.parse(fs.readFileSync(path.join(config, 'config.json'), 'utf8')) as {
			libraries: Record<string, {root: string; read: string[]}>;
		};
		const roots = Object.values(data.libraries).map((entry) => entry.root);
		assert.ok(roots.includes(fs.realpathSync(moved)), `the entry follows the folder: ${roots.join(', ')}`);
		assert.ok(!roots.includes(library), 'no entry is left at the old path');
	});

	it('a library that merely shares a few names with a gone one is not taken for it', () => {
		const root = tempDir();
		const config = path.join(root, 'config');
		const names = ['a', 'b', 'c', 'd', 'e', 'f'];
		const library = writeFiles(
			path.join(root, 'old'),
			Object.fromEntries(names.map((name) => [`${name}.md`, article(name)])),
		);
		markAndQuit(config, library, ['a.md']);
		fs.rmSync(library, {recursive: true});
		const other = writeFiles(path.join(root, 'other'), {'a.md': article('a'), 'z.md': article('z')});
		assert.deepEqual(readIn(config, other, ['a.md']), []);
	});
});

describe('version 1 marks are migrated on first start, none lost', () => {
	it('each library takes the marks of its paths the first time it is listed; the old list stays for others', () => {
		const root = tempDir();
		const config = path.join(root, 'config');
		fs.mkdirSync(config);
		const old = ['notes/x.md', 'caf\u00e9.md', 'shared.md', 'elsewhere.md'].map(versionOneId);
		fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({version: 1, read: old}));
		const nfd = 'cafe\u0301.md';
		const a = writeFiles(path.join(root, 'a'), {'notes/x.md': '', [nfd]: '', 'shared.md': '', 'unread.md': ''});
		const b = writeFiles(path.join(root, 'b'), {'shared.md': '', 'new.md': ''});

		const store = openReadStore({cwd: config, library: a});
		const all = ['notes/x.md', nfd, 'shared.md', 'unread.md'];
		assert.deepEqual(
			all.filter((relative) => store.isRead(keyOf(relative))),
			['notes/x.md', nfd, 'shared.md'],
		);
		store.setRead(articleId('shared.md'), false);
		store.libraryListed();
		store.flush();
		const data = JSON.parse(fs.readFileSync(path.join(config, 'config.json'), 'utf8')) as {
			version: number;
			legacyRead: string[];
		};
		assert.equal(data.version, 2);
		assert.deepEqual(data.legacyRead, old, 'the old marks are all kept');
		assert.deepEqual(readIn(config, a, all), ['notes/x.md', nfd], 'an un-mark after the migration holds');
		assert.deepEqual(readIn(config, b, ['shared.md', 'new.md']), ['shared.md'], 'another library takes its own');
	});
});

describe('where the state lives (finding 7)', () => {
	const cases: {env: NodeJS.ProcessEnv; expected: string}[] = [
		{env: {XDG_CONFIG_HOME: '/x/config', HOME: '/home/u'}, expected: '/x/config/leaf'},
		{env: {XDG_CONFIG_HOME: 'relcfg', HOME: '/home/u'}, expected: '/home/u/.config/leaf'},
		{env: {XDG_CONFIG_HOME: './relcfg', HOME: '/home/u'}, expected: '/home/u/.config/leaf'},
		{env: {XDG_CONFIG_HOME: '', HOME: '/home/u'}, expected: '/home/u/.config/leaf'},
		{env: {HOME: '/home/u'}, expected: '/home/u/.config/leaf'},
	];
	for (const {env, expected} of cases) {
		it(`${JSON.stringify(env)} -> ${expected}`, () => assert.equal(configFolder(env), expected));
	}
});
