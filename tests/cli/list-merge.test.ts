import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {sortNewestFirst, sortTime} from '../../src/core/article/order.ts';
import {mergeNewestFirst} from '../../src/cli/list-merge.ts';
import {seededRandom} from '../helpers/random.ts';
import {articleMeta} from '../helpers/article.ts';

const meta = (path: string, time: number | null): ArticleMeta =>
	articleMeta({id: path, path, title: path, date: time === null ? null : new Date(time)});

test('cached lines and fresh articles merge into the one newest-first order, ties by path, undated last', () => {
	const random = seededRandom(13);
	for (let round = 0; round < 200; round++) {
		const all = Array.from({length: Math.floor(random() * 30)}, (_, i) =>
			meta(`${Math.floor(random() * 1000)}-${i}.md`, random() < 0.15 ? null : Math.floor(random() * 8) * 1000),
		);
		const cached = sortNewestFirst(all.filter(() => random() < 0.6));
		const fresh = sortNewestFirst(all.filter((article) => !cached.includes(article)));
		const {lines, freshBefore} = mergeNewestFirst(
			Float64Array.from(cached, sortTime),
			cached.map((article) => article.path),
			fresh,
		);
		const merged = Array.from(lines, (source) => (source >= 0 ? cached[source]! : fresh[~source]!));
		assert.deepEqual(merged, sortNewestFirst(all));
		// The fresh articles just before each cached line, and those after the last.
		cached.forEach((article, row) => {
			const before = fresh.slice(freshBefore[row], freshBefore[row + 1]);
			const at = merged.indexOf(article);
			assert.deepEqual(merged.slice(at - before.length, at), before);
		});
		assert.equal(freshBefore[cached.length + 1], fresh.length);
		const after = fresh.slice(freshBefore[cached.length]);
		assert.deepEqual(merged.slice(merged.length - after.length), after);
	}
});
