// The index-first start in a real terminal (the built bin/leaf.js in tmux): the articles of the index
// are listed at once, then the walk applies what changed while leaf was closed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {e2eSession, readerShows, statusLine as status} from './session.ts';
import type {Pane} from './tmux.ts';

const article = (title: string, date: string, body: string, extra = '') =>
	`---\ntitle: ${title}\ndate: ${date}\n${extra}---\n<p>${body}</p>\n`;

const session = e2eSession('leaf-e2e-index-', `leaf-test-index-${process.pid}`);
const startLeaf = (library: string, config: string): Pane =>
	session.start({columns: 120, rows: 30, args: [library], config});

const grouped = new Intl.NumberFormat('en-US');
const finished = (count: number) => (_: string, lines: string[]) =>
	!status(lines).includes('indexing') && status(lines).includes(`${grouped.format(count)} in library`);

// Parsing these takes a while (a long tag list each), so the walk is still at work when the first frame is drawn.
const BULK = 3000;
const bulkTags = Array.from({length: 60}, (_, index) => `- tag${index} 标签`).join('\n');

test(
	'files added, changed and deleted while leaf was closed: listed at once from the index, corrected by the walk, the cursor kept on its article',
	{timeout: 120_000},
	async () => {
		const library = join(session.home, 'library');
		mkdirSync(library);
		const files: Record<string, string> = {
			'alpha.md': article('Alpha', '2022-03-05 10:00:00', 'Alpha body.'),
			'beta.md': article('Beta', '2022-03-04 10:00:00', 'Beta body.'),
			'gamma.md': article('Gamma', '2022-03-03 10:00:00', 'Gamma old body.'),
			'delta.md': article('Delta', '2022-03-02 10:00:00', 'Delta body.'),
			'epsilon.md': article('Epsilon', '2022-03-01 10:00:00', 'Epsilon body.'),
		};
		for (const [path, text] of Object.entries(files)) writeFileSync(join(library, path), text);
		const config = mkdtempSync(join(session.home, 'config-'));

		// The first start indexes the five articles.
		const first = startLeaf(library, config);
		await first.waitFor(finished(5), {what: '5 articles indexed', timeoutMs: 30_000});
		first.keys('q');
		assert.equal(await first.waitForExit(), 0);
		first.close();

		// While leaf is closed: Gamma changes, Delta goes, and many newer articles arrive.
		writeFileSync(join(library, 'gamma.md'), article('Gamma revised', '2022-03-03 10:00:00', 'Gamma new body.'));
		rmSync(join(library, 'delta.md'));
		mkdirSync(join(library, 'bulk'));
		for (let index = 0; index < BULK; index++)
			writeFileSync(
				join(library, 'bulk', `b${index}.md`),
				article(`Bulk ${index}`, '2023-01-01 10:00:00', `Bulk ${index}.`, `tags:\n${bulkTags}\n`),
			);

		const pane = startLeaf(library, config);
		// The index's five are on the first frame, old titles and all, while the walk goes on.
		const indexed = await pane.waitFor(
			(_, lines) => status(lines).includes('5 in library') && status(lines).includes('indexing'),
			{what: 'the five indexed articles while the walk goes on', timeoutMs: 30_000},
		);
		for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) assert.ok(indexed.includes(title), title);
		// Two rows down from Alpha, among the five: Gamma. (Had the walk's new articles come first, the cursor, still on
		// the top row, would have stayed there and gone down among them.) The status line's 3/5 may last only a few
		// milliseconds before they come in above, so the wait is for the preview, which stays on Gamma.
		pane.keys('j', 'j');
		await pane.waitFor((screen) => /Preview · Gamma\b/.test(screen.split('\n')[0] ?? ''), {
			what: 'the cursor on Gamma',
		});

		// After the walk: 5 - 1 + 3000 articles; the cursor is still on Gamma, now below the new ones.
		const done = await pane.waitFor(finished(BULK + 4), {what: 'the walk to end', timeoutMs: 90_000});
		assert.match(status(done.split('\n')), new RegExp(`\\b${grouped.format(BULK + 3)}/${grouped.format(BULK + 4)}\\b`));
		assert.ok(done.includes('Gamma revised'), 'the changed title');
		assert.ok(!done.includes('Delta'), 'the deleted article is gone');
		assert.ok(done.includes('Epsilon'));
		pane.keys('Enter');
		// The preview shows the new text before Enter is handled: the reader must have it.
		await pane.waitFor(readerShows('Gamma new body.'), {what: 'Gamma revised open in the reader'});
		pane.keys('Q');
		assert.equal(await pane.waitForExit(), 0);
		pane.close();
	},
);
