import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {openerCommand, openUrl} from '../../src/io/open-url.ts';
import {editorCommand} from '../../src/io/hand-over.ts';
import {tempFolders} from '../helpers/temp.ts';

const tempDir = tempFolders('leaf-open-');

test('the opener: $BROWSER (first of a : list, %s or appended), else xdg-open, open on macOS', () => {
	const url = 'https://a.example/x';
	const cases: [Record<string, string>, NodeJS.Platform, string, string[]][] = [
		[{}, 'linux', 'xdg-open', [url]],
		[{}, 'darwin', 'open', [url]],
		[{BROWSER: ''}, 'linux', 'xdg-open', [url]],
		[{BROWSER: 'firefox'}, 'linux', 'firefox', [url]],
		[{BROWSER: 'firefox --new-tab'}, 'linux', 'firefox', ['--new-tab', url]],
		[{BROWSER: 'w3m %s:lynx'}, 'linux', 'w3m', [url]],
		[{BROWSER: 'chromium --app=%s'}, 'darwin', 'chromium', [`--app=${url}`]],
		[{BROWSER: '  firefox \t --new-tab  :lynx'}, 'linux', 'firefox', ['--new-tab', url]],
		[{BROWSER: ':lynx'}, 'linux', 'xdg-open', [url]],
		[{BROWSER: 'w3m -o %s %s'}, 'linux', 'w3m', ['-o', url, url]],
	];
	for (const [env, platform, command, args] of cases)
		assert.deepEqual(openerCommand(url, env, platform), {command, args}, JSON.stringify(env));
});

test('a URL reaches the browser as one argument, never through a shell', async () => {
	{
		const dir = tempDir();
		const browser = join(dir, 'browser.sh');
		const argv = join(dir, 'argv');
		// Written aside and moved into place: once the file is there, it is whole.
		writeFileSync(
			browser,
			`#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > ${argv}.tmp && mv ${argv}.tmp ${argv}\n`,
		);
		chmodSync(browser, 0o755);
		const url = `https://a.example/$(touch ${dir}/pwned);x\`id\`&y=1`;
		assert.equal(await openUrl(url, {...process.env, BROWSER: browser}), null);
		const deadline = Date.now() + 5000;
		while (!existsSync(argv) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
		assert.equal(readFileSync(argv, 'utf8'), `${url}\n`);
		assert.equal(existsSync(join(dir, 'pwned')), false);
		assert.equal(
			await openUrl(url, {...process.env, BROWSER: join(dir, 'missing')}),
			`${join(dir, 'missing')} not found (set $BROWSER)`,
		);
		// Not executable (no x bit: root cannot run it either): said as the system says it.
		const plain = join(dir, 'plain');
		writeFileSync(plain, '');
		assert.equal(await openUrl(url, {...process.env, BROWSER: plain}), `cannot run ${plain}: spawn ${plain} EACCES`);
	}
});

test('the editor: $VISUAL, else $EDITOR, else vi', () => {
	assert.equal(editorCommand({VISUAL: 'code -w', EDITOR: 'nano'}), 'code -w');
	assert.equal(editorCommand({VISUAL: ' ', EDITOR: 'nano'}), 'nano');
	assert.equal(editorCommand({}), 'vi');
});
