// How the browser feels in a real terminal, at 200x50, 120x40 and 60x24 (one pane): Ctrl-Z through a real shell,
// the layout and preview, focus you can see, a status line that labels its scopes, q going back a level, a hint
// for keys that do nothing, help that wraps and says more follows, and nothing on stderr but errors.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeFiles} from '../helpers/temp.ts';
import {e2eSession, leafBin as leaf, readerShows, statusLine as statusOf} from './session.ts';
import type {Pane} from './tmux.ts';
import {shellQuote} from './tmux.ts';

const session = e2eSession('leaf-feel-');
const UNREAD = '●';
const sizes = [
	[200, 50],
	[120, 40],
	[60, 24],
] as const;

const longTitle = '一步一步，统一项目中的编码规范（vue, vscode, vetur, prettier, eslint）';
const paragraphs = Array.from({length: 40}, (_, index) => `<p>Paragraph ${index} of the long article.</p>`).join('');
const articles: Record<string, string> = {
	'a.md': article(longTitle, '2022-03-03 10:00:00', ['前端'], '掘金', '<p>Short and sweet.</p>'),
	'b.md': article('Long read', '2022-03-02 10:00:00', ['Tech'], 'Ann', paragraphs),
	'c.md': article('Third', '2022-03-01 10:00:00', ['Tech'], 'Bob', '<p>Third body.</p>'),
};

function article(title: string, date: string, categories: string[], author: string, body: string): string {
	return `---\ntitle: ${title}\ndate: ${date}\nauthor: ${author}\ncategories:\n${categories.map((name) => `- ${name}`).join('\n')}\n---\n${body}\n`;
}

let library: string;

before(() => {
	library = writeFiles(join(session.home, 'library'), articles);
});

function environment(config: string, extra: Record<string, string> = {}): Record<string, string> {
	return {
		XDG_CONFIG_HOME: config,
		XDG_CACHE_HOME: join(config, 'cache'),
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		...extra,
	};
}

function startLeaf(columns: number, rows: number, env: Record<string, string> = {}): Pane {
	return session.start({columns, rows, args: [library], env});
}
const rowOf = (lines: string[], text: string) => lines.find((line) => line.includes(text)) ?? '';

/** The top line with its attributes: each pane's header and whether it is drawn in reverse video. */
function headerLook(pane: Pane): string {
	return pane.styledLines()[0] ?? '';
}

