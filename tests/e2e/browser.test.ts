// The real `bin/leaf.js` (the esbuild bundle: run `npm run build` first, as `npm test` does) in tmux.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {readerShows, statusLine} from './session.ts';
import type {Pane} from './tmux.ts';
import {Tmux} from './tmux.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const leaf = join(repo, 'bin/leaf.js');
const UNREAD = '●';

// Distinct words, so a word cut at a line end shows up as a missing word.
const words =
	'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dolomite emerald feldspar granite hematite ilmenite jasper kyanite limestone malachite'.split(
		' ',
	);

const articles: Record<string, string> = {
	'tech/go.md': article('Go generics', '2022-03-03 10:00:00', ['Tech', 'Go'], `<p>${words.join(' ')}</p>`),
	'tech/rust.md': article('Rust lifetimes', '2022-03-02 10:00:00', ['Tech', 'Rust'], '<p>Borrowing explained.</p>'),
	'life/cooking.md': article(
		'Slow cooking',
		'2022-03-01 10:00:00',
		['Life'],
		'<p>Braise the cabbage gently for hours.</p>',
	),
	'notes.md': article('Loose notes', '2022-02-01 10:00:00', [], '<p>Nothing filed.</p>'),
};

function article(title: string, date: string, categories: string[], body: string): string {
	const list = categories.length === 0 ? '' : `categories:\n${categories.map((name) => `- ${name}`).join('\n')}\n`;
	return `---\ntitle: ${title}\ndate: ${date}\n${list}---\n${body}\n`;
}

let home: string;
let library: string;
let tmux: Tmux;

before(() => {
	assert.ok(existsSync(join(repo, 'dist/cli.js')), 'the bundle is missing: run `npm run build` first');
	home = mkdtempSync(join(tmpdir(), 'leaf-e2e-'));
	library = join(home, 'library');
	for (const [path, text] of Object.entries(articles)) {
		mkdirSync(dirname(join(library, path)), {recursive: true});
		writeFileSync(join(library, path), text);
	}
	tmux = new Tmux();
});

after(() => {
	tmux?.kill();
	if (home) rmSync(home, {recursive: true, force: true});
});

/** leaf on the test library, with its own config folder, without CI (Ink prints nothing until exit when CI is set). */
function startLeaf(
	columns: number,
	rows: number,
	config: string,
	command: string[] = [process.execPath, leaf, library],
): Pane {
	return tmux.start({
		columns,
		rows,
		command,
		cwd: home,
		unset: ['CI'],
		env: {XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(config, 'cache'), TERM: 'xterm-256color', LANG: 'C.UTF-8'},
	});
}

/** The list row of an article (the header above may name it too). */
const lineWith = (lines: string[], text: string) =>
	lines.find((line) => line.includes(text) && /\d{4}-\d\d-\d\d/.test(line)) ?? '';

/** The reader's part of each screen row: right of the last pane separator in the wide layout. */
function readerText(lines: string[], wide: boolean): string {
	return lines
		.slice(1, -2)
		.map((line) => (wide ? line.slice(line.lastIndexOf('│') + 1) : line))
		.join('\n');
}

for (const [columns, rows] of [
	[120, 40],
	[60, 24],
] as const) {
	test(
		`${columns}x${rows}: start, filter by a category, open an article, quit; a restart shows the read mark`,
		{timeout: 90_000},
		async () => {
			const config = mkdtempSync(join(home, 'config-'));
			const pane = startLeaf(columns, rows, config);
			// The header line comes first in a frame and the status line last: a screen taken as the frame is being
			// written can have one without the other.
			const first = await pane.waitFor((screen) => screen.includes('4 articles') && /4 unread here/.test(screen), {
				what: 'the first frame, header to status line',
			});
			const firstLines = first.split('\n');
			assert.match(
				firstLines[0] ?? '',
				columns >= 100 ? /^ Categories +│ All · 4 articles/ : /^ library › All · 4 articles/,
			);
			for (const title of ['Go generics', 'Rust lifetimes', 'Slow cooking', 'Loose notes']) {
				assert.ok(lineWith(firstLines, title).includes(UNREAD), `${title} is unread:\n${first}`);
			}
			assert.ok(firstLines.length <= rows);

			// Categories: All, Life, Tech, Go, Rust.
			// Keys are handled in order: no need to wait between them.
			pane.keys('c', 'j', 'Enter');
			const filtered = await pane.waitForText(/ Life 1\/1 /);
			assert.ok(filtered.includes('Slow cooking'));
			assert.ok(!filtered.includes('Rust lifetimes'), filtered);

			pane.keys('Enter');
			// The preview shows the text before Enter is handled: q q then would quit before the article is open (and read).
			await pane.waitFor(readerShows('Braise the cabbage gently for hours.'), {
				what: 'Slow cooking open in the reader',
			});
			// q: back from the reader to the list, then out.
			pane.keys('q', 'q');
			assert.equal(await pane.waitForExit(), 0);
			const afterQuit = pane.screen();
			assert.ok(!afterQuit.includes('4 articles'), `the alternate screen is left on quit:\n${afterQuit}`);
			pane.close();

			const state = readFileSync(join(config, 'leaf', 'config.json'), 'utf8');
			assert.equal(marksIn(state), 1, state);

			// The restart is where leaf was left (Life), the article read; All has the other three unread.
			const again = startLeaf(columns, rows, config);
			const life = (await again.waitForText(/ Life 1\/1 /)).split('\n');
			assert.ok(!lineWith(life, 'Slow cooking').includes(UNREAD), life.join('\n'));
			again.keys('c', 'g', 'Enter');
			const restarted = (
				await again.waitFor((screen) => screen.includes('4 articles') && /3 unread here/.test(screen), {
					what: 'All after the restart, header to status line',
				})
			).split('\n');
			assert.ok(!lineWith(restarted, 'Slow cooking').includes(UNREAD), restarted.join('\n'));
			assert.ok(lineWith(restarted, 'Go generics').includes(UNREAD));
			again.keys('C-c');
			assert.equal(await again.waitForExit(), 0);
			again.close();
		},
	);
}

