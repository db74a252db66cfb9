// What a start of the browser loads as modules, through the real `bin/leaf.js` (run `npm run build` first) in
// tmux: the command line is one ES module, dist/cli.js, and the browser is its two scripts (src/io/browser-script.ts),
// which are read as files, not loaded as modules. Each module more cost the start about 1.5 ms (README, Speed).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {writeLoadLogger} from '../helpers/load-log.ts';
import {e2eSession} from './session.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const session = e2eSession('leaf-modules-', `leaf-modules-${process.pid}`);

test("a start of the browser loads leaf's command line as one module, and no module of the bundle after it", async () => {
	const library = join(session.home, 'library');
	mkdirSync(library, {recursive: true});
	for (const name of ['one', 'two'])
		writeFileSync(
			join(library, `${name}.md`),
			`---\ntitle: Article ${name}\ndate: 2022-03-03\n---\n<p>body of ${name}</p>\n`,
		);
	const log = join(session.home, 'loaded.log');
	writeFileSync(log, '');
	const pane = session.start({
		columns: 120,
		rows: 30,
		args: [library],
		env: {NODE_OPTIONS: `--import=${writeLoadLogger(session.home)}`, LEAF_LOAD_LOG: log},
	});
	// At 120 columns the article under the cursor is opened too: the later script has run by then.
	await pane.waitFor((screen) => screen.includes('Article two') && /2 unread/.test(screen), {
		what: 'the first frame',
	});
	await pane.waitFor((screen) => /body of (one|two)/.test(screen), {what: 'the preview'});
	pane.keys('q');
	assert.equal(await pane.waitForExit(), 0);
	pane.close();

	// ES modules by URL; Node's own (node:) and the logger's are not leaf's.
	const loaded = readFileSync(log, 'utf8').trim().split('\n');
	const files = loaded.filter((url) => url.startsWith('file:') && !url.startsWith(pathToFileURL(session.home).href));
	assert.deepEqual(
		files.map((url) => relative(repo, fileURLToPath(url))),
		['bin/leaf.js', 'dist/cli.js'],
		loaded.join('\n'),
	);
});
