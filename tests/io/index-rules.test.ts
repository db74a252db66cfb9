// The rules an index was made under: what the parser makes of the probe articles, each date as its local calendar
// fields. A parser that reads any probe differently gives other rules, and the index is rebuilt.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {parseArticleMeta} from '../../src/core/article/article.ts';
import {probeRules, rulesFingerprint} from '../../src/io/index-rules.ts';

type Parse = typeof parseArticleMeta;
/** parseArticleMeta, with `change` applied to what it makes of the probe at `path`. */
const changed =
	(path: string, change: (meta: ArticleMeta) => ArticleMeta): Parse =>
	(source, at) => {
		const meta = parseArticleMeta(source, at);
		return at === path ? change(meta) : meta;
	};
const shifted = (ms: number) => (meta: ArticleMeta) => ({...meta, date: new Date(meta.date!.getTime() + ms)});

test('the rules are a SHA-256 of what the parser makes of the probes, the same each time', () => {
	const rules = probeRules(parseArticleMeta);
	assert.match(rules, /^[0-9a-f]{64}$/);
	assert.equal(probeRules(parseArticleMeta), rules);
});

test('a parser that reads any probe differently, down to a millisecond of a date, gives other rules', () => {
	const rules = probeRules(parseArticleMeta);
	const probe = 'probe/Cafe\u0301 probe.md';
	const others: [string, Parse][] = [
		['the title', changed(probe, (meta) => ({...meta, title: `${meta.title} `}))],
		['the id', changed(probe, (meta) => ({...meta, id: 'ffffffffffffffff'}))],
		['the categories', changed(probe, (meta) => ({...meta, categories: meta.categories.slice(1)}))],
		['the date by a millisecond', changed(probe, shifted(1))],
		['the date by a second', changed(probe, shifted(1000))],
		['the date by a minute', changed(probe, shifted(60_000))],
		['the date by an hour', changed(probe, shifted(3_600_000))],
		['the date by a day', changed(probe, shifted(86_400_000))],
		['the date by 31 days', changed(probe, shifted(31 * 86_400_000))],
		['the date by a year', changed(probe, shifted(366 * 86_400_000))],
		['no date', changed(probe, (meta) => ({...meta, date: null}))],
		['a broken front matter', changed('broken.md', (meta) => ({...meta, warning: null}))],
		['no front matter', changed('plain.markdown', (meta) => ({...meta, title: 'other'}))],
	];
	for (const [what, parse] of others) assert.notEqual(probeRules(parse), rules, what);
});

test('the fingerprint of this process: 16 hex characters, worked out once', async () => {
	const fingerprint = await rulesFingerprint();
	assert.match(fingerprint, /^[0-9a-f]{16}$/);
	assert.equal(await rulesFingerprint(), fingerprint);
	assert.equal(rulesFingerprint(), rulesFingerprint());
});
