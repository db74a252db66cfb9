// Stars in the real binary in tmux (run `npm run build` first), at 120x40: `s` stars and unstars, `★ Starred`
// heads the category pane with its count and lists the starred articles, and a restart keeps the stars.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {writeFiles} from '../helpers/temp.ts';
import {e2eSession} from './session.ts';
import type {Pane} from './tmux.ts';

const session = e2eSession('leaf-stars-');

before(() => {
	writeFiles(join(session.home, 'library'), {
		'one.md': '---\ntitle: Newest one\ndate: 2022-03-03\n---\nFirst text.\n',
		'two.md': '---\ntitle: Middle two\ndate: 2022-02-02\n---\nSecond text.\n',
		'three.md': '---\ntitle: Oldest three\ndate: 2021-01-01\n---\nThird text.\n',
	});
});

async function startLeaf(): Promise<Pane> {
	// The same config each start: the stars must be there again.
	const pane = session.start({
		columns: 120,
		rows: 40,
		args: [join(session.home, 'library')],
		config: join(session.home, 'config'),
	});
	await pane.waitFor((screen) => screen.includes('Oldest three') && !screen.includes('indexing'), {
		what: 'the library indexed',
	});
	return pane;
}

const starredRow = (count: number) => new RegExp(`★ Starred +${count}│`);

async function quit(pane: Pane): Promise<void> {
	pane.keys('Q');
	assert.equal(await pane.waitForExit(), 0, pane.screen());
	pane.close();
}

test('s stars and unstars; ★ Starred lists the starred articles with their count, and a restart keeps them', async () => {
	const first = await startLeaf();
	try {
		assert.doesNotMatch(first.screen(), /★ Starred/, 'no ★ Starred row before the first star');
		first.keys('s');
		await first.waitFor((screen) => starredRow(1).test(screen), {what: '★ Starred 1'});
		first.keys('j', 's');
		await first.waitFor((screen) => starredRow(2).test(screen), {what: '★ Starred 2'});
		first.keys('s');
		await first.waitFor((screen) => starredRow(1).test(screen) && screen.includes('Star removed.'), {
			what: 'the second star removed',
		});
		await quit(first);
	} finally {
		first.close();
	}

	const second = await startLeaf();
	try {
		await second.waitFor((screen) => starredRow(1).test(screen), {what: 'the star kept through the restart'});
		// `c` goes to All (under ★ Starred); up and Enter show the starred articles.
		second.keys('c', 'k', 'Enter');
		const screen = await second.waitFor((text) => text.includes('★ Starred 1/1'), {what: 'the starred view'});
		assert.match(screen, /Newest one/);
		assert.doesNotMatch(screen, /Middle two/);
		assert.doesNotMatch(screen, /Oldest three/);
		await quit(second);
	} finally {
		second.close();
	}
});
