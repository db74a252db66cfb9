// `leaf list` (plain and JSON) and `leaf DIR` with stdout piped, over the hostile library: nothing
// crashes, every readable article is listed, unreadable ones cost one stderr line each, and no
// control or bidi character reaches any output.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {basename, join} from 'node:path';
import {articleId} from '../../src/core/article/article.ts';
import {accessOf, runningAsRoot, skipUnlessPermissionsHold, unprivileged} from '../helpers/unprivileged.ts';
import type {FixtureCase, LeafResult} from './harness.ts';
import {
	assertSandboxClean,
	controlCharacters,
	createSandbox,
	fixtures,
	jsonStrings,
	loadManifest,
	runLeaf,
} from './harness.ts';

const manifest = loadManifest();
const sandbox = createSandbox();
// As root the mode bits stop nothing, so the permission cases are listed again as an unprivileged user.
const userSandbox = runningAsRoot ? createSandbox({forAnyUser: true}) : sandbox;
after(() => {
	sandbox.dispose();
	userSandbox.dispose();
});
const byExpectation = (...kinds: FixtureCase['expect'][]) => manifest.cases.filter((c) => kinds.includes(c.expect));

interface ListedArticle {
	id: unknown;
	path: unknown;
	title: unknown;
	date: unknown;
	author: unknown;
	categories: unknown;
	read: unknown;
	warning: unknown;
}

let json: LeafResult;
let plain: LeafResult;
let piped: LeafResult;
let asUser: LeafResult;
let articles: ListedArticle[] = [];
let ids = new Set<unknown>();
let jsonProblem: string | null = null;

before(async () => {
	// Generous limits: this guards against hangs (a FIFO, /dev/zero, symlink loops), not speed.
	[json, plain, piped] = await Promise.all([
		runLeaf(['list', fixtures, '--json'], sandbox, 90_000),
		runLeaf(['list', fixtures], sandbox, 90_000),
		runLeaf([fixtures], sandbox, 90_000),
	]);
	asUser = runningAsRoot ? await runLeaf(['list', fixtures, '--json'], userSandbox, 90_000, unprivileged) : json;
	try {
		const parsed: unknown = JSON.parse(json.stdout);
		if (Array.isArray(parsed)) articles = parsed as ListedArticle[];
		else jsonProblem = `not an array: ${json.stdout.slice(0, 100)}`;
	} catch (error) {
		jsonProblem = `not JSON (${(error as Error).message}): ${json.stdout.slice(0, 100)}`;
	}
	ids = new Set(articles.map((article) => article.id));
});

