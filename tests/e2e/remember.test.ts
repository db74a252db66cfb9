// Where you were, in the real binary in tmux (run `npm run build` first), at 120x40 and at 60x24: an article scrolled,
// leaf quit and started again opens on the same article at the same place; deleted while leaf was closed, the next
// start is quietly on the list. At 120x40 the category, the kept filter and the sort come back too.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {e2eSession, statusLine} from './session.ts';
import type {Pane} from './tmux.ts';

const LONG_TITLE = 'A long read';
const session = e2eSession('leaf-remember-', `leaf-remember-${process.pid}`);

/** A library of three: the long read (newest, the first row), and two short notes in categories of their own. */
function makeLibrary(name: string): string {
	const library = join(session.home, name);
	mkdirSync(library, {recursive: true});
	const paragraphs = Array.from({length: 150}, (_, n) => `<p>Paragraph ${n + 1} of the long read.</p>`).join('\n');
	writeFileSync(
		join(library, 'long.md'),
		`---\ntitle: ${LONG_TITLE}\ndate: 2022-03-03\ncategories: [Reading]\n---\n${paragraphs}\n`,
	);
	writeFileSync(join(library, 'go.md'), '---\ntitle: Go note\ndate: 2022-02-02\ncategories: [Tech, Go]\n---\nGo.\n');
	writeFileSync(
		join(library, 'rust.md'),
		'---\ntitle: Rust note\ndate: 2021-01-01\ncategories: [Tech, Rust]\n---\nRust.\n',
	);
	return library;
}

async function startLeaf(library: string, columns: number, rows: number, count = 3): Promise<Pane> {
	const config = join(library, '..', `config-${columns}`);
	const pane = session.start({columns, rows, args: [library], config, unset: ['LEAF_DIR']});
	await pane.waitFor((screen) => new RegExp(`\\b${count}/${count}\\b|/${count} `).test(screen), {
		what: `the library of ${count} listed`,
	});
	return pane;
}

/**
 * The reader has the keys and the long read at its top. At 120 columns the preview shows the same before Enter is
 * handled, and keys sent while the reader loads scroll nothing.
 */
const openAtTop = (_: string, lines: string[]) => /q back$/.test(statusLine(lines)) && topParagraph(lines) === 1;

/** The number of the first paragraph the reader shows (its column: the last pane, or the whole screen). */
function topParagraph(lines: readonly string[]): number | null {
	for (const line of lines.slice(1, -1)) {
		const match = /Paragraph (\d+) of/.exec(line.split('│').at(-1) ?? '');
		if (match) return Number(match[1]);
	}
	return null;
}

/** The read marks a state file holds for the library whose folder ends with `name` (none while it is not there). */
function readIn(file: string, name: string): string[] {
	if (!existsSync(file)) return [];
	// Written whole and renamed into place: never seen half written.
	const state = JSON.parse(readFileSync(file, 'utf8')) as {libraries: Record<string, {root: string; read: string[]}>};
	return Object.values(state.libraries).find((entry) => entry.root.endsWith(name))?.read ?? [];
}

async function quit(pane: Pane): Promise<void> {
	pane.keys('Q');
	assert.equal(await pane.waitForExit(), 0, pane.screen());
	pane.close();
}

for (const [columns, rows] of [
	[120, 40],
	[60, 24],
] as const) {
	test(`${columns}x${rows}: the article comes back open where it was left; deleted meanwhile, leaf is on the list`, async () => {
		const library = makeLibrary(`library-${columns}`);
		const first = await startLeaf(library, columns, rows);
		let left: number | null;
		try {
			first.keys('Enter');
			await first.waitFor(openAtTop, {what: 'the long read open at its top'});
			// A key bound to nothing last: once it is answered, every scroll before it has been drawn.
			first.keys('PgDn', 'PgDn', 'j', 'j', 'j', 'x');
			await first.waitForText('x: no such key');
			left = topParagraph(first.lines());
			assert.ok((left ?? 0) > 10, `scrolled well down: paragraph ${left} at the top`);
			await quit(first);
		} finally {
			first.close();
		}

		const second = await startLeaf(library, columns, rows);
		try {
			const screen = await second.waitFor((_, lines) => topParagraph(lines) === left, {
				what: `the long read open at paragraph ${left}`,
			});
			assert.match(screen.split('\n')[0] ?? '', new RegExp(LONG_TITLE), 'the reader has the article, titled');
			// Scrolled on from there, and back: the reader's keys work as ever.
			second.keys('j');
			await second.waitFor((_, lines) => topParagraph(lines) === left! + 1, {what: 'one line further'});
			await quit(second);
		} finally {
			second.close();
		}

		rmSync(join(library, 'long.md'));
		const third = await startLeaf(library, columns, rows, 2);
		try {
			const screen = await third.waitFor((text) => text.includes('Go note'), {what: 'the list'});
			assert.equal(topParagraph(third.lines()), null, 'no reader on the deleted article');
			assert.doesNotMatch(screen, /ENOENT|cannot|no such file/i, 'and not a word about it');
			assert.doesNotMatch(screen, new RegExp(LONG_TITLE));
			await quit(third);
		} finally {
			third.close();
		}
	});
}

