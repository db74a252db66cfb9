// The index payload: what toPayload stores and what fromPayload accepts back. A cached string holding anything
// sanitizeLine never leaves (controls, bidi controls, line separators, lone surrogates) was not written by leaf.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ArticleMeta} from '../../src/core/article/article.ts';
import {fromPayload, toPayload} from '../../src/io/index-payload.ts';

const good: ArticleMeta = {
	id: '0123456789abcdef',
	path: 'dir/ok.md',
	title: 'OK 中文 😀',
	date: new Date('2021-10-28T06:08:07Z'),
	author: 'Ann',
	categories: [['新媒体', '趣头条']],
	tags: ['a', 'b'],
	image: 'https://e.example/i.png',
	link: 'https://e.example/',
	warning: null,
};
const goodStats = [10, 1_600_000_000_000, 1_600_000_000_001];

/** Characters that must never come back from the index (written out, not taken from the implementation). */
const unsafe: [string, string][] = [
	['NUL', '\u0000'],
	['ESC', '\u001b'],
	['US', '\u001f'],
	['DEL', '\u007f'],
	['C1 NEL', '\u0085'],
	['C1 APC', '\u009f'],
	['line separator', '\u2028'],
	['paragraph separator', '\u2029'],
	['LRE', '\u202a'],
	['RLO', '\u202e'],
	['LRI', '\u2066'],
	['PDI', '\u2069'],
	['lone high surrogate', '\ud800'],
	['lone high surrogate, last', '\udbff'],
	['lone low surrogate', '\udc00'],
	['lone low surrogate, last', '\udfff'],
];
/** Their neighbours, which are fine. */
const safe = ['\u0020', '\u00a0', '\u2027', '\u202f', '\u2065', '\u206a', '\ud83d\ude00', '\ufffd'];

const roundTrip = (metas: ArticleMeta[], stats: number[]) => fromPayload(toPayload(metas, stats))?.metas;
const fields = (char: string): [string, ArticleMeta][] => [
	['title', {...good, title: `a${char}b`}],
	['author', {...good, author: `a${char}b`}],
	['category', {...good, categories: [['x', `a${char}b`]]}],
	['tag', {...good, tags: [`a${char}b`]}],
	['image', {...good, image: `https://e.example/${char}`}],
	['link', {...good, link: `https://e.example/${char}`}],
	['warning', {...good, warning: `bad${char}`}],
];

test('a row holding a control, bidi control, separator or lone surrogate in any field is left out', () => {
	for (const [name, char] of unsafe) {
		for (const [field, bad] of fields(char)) {
			const other = {...bad, id: 'fedcba9876543210', path: 'bad.md'};
			assert.deepEqual(roundTrip([good, other], [...goodStats, ...goodStats]), [good], `${name} in ${field}`);
		}
	}
});

test('the characters beside those ranges are kept in every field', () => {
	for (const char of safe) {
		for (const [field, meta] of fields(char))
			assert.deepEqual(roundTrip([meta], goodStats), [meta], `${JSON.stringify(char)} in ${field}`);
	}
});

test('a payload changed after writing is refused whole when any string in it is unsafe', () => {
	for (const [name, char] of unsafe) {
		const changes: [string, (payload: ReturnType<typeof toPayload>) => void][] = [
			['title', (payload) => (payload.titles[0] = `x${char}`)],
			['image', (payload) => (payload.images[0] = `x${char}`)],
			['link', (payload) => (payload.links[0] = `x${char}`)],
			['warning', (payload) => (payload.warnings[0] = `x${char}`)],
			['a table entry', (payload) => (payload.table[0] = `x${char}`)],
		];
		for (const [where, change] of changes) {
			const payload = toPayload([good], goodStats);
			change(payload);
			assert.equal(fromPayload(payload), null, `${name} in ${where}`);
		}
	}
});

test('empty names, empty optional fields, bad ids, sizes and times are left out', () => {
	const bad: [string, ArticleMeta, number[]][] = [
		['an empty tag', {...good, tags: ['']}, goodStats],
		['an empty category name', {...good, categories: [['x', '']]}, goodStats],
		['an empty category path', {...good, categories: [[]]}, goodStats],
		['an empty image', {...good, image: ''}, goodStats],
		['an empty link', {...good, link: ''}, goodStats],
		['an empty warning', {...good, warning: ''}, goodStats],
		['a short id', {...good, id: '0123456789abcde'}, goodStats],
		['an upper-case id', {...good, id: '0123456789ABCDEF'}, goodStats],
		['a date past the range of Date', {...good, date: {getTime: () => 8.64e15 + 1} as Date}, goodStats],
		['a negative size', good, [-1, goodStats[1]!, goodStats[2]!]],
		['a fractional size', good, [1.5, goodStats[1]!, goodStats[2]!]],
		['an infinite mtime', good, [1, Number.POSITIVE_INFINITY, goodStats[2]!]],
		['a ctime past the range of Date', good, [1, goodStats[1]!, 8.64e15 + 1]],
	];
	for (const [name, meta, stats] of bad) assert.deepEqual(roundTrip([meta], stats), [], name);
	const edges: [string, ArticleMeta, number[]][] = [
		['no date', {...good, date: null}, goodStats],
		['the last date', {...good, date: new Date(8.64e15)}, [0, -8.64e15, 8.64e15]],
		['no tags or categories, empty author', {...good, tags: [], categories: [], author: ''}, goodStats],
	];
	for (const [name, meta, stats] of edges) assert.deepEqual(roundTrip([meta], stats), [meta], name);
});