describe('leaf list over the hostile library', () => {
	test('each run finishes, exits 0 and writes valid UTF-8', () => {
		for (const [name, run] of Object.entries({'list --json': json, list: plain, 'leaf DIR | cat': piped})) {
			assert.equal(run.timedOut, false, `${name} timed out`);
			assert.equal(run.status, 0, `${name} exited ${run.status} (${run.signal}): ${run.stderr.slice(0, 500)}`);
			assert.deepEqual(run.encodingErrors, [], name);
		}
	});

	test('`list --json` prints one JSON array', () => {
		assert.equal(jsonProblem, null);
	});

	test('no control or bidi character in any output, raw or inside a JSON string', () => {
		// Tabs separate the piped list's fields (four a row): none comes from an article.
		for (const text of [plain.stdout, piped.stdout])
			assert.ok(text.split('\n').every((row) => row === '' || row.split('\t').length === 5));
		for (const [name, text] of Object.entries({
			'list --json stdout': json.stdout,
			'list stdout': plain.stdout.replaceAll('\t', ' '),
			'leaf DIR stdout': piped.stdout.replaceAll('\t', ' '),
			'list --json stderr': json.stderr,
			'list stderr': plain.stderr,
		})) {
			assert.deepEqual(controlCharacters(text), [], name);
		}
		const strings = jsonStrings(articles);
		assert.deepEqual(strings.flatMap((text) => controlCharacters(text, 1)).slice(0, 10), [], 'decoded JSON strings');
	});

	test('the plain list has one line per article, as does `leaf DIR` into a pipe', () => {
		assert.ok(articles.length > 0, 'the JSON list is empty');
		assert.equal(plain.stdout.split('\n').filter(Boolean).length, articles.length);
		assert.equal(piped.stdout.split('\n').filter(Boolean).length, articles.length);
	});

	test('every article has the documented shape, whatever its front matter held', () => {
		const problems: string[] = [];
		for (const article of articles) {
			const where = JSON.stringify(article.path);
			if (typeof article.id !== 'string' || article.id === '') problems.push(`${where}: id`);
			if (typeof article.path !== 'string' || article.path === '') problems.push(`${where}: path`);
			if (typeof article.title !== 'string' || article.title.trim() === '')
				problems.push(`${where}: title ${JSON.stringify(article.title)}`);
			if (article.title === 'EXECUTED') problems.push(`${where}: the title came from executed front matter`);
			if (article.author !== null && typeof article.author !== 'string')
				problems.push(`${where}: author ${JSON.stringify(article.author)}`);
			if (typeof article.read !== 'boolean') problems.push(`${where}: read`);
			if (article.date !== null && (typeof article.date !== 'string' || !Number.isFinite(Date.parse(article.date))))
				problems.push(`${where}: date ${JSON.stringify(article.date)}`);
			const categories = article.categories;
			if (
				!Array.isArray(categories) ||
				!categories.every((path) => Array.isArray(path) && path.every((name) => typeof name === 'string'))
			) {
				problems.push(`${where}: categories ${JSON.stringify(categories)?.slice(0, 100)}`);
			}
		}
		assert.deepEqual(problems, []);
	});

	test('ids and paths are unique', () => {
		assert.equal(ids.size, articles.length, 'duplicate ids');
		assert.equal(new Set(articles.map((article) => article.path)).size, articles.length, 'duplicate paths');
	});

	test('every readable article is listed, by the id of its path', () => {
		const missing = byExpectation('listed')
			.filter((c) => !ids.has(articleId(c.path)))
			.map((c) => `${JSON.stringify(c.path)} (${c.case})`);
		assert.deepEqual(missing, []);
	});

	test('front matter that cannot be read is reported on the article, which falls back to its file name', () => {
		const problems: string[] = [];
		for (const c of manifest.cases.filter((c) => c.frontMatter === 'unreadable')) {
			const article = articles.find((article) => article.id === articleId(c.path));
			if (!article) continue; // reported by the test above
			if (typeof article.warning !== 'string' || article.warning === '') problems.push(`${c.path}: no warning`);
			const stem = basename(c.path).replace(/\.(md|markdown)$/, '');
			if (typeof article.title !== 'string' || !article.title.includes(stem))
				problems.push(`${c.path}: title ${JSON.stringify(article.title)} is not the file name`);
		}
		assert.deepEqual(problems, []);
	});

	test('front matter YAML rejects is recovered line by line, with a warning, evaluating nothing', () => {
		const problems: string[] = [];
		const recovered = manifest.cases.filter((c) => c.frontMatter === 'recovered');
		assert.ok(recovered.length >= 2);
		for (const c of recovered) {
			const article = articles.find((article) => article.id === articleId(c.path));
			if (!article) continue; // reported by the test above
			if (typeof article.warning !== 'string' || !/read line by line/.test(article.warning))
				problems.push(`${c.path}: warning ${JSON.stringify(article.warning)}`);
			if (article.title !== c.title) problems.push(`${c.path}: title ${JSON.stringify(article.title)}`);
		}
		assert.deepEqual(problems, []);
	});

	test('well-formed front matter is read through a BOM, CRLF and leading blank lines; unreadable dates are null', () => {
		const problems: string[] = [];
		for (const c of manifest.cases) {
			const article = articles.find((article) => article.id === articleId(c.path));
			if (!article) continue; // reported above
			if (c.title !== undefined && article.title !== c.title)
				problems.push(`${c.path}: title ${JSON.stringify(article.title)}, expected ${JSON.stringify(c.title)}`);
			if (c.date === null && article.date !== null)
				problems.push(`${c.path}: date ${JSON.stringify(article.date)}, expected null`);
		}
		assert.deepEqual(problems, []);
	});

	test('folders, loops, dangling links, devices and FIFOs are not articles', () => {
		const listed = byExpectation('not-listed')
			.filter((c) => ids.has(articleId(c.path)))
			.map((c) => `${c.path} (${c.case})`);
		assert.deepEqual(listed, []);
	});

	test('nothing is listed through a symlinked folder (loops, links up and out of the library)', () => {
		const links = byExpectation('link-dir');
		const through = articles
			.filter((article) => links.some((link) => String(article.path).startsWith(`${link.path}/`)))
			.map((article) => article.path);
		assert.deepEqual(through, []);
	});

	test(
		'unreadable files and folders are skipped with one stderr line each',
		{skip: skipUnlessPermissionsHold()},
		() => {
			assert.equal(asUser.status, 0, asUser.stderr);
			const stderrLines = asUser.stderr.split('\n').filter(Boolean);
			const userIds = new Set((JSON.parse(asUser.stdout) as ListedArticle[]).map((article) => article.id));
			const cases = byExpectation('unreadable', 'unreadable-dir');
			assert.equal(cases.length, 3, 'the fixtures have a locked file and two locked folders');
			for (const c of cases) {
				const inside = c.contains ?? [];
				const [self, ...files] = accessOf([c.path, ...inside].map((path) => join(fixtures, path)));
				assert.ok(
					c.expect === 'unreadable' ? !self!.read : !self!.list || files.some((file) => !file.read),
					`${c.path} can be read by the user leaf ran as: the test would prove nothing`,
				);
				const names = [basename(c.path), ...inside.map((file) => basename(file))];
				const mentions = stderrLines.filter((line) => names.some((name) => line.includes(name)));
				assert.equal(mentions.length, 1, `${c.path}: expected one stderr line, got ${JSON.stringify(mentions)}`);
				for (const file of c.expect === 'unreadable' ? [c.path] : inside)
					assert.ok(!userIds.has(articleId(file)), `${file} cannot be read but is listed`);
			}
		},
	);

	test('stderr: at most one line per problem file, each naming it by its path, no stack trace', () => {
		const lines = json.stderr.split('\n').filter(Boolean);
		assert.deepEqual(
			lines.filter((line) => /^\s+at /.test(line)),
			[],
			'stack trace on stderr',
		);
		const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
		const names = manifest.cases.map((c) => clean(c.path));
		assert.deepEqual(
			lines.filter((line) => !names.some((name) => line.includes(name))),
			[],
			'stderr lines that name no fixture',
		);
		const perFile = new Map<string, number>();
		for (const line of lines)
			for (const name of names.filter((name) => line.includes(name))) perFile.set(name, (perFile.get(name) ?? 0) + 1);
		assert.deepEqual(
			[...perFile].filter(([, count]) => count > 1),
			[],
			'files warned about more than once',
		);
		assert.deepEqual(
			plain.stderr.split('\n').sort(),
			json.stderr.split('\n').sort(),
			'plain and JSON listings warn alike',
		);
	});

	test('no front matter was executed, and nothing was written outside XDG_CONFIG_HOME and XDG_CACHE_HOME', () => {
		assertSandboxClean(sandbox, manifest);
	});
});
