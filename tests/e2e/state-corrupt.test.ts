// Read state that is never lost, through the real `bin/leaf.js` (run `npm run build` first) in tmux:
// a corrupted state file is kept aside with a notice, and a fresh state is written.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Listed} from './state-harness.ts';
import {
	UNREAD,
	articles,
	home,
	listJson,
	makeLibrary,
	openArticle,
	quit,
	readTitles,
	runList,
	startBrowser,
	stateFile,
} from './state-harness.ts';

/** Every file under a folder with its bytes and modification time: what "wrote nothing" compares. */
function snapshot(folder: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const name of readdirSync(folder, {recursive: true}) as string[]) {
		const file = join(folder, name);
		const stat = statSync(file);
		files.set(
			name,
			stat.isDirectory() ? `dir ${stat.mtimeMs}` : `${stat.mtimeMs} ${readFileSync(file).toString('base64')}`,
		);
	}
	return files;
}

const corruptions: {name: string; bytes: Buffer}[] = [
	{name: 'truncated JSON', bytes: Buffer.from('{"version":1,"read":["0123456789abcdef","fedc')},
	{
		name: 'binary garbage with an escape sequence',
		bytes: Buffer.from([0xff, 0xfe, 0x00, 0x1b, ...Buffer.from(']2;pwned\x07\x1b[31m'), 0x80, 0xc3, 0x28]),
	},
	{name: 'JSON of the wrong shape', bytes: Buffer.from('{"version":1,"read":{"0123456789abcdef":true}}')},
	{name: 'an empty file', bytes: Buffer.alloc(0)},
];

for (const {name, bytes} of corruptions) {
	test(
		`a state file holding ${name}: kept aside with a notice, then a fresh state is written`,
		{timeout: 60_000},
		async () => {
			const library = makeLibrary();
			const config = mkdtempSync(join(home, 'config-'));
			mkdirSync(join(config, 'leaf'));
			writeFileSync(stateFile(config), bytes);

			// `leaf list` only reads: every article unread, one warning, nothing renamed or written.
			const before = snapshot(config);
			const listed = runList(library, config);
			assert.equal(listed.status, 0, listed.stderr);
			assert.deepEqual(readTitles(JSON.parse(listed.stdout) as Listed[]), []);
			assert.equal(
				listed.stderr.split('\n').filter((line) => line.trim() !== '').length,
				1,
				`one warning line:\n${listed.stderr}`,
			);
			const plain = runList(library, config, false);
			assert.equal(plain.status, 0, plain.stderr);
			assert.equal(
				plain.stdout.split('\n').filter((line) => line.includes(UNREAD)).length,
				articles.length,
				plain.stdout,
			);
			assert.deepEqual(snapshot(config), before, 'leaf list changed the config folder');

			const pane = await startBrowser(library, config);
			const title = pane.lines()[0] ?? '';
			assert.match(title, /read state/i, `the notice on the title line:\n${pane.screen()}`);
			assert.match(title, /kept/i, pane.screen());
			assert.doesNotMatch(pane.format('#{pane_title}'), /pwned/);
			const aside = readdirSync(join(config, 'leaf')).filter((file) => file.startsWith('config.json.corrupt-'));
			assert.equal(aside.length, 1, `one file kept aside: ${aside.join(', ')}`);
			assert.deepEqual(readFileSync(join(config, 'leaf', aside[0]!)), bytes, 'the kept file holds the original bytes');

			await openArticle(pane, 'Bravo note');
			await quit(pane);
			const state = JSON.parse(readFileSync(stateFile(config), 'utf8')) as {
				version: number;
				libraries: Record<string, {root: string; read: string[]}>;
			};
			const all = listJson(library, config);
			const bravo = all.find((item) => item.title === 'Bravo note')!;
			assert.equal(state.version, 2);
			assert.deepEqual(
				Object.values(state.libraries).map((entry) => [entry.root, entry.read]),
				[[realpathSync(library), [bravo.id]]],
			);
			assert.deepEqual(readTitles(all), ['Bravo note']);
			assert.deepEqual(readFileSync(join(config, 'leaf', aside[0]!)), bytes, 'the kept file is left alone');
		},
	);
}
