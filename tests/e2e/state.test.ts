// Read state that is never lost, through the real `bin/leaf.js` (run `npm run build` first) in tmux:
// a corrupted state file, two browsers on one state file, and a library folder that moves.
// (SIGTERM/SIGHUP right after opening an article are in browser.test.ts.)
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Pane} from './tmux.ts';
import {Tmux} from './tmux.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const leaf = join(repo, 'bin/leaf.js');
const UNREAD = '●';
const COLUMNS = 120;
const ROWS = 30;

// Newest first in the list: Alpha is the first row, Bravo the second, Charlie the third.
const articles = [
	{file: 'alpha.md', title: 'Alpha note', date: '2022-03-03 10:00:00', body: 'Alpha body text.'},
	{file: 'sub/bravo.md', title: 'Bravo note', date: '2022-03-02 10:00:00', body: 'Bravo body text.'},
	{file: 'sub/charlie.md', title: 'Charlie note', date: '2022-03-01 10:00:00', body: 'Charlie body text.'},
] as const;
type Title = (typeof articles)[number]['title'];
/** Keys that put the list cursor on each article, from the top. */
const down: Record<Title, string[]> = {'Alpha note': [], 'Bravo note': ['j'], 'Charlie note': ['j', 'j']};

let home: string;
let tmux: Tmux;

before(() => {
	assert.ok(existsSync(join(repo, 'dist/cli.js')), 'the bundle is missing: run `npm run build` first');
	home = mkdtempSync(join(tmpdir(), 'leaf-state-'));
	tmux = new Tmux(`leaf-state-${process.pid}`);
});

after(() => {
	tmux?.kill();
	if (home) rmSync(home, {recursive: true, force: true});
});

function makeLibrary(): string {
	const library = mkdtempSync(join(home, 'library-'));
	for (const {file, title, date, body} of articles) {
		mkdirSync(join(library, file, '..'), {recursive: true});
		writeFileSync(join(library, file), `---\ntitle: ${title}\ndate: ${date}\n---\n<p>${body}</p>\n`);
	}
	return library;
}

const stateFile = (config: string) => join(config, 'leaf', 'config.json');