test('120x40: the category, the kept title filter and the sort come back; a category gone falls back to All', async () => {
	const library = makeLibrary('library-view');
	const first = await startLeaf(library, 120, 40);
	try {
		// Categories: All, Reading, Tech, Go, Rust. Tech, then a filter on "o" and the sort by title.
		first.keys('c', 'j', 'j', 'Enter');
		await first.waitFor((screen) => screen.includes('Tech 1/2'), {what: 'the Tech category'});
		first.keys('/', 'o', 'Enter', 'S', 'S');
		await first.waitFor((screen) => /by title/.test(screen) && /filter "o": 2/.test(screen), {what: 'sorted by title'});
		await quit(first);
	} finally {
		first.close();
	}

	const second = await startLeaf(library, 120, 40, 2);
	try {
		const screen = await second.waitFor((text) => text.includes('Tech 1/2') && /by title/.test(text), {
			what: 'Tech, sorted by title',
		});
		assert.match(screen, /filter "o": 2/, 'the kept filter on the status line');
		assert.doesNotMatch(screen, new RegExp(LONG_TITLE), 'the long read is not in Tech');
		await quit(second);
	} finally {
		second.close();
	}

	rmSync(join(library, 'go.md'));
	rmSync(join(library, 'rust.md'));
	const third = await startLeaf(library, 120, 40, 1);
	try {
		// The filter is kept ("long" has an o).
		await third.waitFor((text) => /All 1\/1/.test(text) && text.includes(LONG_TITLE) && /filter "o": 1/.test(text), {
			what: 'All',
		});
		await quit(third);
	} finally {
		third.close();
	}
});

test('120x40: the position is written before the terminal is handed to a command (|), not only at quit', async () => {
	const library = makeLibrary('library-pipe');
	const pane = await startLeaf(library, 120, 40);
	try {
		pane.keys('Enter');
		await pane.waitFor(openAtTop, {what: 'the long read open at its top'});
		// Its read mark written first (a second later): the scroll after it is left to the hand-over to write.
		const file = join(session.home, 'config-120', 'leaf', 'config.json');
		// The mark itself, not just the library's entry: a file that names the library before the mark is written would
		// let the scroll below go out with the mark.
		await pane.waitFor(() => readIn(file, 'library-pipe').length === 1, {what: 'the read mark written'});
		pane.keys('PgDn');
		await pane.waitFor((_, lines) => (topParagraph(lines) ?? 1) > 10, {what: 'the long read scrolled'});
		pane.keys('|');
		await pane.waitForText('Pipe to command: _');
		const command = 'cat > /dev/null && cp config-120/leaf/config.json handed.json';
		for (const key of command) pane.keys(key === ' ' ? 'Space' : key);
		pane.keys('Enter');
		await pane.waitForText('Press any key to return to leaf.');
		const state = JSON.parse(readFileSync(join(session.home, 'handed.json'), 'utf8')) as {
			libraries: Record<string, {root: string; positions?: Record<string, [number, number]>}>;
		};
		const entry = Object.values(state.libraries).find((candidate) => candidate.root.endsWith('library-pipe'));
		const positions = Object.values(entry?.positions ?? {});
		assert.equal(positions.length, 1, JSON.stringify(entry));
		assert.ok(
			positions[0]![0] > 0.05 && positions[0]![0] < 0.5,
			`a fraction well down the article: ${positions[0]![0]}`,
		);
		pane.keys('x');
		await pane.waitForText('Exit status 0');
		await quit(pane);
	} finally {
		pane.close();
	}
});

test('120x40: a hostile session and positions in the state file: leaf starts on the list, the read marks kept', async () => {
	const library = makeLibrary('library-hostile');
	// An article's id: the first 16 hex digits of the SHA-256 of its path in the library (README, "An article's identity").
	const idOf = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 16);
	const config = join(session.home, 'config-hostile');
	mkdirSync(join(config, 'leaf'), {recursive: true});
	const entry = {
		root: realpathSync(library),
		sample: [],
		read: [idOf('go.md')],
		positions: {[idOf('long.md')]: ['NaN', 1e308], [idOf('rust.md')]: [-3, -1], x: 'y'},
		session: {
			category: ['No such'],
			query: '\u001b[31mnote\u0007',
			cursor: 12,
			open: 'gone',
			focus: 'reader',
			sort: 'up',
		},
	};
	writeFileSync(join(config, 'leaf', 'config.json'), JSON.stringify({version: 2, libraries: {k: entry}}));
	const pane = session.start({columns: 120, rows: 40, args: [library], config, unset: ['LEAF_DIR']});
	try {
		// The filter, cleaned, is kept: the two notes; Go note read, Rust note not.
		const screen = await pane.waitFor((text) => /All 1\/2/.test(text) && /filter "note": 2/.test(text), {
			what: 'the list under All, filtered by "note"',
		});
		const row = (title: string) => screen.split('\n').find((line) => line.includes(title)) ?? '';
		assert.doesNotMatch(row('Go note'), /●/);
		assert.match(row('Rust note'), /●/);
		assert.equal(topParagraph(pane.lines()), null);
		assert.doesNotMatch(screen, /corrupt|unreadable|kept aside/i);
		// And the long read opens at its top.
		pane.keys('Escape', 'g', 'Enter');
		await pane.waitFor(openAtTop, {what: 'the long read open at its top'});
		await quit(pane);
	} finally {
		pane.close();
	}
});
