// `/` and `F` in the real binary in tmux (run `npm run build` first, as `npm test` does), wide and narrow.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {writeFiles} from '../helpers/temp.ts';
import {e2eSession, statusLine} from './session.ts';

const session = e2eSession('leaf-e2e-find-');

const article = (title: string, date: string, categories: string, body: string) =>
	`---\ntitle: ${title}\ndate: ${date}\ncategories:\n${categories}---\n${body}\n`;

const filler = Array.from({length: 60}, (_, index) => `<p>Filler paragraph number ${index}.</p>`).join('\n');

let library: string;

before(() => {
	library = writeFiles(join(session.home, 'library'), {
		'tech/rust.md': article('Rust lifetimes', '2022-03-03 10:00:00', '- Tech\n- Rust\n', '<p>Borrowing explained.</p>'),
		'tech/go.md': article(
			'Go generics',
			'2022-03-02 10:00:00',
			'- Tech\n- Go\n',
			`${filler}\n<p>A wombat appears.</p>`,
		),
		'life/tea.md': article(
			'中国的茶',
			'2022-03-01 10:00:00',
			'- 生活\n',
			'<p>喝<strong>茶</strong>的<a href="https://wombat.example">地方</a>。</p>',
		),
		'life/cook.md': article(
			'Slow cooking',
			'2022-02-01 10:00:00',
			'- Life\n',
			'<p>Braise, then a wom<em>bat</em>.</p>',
		),
	});
});

const startLeaf = (columns: number, rows: number) => session.start({columns, rows, args: [library]});

for (const [columns, rows] of [
	[120, 40],
	[60, 24],
] as const) {
	test(`/ filters the list as you type, Enter keeps it, Esc clears it (${columns}x${rows})`, async () => {
		const pane = startLeaf(columns, rows);
		try {
			await pane.waitForText('4 articles');
			pane.keys('Down', '/', 'T', 'E', 'C', 'H');
			let screen = await pane.waitForText('Filter: TECH_');
			assert.match(screen, /2 listed/);
			assert.ok(screen.includes('Go generics') && screen.includes('Rust lifetimes'));
			assert.ok(!screen.includes('Slow cooking'));
			pane.keys('Enter');
			screen = await pane.waitFor((_, lines) => statusLine(lines).includes('filter "TECH": 2'), {what: 'kept filter'});
			assert.match(statusLine(screen.split('\n')), /2\/2/, 'the cursor stayed on Go generics, the second row');
			pane.keys('Escape');
			await pane.waitFor((_, lines) => statusLine(lines).includes('/4') && !statusLine(lines).includes('filter'), {
				what: 'the filter cleared',
			});
			pane.keys('/', '茶');
			screen = await pane.waitForText('1 listed');
			assert.ok(screen.includes('中国的茶'));
			pane.keys('Escape');
			await pane.waitFor((_, lines) => statusLine(lines).includes('/4'), {what: 'the prompt cancelled'});
			pane.keys('q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});

	test(`F finds words in the text as shown, opens at the match, ] and [ move between matches (${columns}x${rows})`, async () => {
		const pane = startLeaf(columns, rows);
		try {
			await pane.waitForText('4 articles');
			pane.keys('F', 'w', 'o', 'm', 'b', 'a', 't', 'Enter');
			// In Go generics' text, and across markup in Slow cooking; only in a link's URL in the tea article.
			let screen = await pane.waitFor((_, lines) => statusLine(lines).includes('search "wombat": 2 found'), {
				what: 'two results',
			});
			assert.ok(screen.includes('Go generics') && screen.includes('Slow cooking'));
			assert.ok(!screen.includes('中国的茶'));
			pane.keys('Enter');
			screen = await pane.waitForText('A wombat appears.');
			assert.ok(!screen.includes('Filler paragraph number 0.'), 'scrolled down to the match');
			assert.match(statusLine(screen.split('\n')), /match 1\/1/);
			// One match: ] stays on it. The text is there before and after, so a key bound to nothing follows: once it
			// is answered, ] has been handled.
			pane.keys(']', 'x');
			screen = await pane.waitFor((_, lines) => statusLine(lines).startsWith(' x: no such key'), {what: '] handled'});
			assert.ok(screen.includes('A wombat appears.'), `] stayed on the only match:\n${screen}`);
			// Two Escs sent together can reach leaf as one Alt+Esc, which reads as one Esc: the second once the reader
			// has closed on the first (the status line back, on the results: no match count).
			pane.keys('Escape');
			await pane.waitFor(
				(_, lines) => statusLine(lines).includes('search "wombat": 2 found') && !statusLine(lines).includes('match'),
				{what: 'the reader closed, the results listed'},
			);
			pane.keys('Escape');
			await pane.waitFor((_, lines) => statusLine(lines).includes('/4') && !statusLine(lines).includes('search'), {
				what: 'the results left',
			});
			pane.keys('q');
			assert.equal(await pane.waitForExit(), 0);
		} finally {
			pane.close();
		}
	});
}
