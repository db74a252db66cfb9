// The index's head in a real terminal (the built bin/leaf.js in tmux): a library larger than the head starts from
// its newest articles, then the rest of the index and the walk's corrections arrive, the cursor kept on its article.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {HEAD_ROWS} from '../../src/io/index-cache.ts';
import {e2eSession, statusLine as status} from './session.ts';

const session = e2eSession('leaf-e2e-head-', `leaf-test-head-${process.pid}`);
const COUNT = HEAD_ROWS + 44;
const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const article = (title: string, i: number) => `---\ntitle: ${title}\ndate: ${day(i)} 10:00:00\n---\n<p>${title}.</p>\n`;
const grouped = new Intl.NumberFormat('en-US');
const finished = (count: number) => (_: string, lines: string[]) =>
	!status(lines).includes('indexing') && status(lines).includes(`${grouped.format(count)} in library`);
/** The article under the cursor, as the preview's header names it. */
const previewed = (screen: string) => /Preview · (\S+)/.exec(screen.split('\n')[0] ?? '')?.[1] ?? null;
/** The preview shows `title`, the status line says it is row `row` of the whole library. */
const at = (title: string, row: number) => (screen: string, lines: string[]) =>
	previewed(screen) === title &&
	new RegExp(`\\b${grouped.format(row)}/${grouped.format(COUNT - 1)}\\b`).test(status(lines));

test(
	'a library larger than the head: its newest first, then the rest and what changed, the cursor kept',
	{timeout: 120_000},
	async () => {
		const library = join(session.home, 'library');
		mkdirSync(library);
		for (let i = 0; i < COUNT; i++) writeFileSync(join(library, `a${i}.md`), article(`T${i}`, i));
		const config = mkdtempSync(join(session.home, 'config-'));
		const start = () => session.start({columns: 120, rows: 30, args: [library], config});

		// The first start indexes them; the cursor is left on the fourth, T296, and the session keeps it.
		const first = start();
		await first.waitFor(finished(COUNT), {what: `${COUNT} articles indexed`, timeoutMs: 30_000});
		first.keys('j', 'j', 'j');
		await first.waitFor((screen) => previewed(screen) === `T${COUNT - 4}`, {what: 'the cursor on the fourth'});
		first.keys('q');
		assert.equal(await first.waitForExit(), 0);
		first.close();

		// While leaf is closed: the newest changes, one in the head (below the first screen) and one older than the
		// head go, a newer one comes.
		writeFileSync(join(library, `a${COUNT - 1}.md`), article('Revised', COUNT - 1));
		rmSync(join(library, `a${COUNT - 100}.md`));
		rmSync(join(library, 'a1.md'));
		writeFileSync(join(library, 'new.md'), article('Newcomer', COUNT + 1));

		// The head holds the restored cursor: the first frame has it, then the rest and the walk's changes come.
		const pane = start();
		await pane.waitFor((screen) => previewed(screen) === `T${COUNT - 4}`, {what: 'the restored cursor'});
		const done = await pane.waitFor(finished(COUNT - 1), {what: 'the walk to end', timeoutMs: 60_000});
		assert.equal(previewed(done), `T${COUNT - 4}`, 'the cursor is on the article it was on');
		assert.match(status(done.split('\n')), new RegExp(`\\b5/${grouped.format(COUNT - 1)}\\b`), 'one row down');
		assert.ok(done.includes('Revised') && !done.includes(`T${COUNT - 1} `), 'the changed title');
		// The new article is first (the list kept its place on screen as it came in above).
		// Each wait is for the top line and the status line together: a frame is written from the top down, and a
		// capture in the middle of one has the new header above the old (or no) status line.
		pane.keys('g');
		await pane.waitFor(at('Newcomer', 1), {what: 'the new article first, on row 1'});
		// Every article is there once: the last row is the oldest left, T0, at the end of the list.
		pane.keys('G');
		await pane.waitFor(at('T0', COUNT - 1), {what: 'T0 on the last row'});
		pane.keys('Q');
		assert.equal(await pane.waitForExit(), 0);
		pane.close();
	},
);
