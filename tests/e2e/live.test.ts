// A live library in the real binary in tmux (run `npm run build` first): files added, changed and deleted while
// leaf runs show up without a key, the cursor stays on its article and the open article is rendered again where
// the reader was, at 120x40 (three panes) and 60x24 (one pane at a time).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeFiles} from '../helpers/temp.ts';
import {e2eSession, readerShows} from './session.ts';

const paragraphs = Array.from({length: 60}, (_, i) => `Paragraph ${i + 1} of the middle.`).join('\n\n');
const files: Record<string, string> = {
	'news/first.md': '---\ntitle: Alpha newest\ndate: 2026-01-05\n---\nFirst.\n',
	'news/second.md': '---\ntitle: Bravo second\ndate: 2026-01-04\n---\nSecond.\n',
	'news/middle.md': `---\ntitle: Middle long\ndate: 2026-01-03\n---\n${paragraphs}\n`,
	'notes/old.md': '---\ntitle: Zulu oldest\ndate: 2025-01-01\n---\nOld.\n',
};

const sizes: [number, number][] = [
	[120, 40],
	[60, 24],
];

const session = e2eSession('leaf-live-');

/** The list row under the cursor: with FORCE_COLOR=0 the cursor is a marker, `>` focused and `-` not. */
const cursorRow = (lines: string[], marker: '>' | '-') =>
	lines.find((line) => new RegExp(`(^|│)${marker}[● ]`).test(line)) ?? '';

for (const [columns, rows] of sizes) {
	test(`live library at ${columns}x${rows}: added, changed and deleted files appear by themselves`, async () => {
		const dir = join(session.home, `run-${columns}`);
		const library = writeFiles(join(dir, 'library'), files);
		const pane = session.start({columns, rows, args: [library], cwd: dir, env: {FORCE_COLOR: '0'}});
		const wide = columns === 120;
		try {
			await pane.waitFor((screen) => screen.includes('Zulu oldest') && !screen.includes('indexing'), {
				what: 'the library indexed',
			});
			pane.keys('j', 'j');
			await pane.waitFor((_screen, lines) => cursorRow(lines, '>').includes('Middle long'), {
				what: 'the cursor on the long article',
			});
			pane.keys('Enter');
			// Side by side the preview shows the text before Enter is handled, and j scrolls nothing while the reader loads.
			await pane.waitFor(readerShows('Paragraph 1 of the middle.'), {what: 'the long article open in the reader'});
			pane.keys(...Array<string>(8).fill('j'));
			let screen = await pane.waitFor((text) => !text.includes('Paragraph 1 of the middle.'), {
				what: 'the reader scrolled',
			});
			assert.match(screen, /Paragraph 6 of the middle\./);

			// The open article changed on disk: rendered again, where the reader was.
			const middle = join(library, 'news/middle.md');
			writeFileSync(
				middle,
				readFileSync(middle, 'utf8').replace('Paragraph 7 of the middle.', 'Paragraph 7 rewritten live.'),
			);
			screen = await pane.waitForText('Paragraph 7 rewritten live.');
			assert.doesNotMatch(screen, /Paragraph 1 of the middle\./);
			assert.match(screen, /Paragraph 6 of the middle\./);

			// A new article above the cursor, in a new folder, and one above it deleted.
			mkdirSync(join(library, 'later'));
			writeFileSync(join(library, 'later/fresh.md'), '---\ntitle: Fresh arrival\ndate: 2026-02-01\n---\nNew.\n');
			unlinkSync(join(library, 'news/first.md'));
			if (wide) {
				screen = await pane.waitFor((text) => text.includes('Fresh arrival') && !text.includes('Alpha newest'), {
					what: 'the list with the new article and without the deleted one',
				});
				assert.match(cursorRow(screen.split('\n'), '-'), /Middle long/);
				// The reader kept its place.
				assert.match(screen, /Paragraph 7 rewritten live\./);
				assert.doesNotMatch(screen, /Paragraph 1 of the middle\./);
			}
			pane.keys('Escape');
			screen = await pane.waitFor(
				(text, lines) =>
					text.includes('Fresh arrival') && !text.includes('Alpha newest') && cursorRow(lines, '>') !== '',
				{what: 'the list with the new article and without the deleted one'},
			);
			assert.match(cursorRow(screen.split('\n'), '>'), /Middle long/);
			// The list rows in their order: on each line, the first pane part with a date (the list comes before the
			// reader, whose header and date line name the open article too).
			const rows = screen
				.split('\n')
				.map((line) => line.split('│').find((part) => /\d{4}-\d{2}-\d{2}/.test(part)) ?? '')
				.filter((part) => part !== '');
			const order = ['Fresh arrival', 'Bravo second', 'Middle long', 'Zulu oldest'];
			const rowOf = (title: string) => rows.findIndex((line) => line.includes(title));
			assert.deepEqual(order.map(rowOf), [0, 1, 2, 3]);
			pane.keys('q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});
}
