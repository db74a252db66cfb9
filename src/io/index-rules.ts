// The rules an index was made under: what parseArticleMeta makes of probe articles, with the runtime and the time
// zone. An index made under other rules is rebuilt (index-cache.ts). Apart from the payload because it holds state
// (the fingerprint is worked out once per process).
import {createHash} from 'node:crypto';
import type {parseArticleMeta} from '../core/article/article.ts';

/** probeRules(parseArticleMeta), worked out by scripts/build.mjs for the bundle; undefined under tsx. */
declare const __LEAF_RULES__: string | undefined;

let fingerprint: Promise<string> | undefined;

/**
 * What the metadata of an article depends on besides its file. A cached article is only as good as the
 * rules that made it: if a later leaf reads titles, dates, categories or ids differently, or the time zone
 * is another (zone-less dates are local time), the index is rebuilt. The rules are what parseArticleMeta
 * makes of probe articles (probeRules): worked out by scripts/build.mjs for the bundle, so that opening an
 * index loads neither the parser nor YAML, and here under tsx; with the runtime and the time zone added.
 */
export function rulesFingerprint(): Promise<string> {
	fingerprint ??= (
		typeof __LEAF_RULES__ === 'string'
			? Promise.resolve(__LEAF_RULES__)
			: import('../core/article/article.ts').then(({parseArticleMeta}) => probeRules(parseArticleMeta))
	).then((rules) =>
		createHash('sha256')
			.update(
				JSON.stringify([
					rules,
					process.version,
					new Date(2021, 0, 1).getTime(),
					new Date(2021, 6, 1).getTime(),
					new Date(2021, 9, 28, 14, 8, 7).getTime(),
				]),
			)
			.digest('hex')
			.slice(0, 16),
	);
	return fingerprint;
}

/**
 * A hash of what `parse` makes of probe articles, each date as its local calendar fields: the same in every
 * time zone for the zone-less dates of the probes (the zone is in rulesFingerprint).
 */
export function probeRules(parse: typeof parseArticleMeta): string {
	const local = (date: Date | null) =>
		date && [
			date.getFullYear(),
			date.getMonth(),
			date.getDate(),
			date.getHours(),
			date.getMinutes(),
			date.getSeconds(),
			date.getMilliseconds(),
		];
	const metas = [
		parse(PROBE, 'probe/Cafe\u0301 probe.md'),
		parse('---\ntitle: [broken\n---\n', 'broken.md'),
		parse('no front matter', 'plain.markdown'),
	];
	return createHash('sha256')
		.update(JSON.stringify(metas.map((meta) => ({...meta, date: local(meta.date)}))))
		.digest('hex');
}

const PROBE = [
	'',
	'---',
	'title: "Probe \\e[31m  title\\t"',
	'date: 2021-10-28 14:08:07',
	'author: {name: Probe}',
	'categories: [[新媒体, 趣头条], 编程]',
	'tag: [a, a, 3]',
	'thumbnail: cover.png',
	'url: https://example.com/probe',
	'---',
	'<p>body</p>',
].join('\r\n');
