// Stars in the real binary in tmux (run `npm run build` first), at 120x40: `s` stars and unstars, `★ Starred`
// heads the category pane with its count and lists the starred articles, and a restart keeps the stars.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Pane} from './tmux.ts';
import {Tmux} from './tmux.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const leaf = join(repo, 'bin/leaf.js');

let home: string;
let tmux: Tmux;

before(() => {
	assert.ok(existsSync(join(repo, 'dist/cli.js')), 'the bundle is missing: run `npm run build` first');
	home = mkdtempSync(join(tmpdir(), 'leaf-stars-'));
	tmux = new Tmux();
	const library = join(home, 'library');
	mkdirSync(library, {recursive: true});
	writeFileSync(join(library, 'one.md'), '---\ntitle: Newest one\ndate: 2022-03-03\n---\nFirst text.\n');
	writeFileSync(join(library, 'two.md'), '---\ntitle: Middle two\ndate: 2022-02-02\n---\nSecond text.\n');
	writeFileSync(join(library, 'three.md'), '---\ntitle: Oldest three\ndate: 2021-01-01\n---\nThird text.\n');
});

after(() => {
	tmux?.kill();
	if (home) rmSync(home, {recursive: true, force: true});
});

async function startLeaf(): Promise<Pane> {
	const pane = tmux.start({
		columns: 120,
		rows: 40,
		command: ['node', leaf, join(home, 'library')],
		cwd: home,
		unset: ['CI'],
		env: {
			XDG_CONFIG_HOME: join(home, 'config'),
			XDG_CACHE_HOME: join(home, 'cache'),
			TERM: 'xterm-256color',
			LANG: 'C.UTF-8',
		},
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
