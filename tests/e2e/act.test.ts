// Following and acting on articles in the real binary in tmux (run `npm run build` first): the links list,
// references by number, the source link, copying with OSC 52, pipe, edit, sort and rescan, at 120x40 (three
// panes) and 60x24 (one pane at a time). The browser and the editor are scripts that write down how they were run.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeFiles} from '../helpers/temp.ts';
import {e2eSession, leafBin as leaf, readerShows} from './session.ts';
import type {Pane} from './tmux.ts';

const session = e2eSession('leaf-act-');

const linksArticle = `---
title: Links here
date: 2022-03-03 10:00:00
link: https://example.com/source
categories: [Web]
---
See [one](https://one.example/a?b=1&c=2) and [two](/two) and ![pic](https://img.example/p.png).
`;

/** What \`leaf cat --width N\` prints for linksArticle at any width from 50 on, written out. */
const linksText = `Links here
2022-03-03 10:00 · Web

See one[1] and two[2] and [image 3: pic].

References

[1] https://one.example/a?b=1&c=2
[2] /two
[3] https://img.example/p.png
`;

const sizes: [number, number][] = [
	[120, 40],
	[60, 24],
];

before(() => {
	const home = session.home;
	// Lets a program in a pane set tmux's buffer with OSC 52, the way it sets a terminal's clipboard.
	session.tmux.run(['start-server', ';', 'set', '-g', 'set-clipboard', 'on']);
	const browser = join(home, 'browser.sh');
	writeFileSync(browser, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "$ARGV_FILE"\n`);
	chmodSync(browser, 0o755);
	const editor = join(home, 'editor.sh');
	writeFileSync(
		editor,
		`#!/bin/sh\nprintf '%s\\n' "$@" > "$ARGV_FILE"\nsed -i 's/^title: Links here$/title: Links edited/' "$1"\nprintf 'Written by the editor.\\n' >> "$1"\n`,
	);
	chmodSync(editor, 0o755);
});

interface Run {
	pane: Pane;
	library: string;
	argvFile: string;
	columns: number;
}

/** leaf on a fresh library (the links article and two others), with the fake browser and editor. */
async function startLeaf(name: string, columns: number, rows: number): Promise<Run> {
	const dir = join(session.home, `${name}-${columns}`);
	const library = writeFiles(join(dir, 'library'), {
		'links.md': linksArticle,
		'older.md': '---\ntitle: Zebra older\ndate: 2021-01-01\n---\nOld.\n',
		'undated.md': '---\ntitle: Apple undated\n---\nNo date.\n',
	});
	const argvFile = join(dir, 'argv');
	const pane = session.start({
		columns,
		rows,
		args: [library],
		cwd: dir,
		unset: ['VISUAL'],
		env: {BROWSER: join(session.home, 'browser.sh'), EDITOR: join(session.home, 'editor.sh'), ARGV_FILE: argvFile},
	});
	await pane.waitFor((screen) => screen.includes('Links here') && !screen.includes('indexing'), {
		what: 'the library indexed',
	});
	return {pane, library, argvFile, columns};
}

/** The file's text once it exists and is not empty. */
async function fileText(path: string): Promise<string> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
		if (text !== '') return text;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** What the browser was started with (and the file removed, for the next one). */
async function opened(run: Run): Promise<string> {
	const text = await fileText(run.argvFile);
	unlinkSync(run.argvFile);
	return text;
}

