// The browser in a real terminal (tmux) over the hostile library, wide and narrow: every article is
// opened in the reader, and after each the program is alive, the layout intact (status line at the
// bottom), no bidi or control character on screen, the pane title never set by an article's OSC
// sequence and no clipboard write (OSC 52) accepted.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import type {Pane} from '../e2e/tmux.ts';
import {Tmux} from '../e2e/tmux.ts';
import {waitFor} from '../helpers/wait.ts';
import {assertSandboxClean, controlCharacters, createSandbox, fixtures, loadManifest, repo} from './harness.ts';

const manifest = loadManifest();
const sandbox = createSandbox();
const INJECTED_TITLES = /PWNED|C1-OSC|ENTITY-TITLE/;
let tmux: Tmux;

before(() => {
	tmux = new Tmux(`leaf-hostile-${process.pid}`);
});

after(() => {
	tmux?.kill();
	sandbox.dispose();
});

interface Status {
	position: number;
	total: number;
	indexing: boolean;
	percent: boolean;
}

/** The bottom status line: `<pos>/<count>`, `<total> articles`, `indexing N / M`, the reader's `NN%`. */
function status(lines: string[]): Status | null {
	const line = lines.filter((text) => text.trim() !== '').at(-1) ?? '';
	const rest = line.replace(/indexing [\d,]+ \/ [\d,]+/, '');
	// The cursor's place in the view, All: of every article.
	const position = /([\d,]+)\/([\d,]+)/.exec(rest);
	if (!position) return null;
	const count = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
	return {position: count(position[1]), total: count(position[2]), indexing: rest !== line, percent: /\d+%/.test(rest)};
}

function styledScreen(pane: Pane): string {
	return tmux.run(['capture-pane', '-p', '-e', '-t', pane.target]);
}

function paneTitle(pane: Pane): string {
	return tmux.run(['display-message', '-p', '-t', pane.target, '#{pane_title}']).trim();
}

/** Opens every article in turn; returns what went wrong, one line per article. */
async function openEveryArticle(columns: number, rows: number): Promise<string[]> {
	const pane = tmux.start({
		columns,
		rows,
		command: [process.execPath, join(repo, 'bin/leaf.js'), fixtures],
		cwd: sandbox.cwd,
		unset: ['CI'],
		env: {...sandbox.env, TERM: 'xterm-256color'},
	});
	// Accept OSC 52 clipboard writes (tmux ignores them by default), so that one getting through shows.
	tmux.run(['set', '-g', 'set-clipboard', 'on']);
	const problems: string[] = [];
	try {
		const counted = await pane.waitFor(
			(_, lines) => {
				const now = status(lines);
				return now !== null && !now.indexing && now.total > 0;
			},
			{timeoutMs: 60_000, what: 'every article counted'},
		);
		const total = status(counted.split('\n'))?.total ?? 0;
		for (let position = 1; position <= total; position++) {
			const before = await pane.waitFor((_, lines) => status(lines)?.position === position, {
				timeoutMs: 20_000,
				what: `the cursor on ${position}/${total}`,
			});
			pane.keys('Enter');
			let screen: string;
			try {
				screen = await pane.waitFor((text, lines) => text !== before && status(lines)?.percent === true, {
					timeoutMs: 30_000,
					what: `article ${position} in the reader`,
				});
			} catch {
				screen = pane.screen();
				const shown = screen
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
					.join(' | ');
				problems.push(`${position}/${total}: no article in the reader after 30 s: ${shown.slice(0, 400)}`);
			}
			if (pane.exitStatus() !== null) {
				problems.push(`${position}/${total}: leaf exited with ${pane.exitStatus()}; screen:\n${screen}`);
				break;
			}
			const controls = controlCharacters(screen);
			if (controls.length > 0) problems.push(`${position}/${total}: on screen: ${controls.join('; ')}`);
			if (status(screen.split('\n')) === null)
				problems.push(`${position}/${total}: no status line at the bottom; screen:\n${screen}`);
			const title = paneTitle(pane);
			if (INJECTED_TITLES.test(title))
				problems.push(`${position}/${total}: an article set the terminal title to ${JSON.stringify(title)}`);
			// Escape and j apart (together they read as Alt-j): wait for the focus to move, which may show
			// only in colours, so compare screens with their attributes.
			const styled = styledScreen(pane);
			pane.keys('Escape');
			await waitFor(
				() => styledScreen(pane) !== styled,
				`the focus to leave the reader at ${position}/${total}`,
				20_000,
				20,
			);
			pane.keys('j');
		}
		const buffers = tmux.run(['list-buffers']).trim();
		if (buffers !== '') problems.push(`an article wrote to the clipboard (OSC 52): ${buffers}`);
		pane.keys('q');
		const exit = await pane.waitForExit({timeoutMs: 10_000});
		if (exit !== 0) problems.push(`exit status ${exit}`);
	} finally {
		pane.close();
	}
	return problems;
}

describe('the browser over the hostile library', {concurrency: 2}, () => {
	for (const [columns, rows] of [
		[120, 30],
		[60, 20],
	] as const) {
		test(
			`opens every article at ${columns}x${rows}: alive, status line intact, nothing injected`,
			{timeout: 300_000},
			async () => {
				assert.deepEqual(await openEveryArticle(columns, rows), []);
			},
		);
	}
});

describe('after the browser', () => {
	test('no front matter was executed, and nothing was written outside XDG_CONFIG_HOME and XDG_CACHE_HOME', () => {
		assertSandboxClean(sandbox, manifest);
	});
});