function childEnv(config: string): Record<string, string> {
	// The cache beside, not inside, the config folder: `leaf list` may write its index cache but no state.
	return {XDG_CONFIG_HOME: config, XDG_CACHE_HOME: `${config}-cache`, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
}

/** The browser on `library`, without CI (Ink prints nothing until exit when CI is set). */
async function startBrowser(library: string, config: string): Promise<Pane> {
	const pane = tmux.start({
		columns: COLUMNS,
		rows: ROWS,
		command: [process.execPath, leaf, library],
		cwd: home,
		unset: ['CI', 'LEAF_DIR'],
		env: childEnv(config),
	});
	await pane.waitForText(`${articles.length} in library`);
	return pane;
}

interface Listed {
	id: string;
	title: string;
	read: boolean;
}

/** `leaf list [--json] library` with the given config folder. */
function runList(
	library: string,
	config: string,
	json = true,
): {status: number | null; stdout: string; stderr: string} {
	const env: Record<string, string | undefined> = {
		...process.env,
		...childEnv(config),
		CI: undefined,
		LEAF_DIR: undefined,
	};
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	const result = spawnSync(process.execPath, [leaf, 'list', ...(json ? ['--json'] : []), library], {
		cwd: home,
		env,
		encoding: 'utf8',
		timeout: 30_000,
	});
	if (result.error) throw result.error;
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function listJson(library: string, config: string): Listed[] {
	const result = runList(library, config);
	assert.equal(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as Listed[];
}

const readTitles = (listed: readonly Listed[]) =>
	listed
		.filter((item) => item.read)
		.map((item) => item.title)
		.sort();

/** The list pane's row for a title (wide layout: between the category pane and the reader). */
function listRow(lines: readonly string[], title: string): string | undefined {
	return lines.map((line) => line.split('│')[1] ?? '').find((row) => row.includes(title));
}

function isMarkedUnread(lines: readonly string[], title: string): boolean {
	const row = listRow(lines, title);
	assert.ok(row !== undefined, `no list row for ${title}:\n${lines.join('\n')}`);
	return row.includes(UNREAD);
}

/** Waits until the list shows each title's mark as given. */
function waitForMarks(pane: Pane, read: Partial<Record<Title, boolean>>): Promise<string> {
	return pane.waitFor(
		(_, lines) =>
			Object.entries(read).every(([title, isRead]) => {
				const row = listRow(lines, title);
				return row !== undefined && row.includes(UNREAD) !== isRead;
			}),
		{what: `the marks ${JSON.stringify(read)}`},
	);
}

async function openArticle(pane: Pane, title: Title): Promise<void> {
	pane.keys(...down[title], 'Enter');
	const article = articles.find((item) => item.title === title)!;
	await pane.waitForText(article.body);
}

async function quit(pane: Pane): Promise<void> {
	pane.keys('Q');
	assert.equal(await pane.waitForExit(), 0, pane.screen());
	pane.close();
}

/** Every file under a folder with its bytes and modification time: what "wrote nothing" compares. */
function snapshot(folder: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const name of readdirSync(folder, {recursive: true}) as string[]) {
		const file = join(folder, name);
		const stat = statSync(file);
		files.set(
			name,
			stat.isDirectory() ? `dir ${stat.mtimeMs}` : `${stat.mtimeMs} ${readFileSync(file).toString('base64')}`,
		);
	}
	return files;
}

const corruptions: {name: string; bytes: Buffer}[] = [
	{name: 'truncated JSON', bytes: Buffer.from('{"version":1,"read":["0123456789abcdef","fedc')},
	{
		name: 'binary garbage with an escape sequence',
		bytes: Buffer.from([0xff, 0xfe, 0x00, 0x1b, ...Buffer.from(']2;pwned\x07\x1b[31m'), 0x80, 0xc3, 0x28]),
	},
	{name: 'JSON of the wrong shape', bytes: Buffer.from('{"version":1,"read":{"0123456789abcdef":true}}')},
	{name: 'an empty file', bytes: Buffer.alloc(0)},
];

for (const {name, bytes} of corruptions) {
	test(
		`a state file holding ${name}: kept aside with a notice, then a fresh state is written`,
		{timeout: 60_000},
		async () => {
			const library = makeLibrary();
			const config = mkdtempSync(join(home, 'config-'));
			mkdirSync(join(config, 'leaf'));
			writeFileSync(stateFile(config), bytes);

			// `leaf list` only reads: every article unread, one warning, nothing renamed or written.
			const before = snapshot(config);
			const listed = runList(library, config);
			assert.equal(listed.status, 0, listed.stderr);
			assert.deepEqual(readTitles(JSON.parse(listed.stdout) as Listed[]), []);
			assert.equal(
				listed.stderr.split('\n').filter((line) => line.trim() !== '').length,
				1,
				`one warning line:\n${listed.stderr}`,
			);
			const plain = runList(library, config, false);
			assert.equal(plain.status, 0, plain.stderr);
			assert.equal(
				plain.stdout.split('\n').filter((line) => line.includes(UNREAD)).length,
				articles.length,
				plain.stdout,
			);
			assert.deepEqual(snapshot(config), before, 'leaf list changed the config folder');

			const pane = await startBrowser(library, config);
			const title = pane.lines()[0] ?? '';
			assert.match(title, /read state/i, `the notice on the title line:\n${pane.screen()}`);
			assert.match(title, /kept/i, pane.screen());
			assert.doesNotMatch(pane.format('#{pane_title}'), /pwned/);
			const aside = readdirSync(join(config, 'leaf')).filter((file) => file.startsWith('config.json.corrupt-'));
			assert.equal(aside.length, 1, `one file kept aside: ${aside.join(', ')}`);
			assert.deepEqual(readFileSync(join(config, 'leaf', aside[0]!)), bytes, 'the kept file holds the original bytes');

			await openArticle(pane, 'Bravo note');
			await quit(pane);
			const state = JSON.parse(readFileSync(stateFile(config), 'utf8')) as {
				version: number;
				libraries: Record<string, {root: string; read: string[]}>;
			};
			const all = listJson(library, config);
			const bravo = all.find((item) => item.title === 'Bravo note')!;
			assert.equal(state.version, 2);
			assert.deepEqual(
				Object.values(state.libraries).map((entry) => [entry.root, entry.read]),
				[[realpathSync(library), [bravo.id]]],
			);
			assert.deepEqual(readTitles(all), ['Bravo note']);
			assert.deepEqual(readFileSync(join(config, 'leaf', aside[0]!)), bytes, 'the kept file is left alone');
		},
	);
}

const quitOrders = ['A first', 'B first', 'both at once'] as const;

/** Quits both instances in the given order; each flushes its marks on the way out. */
async function quitBoth(a: Pane, b: Pane, order: (typeof quitOrders)[number]): Promise<void> {
	if (order === 'both at once') {
		a.keys('Q');
		b.keys('Q');
		assert.deepEqual(await Promise.all([a.waitForExit(), b.waitForExit()]), [0, 0]);
		a.close();
		b.close();
	} else {
		const [first, second] = order === 'A first' ? [a, b] : [b, a];
		await quit(first);
		await quit(second);
	}
}

for (const order of quitOrders) {
	test(`two browsers on one state file keep each other's marks (quitting ${order})`, {timeout: 90_000}, async () => {
		const library = makeLibrary();
		const config = mkdtempSync(join(home, 'config-'));

		// Both start before either has written anything.
		let [a, b] = [await startBrowser(library, config), await startBrowser(library, config)];
		await openArticle(a, 'Alpha note');
		await openArticle(b, 'Bravo note');
		await quitBoth(a, b, order);
		assert.deepEqual(readTitles(listJson(library, config)), ['Alpha note', 'Bravo note']);

		[a, b] = [await startBrowser(library, config), await startBrowser(library, config)];
		for (const pane of [a, b])
			await waitForMarks(pane, {'Alpha note': true, 'Bravo note': true, 'Charlie note': false});
		a.keys('m');
		b.keys(...down['Charlie note'], 'm');
		await waitForMarks(a, {'Alpha note': false});
		await waitForMarks(b, {'Charlie note': true});
		await quitBoth(a, b, order);
		assert.deepEqual(readTitles(listJson(library, config)), ['Bravo note', 'Charlie note']);
	});
}

test('a moved library folder keeps its read marks', {timeout: 60_000}, async () => {
	const library = makeLibrary();
	const config = mkdtempSync(join(home, 'config-'));
	const pane = await startBrowser(library, config);
	await openArticle(pane, 'Charlie note');
	await quit(pane);

	const moved = join(home, `moved-${library.slice(-6)}`, 'renamed library');
	mkdirSync(join(moved, '..'));
	renameSync(library, moved);
	assert.deepEqual(readTitles(listJson(moved, config)), ['Charlie note']);

	const again = await startBrowser(moved, config);
	const lines = (await waitForMarks(again, {'Charlie note': true})).split('\n');
	assert.ok(isMarkedUnread(lines, 'Alpha note') && isMarkedUnread(lines, 'Bravo note'), lines.join('\n'));
	await quit(again);
});

test('two libraries holding the same paths never share a mark (issue 11, finding 2)', {timeout: 60_000}, async () => {
	const first = makeLibrary();
	const second = makeLibrary();
	const config = mkdtempSync(join(home, 'config-'));
	const pane = await startBrowser(first, config);
	await openArticle(pane, 'Charlie note');
	await quit(pane);
	assert.deepEqual(readTitles(listJson(first, config)), ['Charlie note']);
	assert.deepEqual(readTitles(listJson(second, config)), [], 'a library never opened has no marks');
});
