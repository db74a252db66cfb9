// Shared harness of the read-state end-to-end tests: the real `bin/leaf.js` (run `npm run build` first) in tmux,
// on small libraries of three articles under a temporary home.
import {after, before} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Pane} from './tmux.ts';
import {Tmux} from './tmux.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const leaf = join(repo, 'bin/leaf.js');
export const UNREAD = '●';
const COLUMNS = 120;
const ROWS = 30;

// Newest first in the list: Alpha is the first row, Bravo the second, Charlie the third.
export const articles = [
	{file: 'alpha.md', title: 'Alpha note', date: '2022-03-03 10:00:00', body: 'Alpha body text.'},
	{file: 'sub/bravo.md', title: 'Bravo note', date: '2022-03-02 10:00:00', body: 'Bravo body text.'},
	{file: 'sub/charlie.md', title: 'Charlie note', date: '2022-03-01 10:00:00', body: 'Charlie body text.'},
] as const;
type Title = (typeof articles)[number]['title'];
/** Keys that put the list cursor on each article, from the top. */
export const down: Record<Title, string[]> = {'Alpha note': [], 'Bravo note': ['j'], 'Charlie note': ['j', 'j']};

export let home: string;
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

export function makeLibrary(): string {
	const library = mkdtempSync(join(home, 'library-'));
	for (const {file, title, date, body} of articles) {
		mkdirSync(join(library, file, '..'), {recursive: true});
		writeFileSync(join(library, file), `---\ntitle: ${title}\ndate: ${date}\n---\n<p>${body}</p>\n`);
	}
	return library;
}

export const stateFile = (config: string) => join(config, 'leaf', 'config.json');

function childEnv(config: string): Record<string, string> {
	// The cache beside, not inside, the config folder: `leaf list` may write its index cache but no state.
	return {XDG_CONFIG_HOME: config, XDG_CACHE_HOME: `${config}-cache`, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
}

/** The browser on `library`, without CI (Ink prints nothing until exit when CI is set). */
export async function startBrowser(library: string, config: string): Promise<Pane> {
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

export interface Listed {
	id: string;
	title: string;
	read: boolean;
}

/** `leaf list [--json] library` with the given config folder. */
export function runList(
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

export function listJson(library: string, config: string): Listed[] {
	const result = runList(library, config);
	assert.equal(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as Listed[];
}

export const readTitles = (listed: readonly Listed[]) =>
	listed
		.filter((item) => item.read)
		.map((item) => item.title)
		.sort();

/** The list pane's row for a title (wide layout: between the category pane and the reader). */
function listRow(lines: readonly string[], title: string): string | undefined {
	return lines.map((line) => line.split('│')[1] ?? '').find((row) => row.includes(title));
}

export function isMarkedUnread(lines: readonly string[], title: string): boolean {
	const row = listRow(lines, title);
	assert.ok(row !== undefined, `no list row for ${title}:\n${lines.join('\n')}`);
	return row.includes(UNREAD);
}

/** Waits until the list shows each title's mark as given. */
export function waitForMarks(pane: Pane, read: Partial<Record<Title, boolean>>): Promise<string> {
	return pane.waitFor(
		(_, lines) =>
			Object.entries(read).every(([title, isRead]) => {
				const row = listRow(lines, title);
				return row !== undefined && row.includes(UNREAD) !== isRead;
			}),
		{what: `the marks ${JSON.stringify(read)}`},
	);
}

export async function openArticle(pane: Pane, title: Title): Promise<void> {
	pane.keys(...down[title], 'Enter');
	const article = articles.find((item) => item.title === title)!;
	// At 120 columns the preview already shows the body before Enter opens (and marks) the article, and a notice
	// (a state file kept aside) takes the title line that says "Preview": the status line's `q back` says the
	// reader has the keys.
	await pane.waitFor(
		(screen, lines) => screen.includes(article.body) && lines.some((line) => /q back\s*$/.test(line)),
		{
			what: `${title} open in the reader`,
		},
	);
}

export async function quit(pane: Pane): Promise<void> {
	pane.keys('Q');
	assert.equal(await pane.waitForExit(), 0, pane.screen());
	pane.close();
}
