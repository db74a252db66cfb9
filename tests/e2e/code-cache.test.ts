// The browser's compiled code (src/io/browser-script.ts) through the real `bin/leaf.js` (run `npm run build` first)
// in tmux: saved by the first start for each of the two scripts (the first frame's and the later one's, which the
// render pipeline's load runs), used by the next as it is, and a damaged cache only made again.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {e2eSession} from './session.ts';

const session = e2eSession('leaf-code-', `leaf-code-${process.pid}`);

/** Each script's cache file once both are there (main.ts saves each two seconds after it runs). */
async function cacheFiles(folder: string): Promise<{first: string; later: string}> {
	for (let waited = 0; waited < 20_000; waited += 100) {
		const names = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.v8')) : [];
		const first = names.find((name) => name.startsWith('browser.cjs-'));
		const later = names.find((name) => name.startsWith('browser-later.cjs-'));
		if (first && later) return {first: join(folder, first), later: join(folder, later)};
		await sleep(100);
	}
	throw new Error(`no code cache of both scripts in ${folder}`);
}

test('the first start saves the compiled code, the next uses it, and a damaged one is made again', async () => {
	const library = join(session.home, 'library');
	mkdirSync(library, {recursive: true});
	for (const name of ['one', 'two'])
		writeFileSync(join(library, `${name}.md`), `---\ntitle: Article ${name}\ndate: 2022-03-03\n---\n<p>${name}</p>\n`);
	const config = mkdtempSync(join(session.home, 'config-'));
	const folder = join(config, 'cache', 'leaf', 'compiled');
	const browse = async (then: () => Promise<void>) => {
		const pane = session.start({columns: 100, rows: 30, args: [library], config});
		await pane.waitFor((screen) => screen.includes('Article two') && /2 unread/.test(screen), {
			what: 'the first frame',
		});
		await then();
		pane.keys('q');
		assert.equal(await pane.waitForExit(), 0);
		pane.close();
	};

	let files = {first: '', later: ''};
	await browse(async () => {
		files = await cacheFiles(folder);
	});
	const file = files.first;
	const saved = statSync(file);
	const savedLater = statSync(files.later);
	assert.ok(saved.size > 100_000, `${saved.size} bytes`);
	assert.ok(savedLater.size > 100_000, `${savedLater.size} bytes`);

	// Used, not written again: a start that ran from them past the moment it would save (2 s) leaves them alone.
	await browse(() => sleep(3000));
	assert.equal(statSync(file).mtimeMs, saved.mtimeMs);
	assert.equal(statSync(files.later).mtimeMs, savedLater.mtimeMs);

	const damaged = readFileSync(file);
	for (let at = 1000; at < damaged.length; at += 4099) damaged[at]! ^= 0xff;
	writeFileSync(file, damaged);
	await browse(async () => {
		for (let waited = 0; readFileSync(file).equals(damaged); waited += 100) {
			assert.ok(waited < 20_000, 'the damaged cache is made again');
			await sleep(100);
		}
	});
	assert.ok(statSync(file).size > 100_000);
});
