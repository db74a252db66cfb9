// Quitting while indexing, through the real `bin/leaf.js` (run `npm run build` first) in tmux: the shell comes back
// without waiting for the indexing, and what was read is kept in the index, even when saving it is slow.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {indexFileFor, readIndex} from '../../src/io/index-cache.ts';
import {e2eSession} from './session.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const session = e2eSession('leaf-quit-', `leaf-quit-${process.pid}`);

// Indexing is held after the first files (LEAF_TEST_HOLD_INDEXING): a load that had to finish before quitting
// would never end, so an exit at all shows that quitting does not wait for indexing; no clock is involved. What was
// read before quitting is kept in the index.
const HELD_LIBRARY_SIZE = 2000;
const READ_BEFORE_HOLD = 300;

test('quitting while indexing gives the shell back without waiting for it, and keeps what was indexed', async (t) => {
	// The index is saved as on a slow disk (1.5 s), longer than leaf lingers for reads under way after quitting.
	const slowSave = join(repo, 'tests/helpers/slow-index-save.mjs');
	const big = join(session.home, 'big-library');
	for (let folder = 0; folder < 20; folder++) mkdirSync(join(big, `f${folder}`), {recursive: true});
	for (let index = 0; index < HELD_LIBRARY_SIZE; index++) {
		const text = `---\ntitle: Article ${index}\ndate: 2022-03-03 10:00:00\ncategories:\n- Bulk\n---\n<p>Body ${index}.</p>\n`;
		writeFileSync(join(big, `f${index % 20}`, `a${index}.md`), text);
	}
	const config = mkdtempSync(join(session.home, 'config-'));
	const cache = join(config, 'cache');
	const exitedAt = join(config, 'exited-at');
	const pane = session.start({
		columns: 120,
		rows: 40,
		args: [big, exitedAt],
		config,
		// The time the program ended, written by the shell that waited for it (the same clock as Date.now()).
		via: ['sh', '-c', '"$0" "$1" "$2"; status=$?; date +%s%3N > "$3"; exit $status'],
		env: {LEAF_TEST_HOLD_INDEXING: String(READ_BEFORE_HOLD), NODE_OPTIONS: `--import=${slowSave}`},
	});
	// Every file found, and indexing held: the first files read (those the index must keep), some articles listed.
	// Any count on the way there would let q come before the files the assertion below counts on were read.
	const done = (screen: string) => Number(/indexing ([\d,]+) \/ 2,000/.exec(screen)?.[1]?.replace(/,/g, '') ?? 0);
	await pane.waitFor((screen) => done(screen) >= READ_BEFORE_HOLD && /All · [1-9][\d,]* articles/.test(screen), {
		timeoutMs: 60_000,
		what: 'indexing held with some articles in',
	});
	const quitAt = Date.now();
	pane.keys('q');
	assert.equal(await pane.waitForExit({timeoutMs: 60_000}), 0);
	t.diagnostic(`the shell came back ${Number(readFileSync(exitedAt, 'utf8')) - quitAt} ms after q`);
	assert.ok(!/articles +│/.test(pane.screen()), 'the alternate screen is left');
	pane.close();

	const file = indexFileFor(realpathSync(big), {XDG_CACHE_HOME: cache});
	assert.ok(file);
	const kept = await readIndex(file, realpathSync(big));
	assert.ok(kept, 'the articles indexed before quitting are kept');
	assert.ok(
		kept.metas.length >= READ_BEFORE_HOLD && kept.metas.length < HELD_LIBRARY_SIZE,
		`${kept.metas.length} articles in the index`,
	);
});