test('a value not shaped as toPayload makes one is refused whole', () => {
	const two = () => toPayload([good, {...good, id: 'fedcba9876543210', path: 'b.md'}], [...goodStats, ...goodStats]);
	assert.notEqual(fromPayload(two()), null);
	const changes: [string, (payload: Record<string, unknown>) => void][] = [
		['no table', (payload) => delete payload.table],
		['a table that is not an array', (payload) => (payload.table = {0: 'Ann'})],
		['no paths', (payload) => delete payload.paths],
		['paths that are not an array', (payload) => (payload.paths = 'a.md')],
		...(['ids', 'titles', 'images', 'links', 'warnings'] as const).flatMap(
			(column): [string, (payload: Record<string, unknown>) => void][] => [
				[`no ${column}`, (payload) => delete payload[column]],
				[`${column} one short`, (payload) => (payload[column] as unknown[]).pop()],
				[`${column} not an array`, (payload) => (payload[column] = {length: 2})],
			],
		),
		['dates as a plain array', (payload) => (payload.dates = [0, 0])],
		['dates one short', (payload) => (payload.dates = new Float64Array(1))],
		['stats as a plain array', (payload) => (payload.stats = [...goodStats, ...goodStats])],
		['stats one short', (payload) => (payload.stats = new Float64Array(5))],
		['refs as doubles', (payload) => (payload.refs = new Float64Array(payload.refs as Uint32Array))],
		['refs one short', (payload) => (payload.refs = (payload.refs as Uint32Array).slice(1))],
		['a path twice', (payload) => ((payload.paths as string[])[1] = 'dir/ok.md')],
		['a path that is not a string', (payload) => ((payload.paths as unknown[])[1] = 7)],
		['an id that is not a string', (payload) => ((payload.ids as unknown[])[1] = 7)],
		['an id with more around it', (payload) => ((payload.ids as string[])[1] = 'x0123456789abcdef')],
		['a title that is not a string', (payload) => ((payload.titles as unknown[])[1] = null)],
		['a date past the range', (payload) => ((payload.dates as Float64Array)[1] = 8.64e15 + 1)],
		['a size that is not whole', (payload) => ((payload.stats as Float64Array)[3] = 0.5)],
		['an mtime that is not a number', (payload) => ((payload.stats as Float64Array)[4] = Number.NaN)],
		['a ctime past the range', (payload) => ((payload.stats as Float64Array)[5] = -8.64e15 - 1)],
		['an image that is empty', (payload) => ((payload.images as unknown[])[1] = '')],
		['a link that is a number', (payload) => ((payload.links as unknown[])[1] = 3)],
		['a warning that is undefined', (payload) => ((payload.warnings as unknown[])[1] = undefined)],
	];
	for (const [name, change] of changes) {
		const payload = two() as unknown as Record<string, unknown>;
		change(payload);
		assert.equal(fromPayload(payload), null, name);
	}
	for (const value of [null, undefined, 'payload', 42, [], {}]) assert.equal(fromPayload(value), null, String(value));
});

test('each row names its author, categories and tags in the table, each of its own kind', () => {
	// good's table: 0 'Ann', 1 [['新媒体', '趣头条']], 2 ['a', 'b'].
	assert.deepEqual(toPayload([good], goodStats).table, ['Ann', [['新媒体', '趣头条']], ['a', 'b']]);
	const withRefs = (refs: number[], table?: unknown[]) => {
		const payload = toPayload([good], goodStats);
		payload.refs.set(refs);
		if (table) payload.table = table;
		return fromPayload(payload)?.metas;
	};
	assert.deepEqual(withRefs([0, 1, 2]), [good]);
	const refused: [string, number[], unknown[]?][] = [
		['an author that is a category list', [1, 1, 2]],
		['an author that is a tag list', [2, 1, 2]],
		['categories that are a string', [0, 0, 2]],
		['categories that are a tag list', [0, 2, 2]],
		['tags that are a string', [0, 1, 0]],
		['tags that are a category list', [0, 1, 1]],
		['a position past the table', [0, 1, 3]],
		['a category list with an empty path', [0, 1, 2], ['Ann', [['x'], []], ['a']]],
		['a category path with an empty name', [0, 1, 2], ['Ann', [['x', '']], ['a']]],
		['a tag list with a number', [0, 1, 2], ['Ann', [['x']], ['a', 3]]],
		['an author that is a number', [0, 1, 2], [3, [['x']], ['a']]],
	];
	for (const [name, refs, table] of refused) assert.equal(withRefs(refs, table), undefined, name);
	// An empty list stands for no categories and for no tags alike.
	assert.deepEqual(withRefs([0, 1, 1], ['Ann', []]), [{...good, categories: [], tags: []}]);
});

test('rows read back keep their paths, positions and stats; a date of NaN is no date', () => {
	const second = {...good, id: 'fedcba9876543210', path: 'b.md', date: null};
	const index = fromPayload(toPayload([good, second], [1, 2, 3, 4, 5, 6]))!;
	assert.deepEqual(
		[...index.positions],
		[
			['dir/ok.md', 0],
			['b.md', 1],
		],
	);
	assert.deepEqual([...index.stats], [1, 2, 3, 4, 5, 6]);
	assert.equal(index.metas[1]!.date, null);
	assert.deepEqual(Object.keys(index.metas[0]!), Object.keys(good));
});