test('a resize reflows the open article at the new width, with no word cut', {timeout: 90_000}, async () => {
	const pane = startLeaf(120, 40, mkdtempSync(join(home, 'config-')));
	await pane.waitForText('4 articles');
	pane.keys('Enter');
	const wholeWords = (wide: boolean) => (_: string, lines: string[]) => {
		const shown = new Set(readerText(lines, wide).split(/\s+/));
		return words.every((word) => shown.has(word));
	};
	// The preview shows the same words before Enter is handled: the reader must have the article (and the keys).
	await pane.waitFor((text, lines) => /q back$/.test(statusLine(lines)) && wholeWords(true)(text, lines), {
		what: 'the article open at 120 columns',
	});
	const sizes: [number, number, boolean][] = [
		[100, 30, true],
		[60, 24, false],
		[44, 20, false],
		[150, 40, true],
		[20, 5, false],
	];
	for (const [columns, rows, wide] of sizes) {
		pane.resize(columns, rows);
		const widest = (lines: string[]) =>
			Math.max(
				...readerText(lines, wide)
					.split('\n')
					.map((line) => line.trimEnd().length),
			);
		const screen = await pane.waitFor(
			(text, lines) => {
				const status = lines.at(-2) ?? lines.at(-1) ?? '';
				// Drawn at the new size: the status line ends with its hint one column from the edge. Until leaf redraws,
				// tmux shows the last frame cut or padded to the new size, which at 20x5 still holds a status line with 1/4.
				const redrawn = /\d+\/4/.test(status) && /\? help( {2}q back)?$/.test(status) && status.length === columns - 1;
				if (rows <= 5) return redrawn;
				// Reflowed: every word whole, and lines as long as the new width allows.
				return (
					redrawn && wholeWords(wide)(text, lines) && widest(lines) > (wide ? 0.5 : 0.8) * (columns - (wide ? 75 : 0))
				);
			},
			{what: `the article reflowed at ${columns}x${rows}`},
		);
		const lines = screen.split('\n');
		assert.ok(lines.length <= rows, `${columns}x${rows}: ${lines.length} rows`);
		assert.ok(lines.every((line) => line.length <= columns));
	}
	pane.keys('Q');
	assert.equal(await pane.waitForExit(), 0);
});

for (const [signal, status] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const) {
	test(`${signal} saves the read marks and gives the screen back`, {timeout: 60_000}, async () => {
		const config = mkdtempSync(join(home, 'config-'));
		const pane = startLeaf(120, 40, config);
		await pane.waitForText('4 articles');
		pane.keys('j', 'Enter');
		// The preview shows the text as soon as j is handled: the signal must come once the article is open (and read).
		await pane.waitFor(readerShows('Borrowing explained.'), {what: 'Rust lifetimes open in the reader'});
		process.kill(pane.pid(), signal);
		assert.equal(await pane.waitForExit(), status);
		assert.ok(!pane.screen().includes('4 articles'));
		assert.equal(marksIn(readFileSync(join(config, 'leaf', 'config.json'), 'utf8')), 1);
	});
}

test(
	'keys come from the terminal when stdin is a pipe; with no terminal at all, one line and exit 1',
	{timeout: 60_000},
	async () => {
		const config = mkdtempSync(join(home, 'config-'));
		const piped = startLeaf(100, 30, config, [
			'sh',
			'-c',
			'echo ignored | "$0" "$1" "$2"',
			process.execPath,
			leaf,
			library,
		]);
		await piped.waitForText('4 articles');
		piped.keys('q');
		assert.equal(await piped.waitForExit(), 0);

		const detached = startLeaf(100, 30, config, [
			'setsid',
			'--wait',
			'sh',
			'-c',
			'exec "$0" "$1" "$2" < /dev/null',
			process.execPath,
			leaf,
			library,
		]);
		assert.equal(await detached.waitForExit(), 1);
		const screen = detached.screen();
		assert.match(screen, /^leaf: no terminal to read keys from$/m);
		assert.doesNotMatch(screen, /Raw mode/);
		detached.close();
	},
);

/** How many read marks a state file holds, over all its libraries (state version 2). */
function marksIn(text: string): number {
	const data = JSON.parse(text) as {libraries: Record<string, {read: string[]}>};
	return Object.values(data.libraries).reduce((sum, entry) => sum + entry.read.length, 0);
}
