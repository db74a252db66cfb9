// Run with `node --import tsx`: the read-state file's size after reading and scrolling N articles of a library,
// through leaf's own store (io/read-state.ts) in a throwaway config folder: each article marked read, left at a
// reading position, and a session kept, as the browser does. Then as many again, to show that positions are capped
// (the marks are not). Prints {bytes, positions, moreBytes, morePositions} as JSON. Arguments: the folder, N.
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {articleId} from '../../src/core/article/article.ts';
import {walkLibrary} from '../../src/io/library-walk.ts';
import {openReadStore} from '../../src/io/read-state.ts';

const [dir, countText = '1000'] = process.argv.slice(2);
const count = Number(countText);
const paths = [];
for (const batch of walkLibrary(dir, () => {})) paths.push(...batch.paths);
paths.sort();
if (paths.length < 2 * count) throw new Error(`${dir} has ${paths.length} articles, fewer than ${2 * count}`);

const config = mkdtempSync(join(tmpdir(), 'leaf-bench-state-'));
try {
	const store = openReadStore({library: dir, cwd: config});
	const read = (from, to) => {
		for (let n = from; n < to; n++) {
			const id = articleId(paths[n]);
			store.setRead(id, true);
			// Somewhere in the article, as a reader leaves it: never the top (that keeps no position).
			store.setPosition(id, ((n * 7919) % 997) / 1000 + 0.001);
		}
		store.setSession({
			category: ['新媒体', '趣头条'],
			starred: false,
			query: '',
			cursor: articleId(paths[to - 1]),
			open: articleId(paths[to - 1]),
			focus: 'reader',
			sort: 'newest',
		});
		store.flush();
		const file = join(config, 'config.json');
		const positions = Object.values(JSON.parse(readFileSync(file, 'utf8')).libraries)[0]?.positions ?? {};
		return {bytes: statSync(file).size, positions: Object.keys(positions).length};
	};
	const first = read(0, count);
	const more = read(count, 2 * count);
	process.stdout.write(
		JSON.stringify({
			bytes: first.bytes,
			positions: first.positions,
			moreBytes: more.bytes,
			morePositions: more.positions,
		}),
	);
} finally {
	rmSync(config, {recursive: true, force: true});
}