for (const [columns, rows] of sizes) {
	test(`links at ${columns}x${rows}: L lists them, Enter and digits open them, o the source link`, async () => {
		const run = await startLeaf('links', columns, rows);
		const {pane} = run;
		try {
			pane.keys('Enter');
			// Side by side the preview shows the text before Enter is handled: L needs the article open.
			await pane.waitFor(readerShows('See one[1] and two[2]'), {what: 'the article open in the reader'});
			pane.keys('L');
			const list = await pane.waitForText('Links (3): Enter opens, y copies, Esc closes');
			assert.match(list, /\[1\] https:\/\/one\.example\/a\?b=1&c=2/);
			assert.match(list, /\[2\] \/two/);
			assert.match(list, /\[3\] https:\/\/img\.example\/p\.png \(image\)/);
			pane.keys('j', 'Enter');
			assert.equal(await opened(run), 'https://example.com/two\n');
			await pane.waitForText('Opened [2] https://example.com/two');
			pane.keys('Escape');
			await pane.waitFor((screen) => !screen.includes('Links (3)'), {what: 'the list to close'});
			pane.keys('3');
			assert.equal(await opened(run), 'https://img.example/p.png\n');
			await pane.waitForText('Opened [3] https://img.example/p.png');
			pane.keys('o');
			assert.equal(await opened(run), 'https://example.com/source\n');
			await pane.waitForText('Opened source https://example.com/source');
			// The browser's output never reached the screen, and leaf still answers keys.
			pane.keys('Q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});

	test(`copy at ${columns}x${rows}: y copies the source link, or the selected link, with OSC 52`, async () => {
		const {pane} = await startLeaf('copy', columns, rows);
		try {
			pane.keys('Enter');
			await pane.waitFor(readerShows('See one[1]'), {what: 'the article open in the reader'});
			pane.keys('y');
			await pane.waitForText('Copied source https://example.com/source');
			assert.equal(session.tmux.run(['show-buffer']), 'https://example.com/source');
			pane.keys('L', 'j', 'j', 'y');
			await pane.waitForText('Copied [3] https://img.example/p.png');
			assert.equal(session.tmux.run(['show-buffer']), 'https://img.example/p.png');
		} finally {
			pane.close();
		}
	});

	test(`pipe at ${columns}x${rows}: the article's text as leaf cat prints it, the exit status, and back`, async () => {
		const {pane, library} = await startLeaf('pipe', columns, rows);
		try {
			pane.keys('Enter');
			await pane.waitFor(readerShows('See one[1]'), {what: 'the article open in the reader'});
			pane.keys('|');
			await pane.waitForText('Pipe to command: _');
			for (const key of 'cat > piped.txt && exit 3') pane.keys(key === ' ' ? 'Space' : key);
			await pane.waitForText('Pipe to command: cat > piped.txt && exit 3_');
			pane.keys('Enter');
			await pane.waitForText('[exit status 3] Press any key to return to leaf.');
			pane.keys('x');
			await pane.waitForText('Exit status 3: `cat > piped.txt && exit 3`');
			const piped = readFileSync(join(library, '..', 'piped.txt'), 'utf8');
			assert.equal(piped, linksText);
			const width = columns === 120 ? '57' : '58';
			const cat = execFileSync('node', [leaf, 'cat', join(library, 'links.md'), '--width', width], {encoding: 'utf8'});
			assert.equal(piped, cat);
			// Back in leaf: keys work and the screen is whole again.
			pane.keys('Q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});

	test(`edit at ${columns}x${rows}: the editor gets the file, and the article is read and shown again`, async () => {
		const run = await startLeaf('edit', columns, rows);
		const {pane, library} = run;
		try {
			pane.keys('Enter');
			await pane.waitFor(readerShows('See one[1]'), {what: 'the article open in the reader'});
			pane.keys('e');
			await pane.waitForText('Edited links.md');
			assert.equal(await fileText(run.argvFile), `${join(library, 'links.md')}\n`);
			// The new text in the reader (wrapped where it falls), the new title there (and in the list when it shows).
			const screen = await pane.waitForText(/Written[\s│]+by[\s│]+the[\s│]+editor\./);
			assert.match(screen, columns === 120 ? /Links edited[^]*Links edited/ : /Links edited/);
			pane.keys('Q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});

	test(`sort and rescan at ${columns}x${rows}: S cycles the order, R shows new and deleted files`, async () => {
		const {pane, library} = await startLeaf('sort', columns, rows);
		const order = (screen: string) =>
			['Links here', 'Zebra older', 'Apple undated', 'Fresh']
				.filter((title) => screen.includes(title))
				.sort((a, b) => screen.indexOf(a) - screen.indexOf(b));
		try {
			pane.keys('S');
			let screen = await pane.waitForText('oldest first');
			assert.deepEqual(order(screen), ['Zebra older', 'Links here', 'Apple undated']);
			pane.keys('S');
			screen = await pane.waitForText('by title');
			assert.deepEqual(order(screen), ['Links here', 'Zebra older', 'Apple undated'].sort());
			pane.keys('S');
			screen = await pane.waitForText('Sorted newest first.');
			assert.deepEqual(order(screen), ['Links here', 'Zebra older', 'Apple undated']);
			writeFileSync(join(library, 'fresh.md'), '---\ntitle: Fresh\ndate: 2023-01-01\n---\nNew.\n');
			unlinkSync(join(library, 'older.md'));
			pane.keys('R');
			screen = await pane.waitForText('Library read again: 3 articles.');
			assert.deepEqual(order(screen), ['Fresh', 'Links here', 'Apple undated']);
		} finally {
			pane.close();
		}
	});
}