/** The text between the first reverse-video start on the line and the next reset or attribute change. */
function reversed(styled: string): string {
	const match = /\u001b\[(?:[\d;]*;)?7(?:;[\d;]*)?m(?:\u001b\[[\d;]*m)*([^\u001b]*)/.exec(styled);
	return match?.[1]?.trim() ?? '';
}

for (const [columns, rows] of sizes) {
	const wide = columns >= 100;

	test(
		`${columns}x${rows}: Ctrl-Z through a real shell; fg redraws at the current size; the terminal is as it was`,
		{timeout: 90_000},
		async () => {
			const config = mkdtempSync(join(session.home, 'config-'));
			const work = mkdtempSync(join(session.home, 'shell-'));
			const env = {...environment(config), PS1: '$ ', HOME: work};
			const shell = session.tmux.start({
				columns,
				rows,
				command: ['bash', '--norc', '--noprofile', '-i'],
				cwd: work,
				unset: ['CI'],
				env,
			});
			await shell.waitForText('$');
			shell.keys('stty -g > before', 'Enter');
			shell.keys(`node ${shellQuote(leaf)} ${shellQuote(library)} 2> errors`, 'Enter');
			await shell.waitForText('3 articles');
			shell.keys('j');
			await shell.waitForText(/ 2\/3 /);
			shell.keys('C-z');
			await shell.waitForText(/Stopped +node/);
			assert.doesNotMatch(shell.screen(), /in library/, 'the alternate screen is left');
			shell.keys('jobs', 'Enter');
			await shell.waitFor((screen) => (screen.match(/Stopped +node/g) ?? []).length >= 2, {
				what: 'jobs listing leaf stopped',
			});
			// A new size while stopped: leaf draws at it when it comes back.
			const [newColumns, newRows] = wide ? [columns - 20, rows - 5] : [columns + 4, rows - 2];
			shell.resize(newColumns, newRows);
			shell.keys('fg', 'Enter');
			const back = await shell.waitFor((_, lines) => / 2\/3 /.test(statusOf(lines)) && lines.length === newRows, {
				what: 'leaf redrawn after fg',
			});
			assert.ok(back.split('\n').every((line) => line.length <= newColumns));
			// `fg` went to the shell, not to leaf as keys (g would have gone to the top).
			shell.keys('j');
			await shell.waitForText(/ 3\/3 /);
			shell.keys('q');
			// Typed only once the shell has its prompt back: keys sent before would go to leaf as it exits.
			await shell.waitFor((screen, lines) => !screen.includes('unread here') && lines.filter(Boolean).at(-1) === '$', {
				what: 'the prompt after leaf',
			});
			shell.keys('echo "status $?"; stty -g > after', 'Enter');
			await shell.waitForText(/^status 0$/m);
			await shell.waitFor(() => existsSync(join(work, 'after')) && readFileSync(join(work, 'after'), 'utf8') !== '');
			assert.equal(readFileSync(join(work, 'after'), 'utf8'), readFileSync(join(work, 'before'), 'utf8'));
			assert.equal(readFileSync(join(work, 'errors'), 'utf8'), '', 'nothing on stderr');
			shell.close();
		},
	);

	test(
		`${columns}x${rows}: headers, focus, preview, status scopes, q back a level, unknown keys, help`,
		{timeout: 90_000},
		async () => {
			const pane = startLeaf(columns, rows);
			const first = (await pane.waitForText(/3 unread here/)).split('\n');
			if (wide) {
				assert.match(first[0] ?? '', /^ Categories.*│ All · 3 articles +│ /);
				assert.equal(reversed(headerLook(pane)), 'All · 3 articles', 'the list has the focus');
				// At 200 columns a title 70 columns wide shows whole, with its author.
				const row = rowOf(first, '2022-03-03');
				if (columns >= 200) {
					assert.ok(row.includes(longTitle), `whole title:\n${first.join('\n')}`);
					assert.match(row, /掘金│/);
				}
				// The reader previews the article under the cursor, which stays unread.
				await pane.waitForText(`Preview · ${longTitle.slice(0, 10)}`);
				await pane.waitForText('Short and sweet.');
				assert.ok(rowOf(pane.lines(), '2022-03-03').includes(UNREAD), 'a preview marks nothing read');
			} else {
				assert.match(first[0] ?? '', /^ library › All · 3 articles/);
				assert.equal(reversed(headerLook(pane)), 'library › All · 3 articles');
			}
			// Every number says what it counts; no reading percentage while no article is open.
			const status = statusOf(first);
			assert.match(
				status,
				wide
					? /^ All 1\/3 {2}3 unread here, 3 in all {2}3 in library .*\? help {2}q quit$/
					: /^ All 1\/3 {2}3 unread here.* \? help {2}q quit/,
			);
			assert.doesNotMatch(status, /%/);

			// A key bound to nothing says so until the next key.
			pane.keys('x');
			await pane.waitFor((_, lines) => statusOf(lines).startsWith(' x: no such key, ? for help'));
			pane.keys('j');
			await pane.waitFor((_, lines) => statusOf(lines).startsWith(' All 2/3 '));

			// Open the long article: the reader has the focus and says where it is.
			pane.keys('Enter');
			const reading = await pane.waitFor(
				(_, lines) => /lines 1-\d+ of \d+ \(0%\)|0% of article/.test(statusOf(lines)),
				{
					what: 'the first screen of a long article at 0%',
				},
			);
			const readingLines = reading.split('\n');
			if (wide) assert.equal(reversed(headerLook(pane)), 'Long read');
			else assert.match(readingLines[0] ?? '', /^ Long read *$/, 'the top line names the open article');
			assert.match(statusOf(readingLines), /\? help {2}q back$|\? help$/);
			pane.keys('G');
			await pane.waitFor((_, lines) => /\(100%\)|100% of article/.test(statusOf(lines)));
			// Scrolled to the end, the single-pane reader still names the article on top.
			if (!wide) assert.match(pane.lines()[0] ?? '', /^ Long read/);

			// q: back to the list (the article closed, leaf still running).
			pane.keys('q');
			const listed = await pane.waitFor(
				(_, lines) => /q quit$/.test(statusOf(lines)) && lines.some((line) => line.includes('Third')),
			);
			assert.doesNotMatch(statusOf(listed.split('\n')), /%/);
			assert.equal(pane.exitStatus(), null);

			// z: the focused pane fills the screen and back (side by side only).
			pane.keys('z');
			if (wide) {
				await pane.waitFor(
					(_, lines) =>
						lines.slice(0, -2).every((line) => !line.includes('│')) && (lines[0] ?? '').startsWith(' library › All'),
				);
				pane.keys('z');
				await pane.waitFor((_, lines) => (lines[0] ?? '').includes('│ All · 3 articles'));
			} else {
				await pane.waitFor((_, lines) => statusOf(lines).startsWith(' z: one pane fills the screen already'));
			}

			// The short article reads 100% at once.
			pane.keys('g', 'Enter');
			await pane.waitForText('Short and sweet.');
			await pane.waitFor((_, lines) => /\(100%\)|100% of article/.test(statusOf(lines)));
			// Esc and ? sent together can reach leaf as one Alt+?, which reads as ? alone: help from the reader, whose q
			// goes back to the reader. ? once the list has the keys.
			pane.keys('Escape');
			await pane.waitFor((_, lines) => /q quit$/.test(statusOf(lines)), {what: 'the list focused again'});

			// Help: wraps its descriptions; at 60x24 it says more rows follow and which keys scroll.
			pane.keys('?');
			const help = await pane.waitForText(wide ? 'Suspend leaf to the shell' : 'more rows below');
			assert.ok(help.split('\n').every((line) => line.length <= columns));
			if (!wide) {
				assert.match(help, /^ \d+ more rows below · ↓ ↑ PgDn PgUp scroll · Esc closes$/m);
				pane.keys('G');
				const end = await pane.waitForText('the end · ↓ ↑ PgDn PgUp scroll');
				assert.match(end, /^ +quit from the list or categories$/m, 'a long description goes on under itself');
				assert.match(end, /Suspend leaf to the shell/);
			}
			pane.keys('q');
			await pane.waitFor((_, lines) => /q quit$/.test(statusOf(lines)));
			// c then q: from the categories, q quits.
			pane.keys('c', 'q');
			assert.equal(await pane.waitForExit(), 0);
			pane.close();
		},
	);
}

test(
	'the categories: the shown one keeps its mark while the cursor moves; Q quits from the reader',
	{timeout: 60_000},
	async () => {
		const pane = startLeaf(120, 40);
		await pane.waitForText('3 in library');
		pane.keys('c', 'j', 'Enter');
		await pane.waitForText(/ Tech 1\/2 /);
		assert.match(pane.screen(), /^✓Tech +2│/m, 'the shown category is marked');
		pane.keys('c', 'k');
		await pane.waitFor(
			(_, lines) => reversed(headerLook(pane)).startsWith('Categories') && /^✓Tech/m.test(lines.join('\n')),
		);
		// Esc and a key sent right after it can reach leaf together, as Alt+key; Alt+Enter reads as Enter alone, which
		// the categories would take: Enter once the list has the keys again.
		pane.keys('Escape');
		await pane.waitFor(() => reversed(headerLook(pane)).startsWith('Tech · '), {what: 'the list focused again'});
		pane.keys('Enter');
		// The list names Long read already: Q is to quit from the reader, so the reader must have the article.
		await pane.waitFor(readerShows('Paragraph 0 of the long article.'), {what: 'Long read open in the reader'});
		pane.keys('Q');
		assert.equal(await pane.waitForExit(), 0);
		pane.close();
	},
);

for (const term of ['xterm-256color', 'dumb']) {
	test(
		`TERM=${term}: nothing on stderr after quitting; the cursor is shown on the terminal`,
		{timeout: 60_000},
		async () => {
			const config = mkdtempSync(join(session.home, 'config-'));
			const errors = join(config, 'errors');
			const pane = session.tmux.start({
				columns: 100,
				rows: 30,
				command: ['sh', '-c', 'node "$0" "$1" 2> "$2"', leaf, library, errors],
				cwd: session.home,
				unset: ['CI'],
				env: environment(config, {TERM: term}),
			});
			await pane.waitForText('3 in library');
			pane.keys('Enter');
			// At 100 columns the preview shows the text before Enter is handled.
			await pane.waitFor(readerShows('Short and sweet.'), {what: 'the article open in the reader'});
			pane.keys('Q');
			assert.equal(await pane.waitForExit(), 0);
			assert.equal(readFileSync(errors, 'utf8'), '');
			assert.equal(pane.format('#{cursor_flag}'), '1', 'the cursor is shown again');
			pane.close();
		},
	);
}
