// The browser's compiled code (src/io/browser-script.ts) through the real `bin/leaf.js` (run `npm run build` first)
// in tmux: saved by the first start, used by the next as it is, and a damaged cache only made again.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {e2eSession} from './session.ts';

const session = e2eSession('leaf-code-', `leaf-code-${process.pid}`);

/** The cache file once there is one (main.ts saves it two seconds into a start). */
async function cacheFile(folder: string): Promise<string> {
	for (let waited = 0; waited < 20_000; waited += 100) {
		const name = existsSync(folder) ? readdirSync(folder).find((file) => file.endsWith('.v8')) : undefined;
		if (name) return join(folder, name);
		await sleep(100);
	}
	throw new Error(`no code cache in ${folder}`);
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

	let file = '';
	await browse(async () => {
		file = await cacheFile(folder);
	});
	const saved = statSync(file);
	assert.ok(saved.size > 100_000, `${saved.size} bytes`);

	// Used, not written again: a start that ran from it past the moment it would save (2 s) leaves it alone.
	await browse(() => sleep(3000));
	assert.equal(statSync(file).mtimeMs, saved.mtimeMs);

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
