// The library's category tree: a node per level of each path, every article counted once under a node however
// many of its paths pass through it, and the order of sibling names.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {addArticles, emptyLibrary, setRead} from '../../../src/core/browser/library.ts';
import {buildView} from '../../../src/core/browser/view.ts';
import {categoryCounts, itemPaths, meta} from '../../helpers/browser-state.ts';

test('an article under two paths with a shared prefix counts once under the prefix, once under each leaf', () => {
	const {library} = addArticles(
		emptyLibrary,
		[
			meta('both.md', {
				categories: [
					['Tech', 'Go'],
					['Tech', 'Rust'],
				],
			}),
			meta('go.md', {categories: [['Tech', 'Go']]}),
		],
		new Set(),
	);
	assert.deepEqual(categoryCounts(library), [
		['Tech', 2, 2],
		['Tech/Go', 2, 2],
		['Tech/Rust', 1, 1],
	]);
	const tech = library.tree[0]!.ordinal;
	assert.deepEqual(itemPaths(library, buildView(library, {category: tech, unreadOnly: false})), ['both.md', 'go.md']);
	const marked = setRead(library, [0], true).library;
	assert.deepEqual(categoryCounts(marked), [
		['Tech', 2, 1],
		['Tech/Go', 2, 1],
		['Tech/Rust', 1, 0],
	]);
	assert.equal(marked.unreadTotal, 1);
});

test('one path whose levels repeat a name is still one node per level', () => {
	const {library} = addArticles(emptyLibrary, [meta('a.md', {categories: [['a', 'a']]})], new Set());
	assert.deepEqual(categoryCounts(library), [
		['a', 1, 1],
		['a/a', 1, 1],
	]);
});

test('categories seen in a later batch join the tree; known ones keep their ordinal', () => {
	const first = addArticles(emptyLibrary, [meta('x.md', {categories: [['Life']]})], new Set()).library;
	const second = addArticles(
		first,
		[meta('y.md', {categories: [['Art'], ['Life']]}), meta('z.md', {categories: [['Life', 'Home']]})],
		new Set(['id:z.md']),
	).library;
	assert.deepEqual(categoryCounts(second), [
		['Art', 1, 1],
		['Life', 3, 2],
		['Life/Home', 1, 0],
	]);
	assert.equal(second.categoryOrdinals.get('Life'), first.categoryOrdinals.get('Life'));
	assert.deepEqual(categoryCounts(first), [['Life', 1, 1]], 'the earlier library is not changed');
	assert.equal(second.unreadTotal, 2);
	assert.deepEqual(Array.from(second.read), [0, 0, 1]);
	const same = addArticles(second, [], new Set());
	assert.equal(same.library, second);
	assert.deepEqual(same.added, []);
});

test('a batch without new categories keeps the tree object; categories sort by name, numbers by value', () => {
	const first = addArticles(
		emptyLibrary,
		[meta('a.md', {categories: [['item 10'], ['item 9'], ['Beta'], ['alpha']]})],
		new Set(),
	).library;
	assert.deepEqual(
		first.tree.map((node) => node.name),
		['alpha', 'Beta', 'item 9', 'item 10'],
	);
	assert.deepEqual(
		first.tree.map((node) => node.depth),
		[0, 0, 0, 0],
	);
	const second = addArticles(first, [meta('b.md', {categories: [['Beta']]})], new Set()).library;
	assert.equal(second.tree, first.tree);
});

test('sibling categories sort as titles do: blind to case and accents, numbers by value, Chinese together', () => {
	const names = ['zebra', 'Écoles', 'item 10', '文章', 'apple', 'Item 9', 'ecole', 'Apple', '2024', '10'];
	const {library} = addArticles(emptyLibrary, [meta('a.md', {categories: names.map((name) => [name])})], new Set());
	assert.deepEqual(
		library.tree.map((node) => node.name),
		['10', '2024', 'Apple', 'apple', 'ecole', 'Écoles', 'Item 9', 'item 10', 'zebra', '文章'],
	);
	const nested = addArticles(
		emptyLibrary,
		[
			meta('b.md', {
				categories: [
					['Tech', 'rust 2'],
					['Tech', 'Rust 10'],
					['Tech', 'Go'],
				],
			}),
		],
		new Set(),
	).library;
	assert.deepEqual(
		nested.tree.map((node) => node.path.join(' › ')),
		['Tech', 'Tech › Go', 'Tech › rust 2', 'Tech › Rust 10'],
	);
});

test('category keys keep levels apart: `ab › c` is not `a › bc`, and `Tech › Go` is not `Life › Go`', () => {
	const {library} = addArticles(
		emptyLibrary,
		[
			meta('one.md', {categories: [['ab', 'c']]}),
			meta('two.md', {categories: [['a', 'bc']]}),
			meta('three.md', {categories: [['Tech', 'Go']]}),
			meta('four.md', {categories: [['Life', 'Go']]}),
		],
		new Set(),
	);
	assert.deepEqual(categoryCounts(library), [
		['a', 1, 1],
		['a/bc', 1, 1],
		['ab', 1, 1],
		['ab/c', 1, 1],
		['Life', 1, 1],
		['Life/Go', 1, 1],
		['Tech', 1, 1],
		['Tech/Go', 1, 1],
	]);
	assert.deepEqual(
		library.tree.map((node) => node.depth),
		[0, 1, 0, 1, 0, 1, 0, 1],
	);
});

test('an article without categories belongs to no category node', () => {
	assert.deepEqual(emptyLibrary.tree, []);
	const {library} = addArticles(emptyLibrary, [meta('loose.md'), meta('x.md', {categories: [['x']]})], new Set());
	assert.deepEqual(library.memberOf, [[], [0]]);
	assert.deepEqual(Array.from(library.categoryTotals), [1]);
});

test('names equal but for case sort by code point, whichever came first', () => {
	for (const names of [
		['go', 'Go'],
		['Go', 'go'],
	]) {
		const {library} = addArticles(
			emptyLibrary,
			names.map((name) => meta(`${name}.md`, {categories: [[name]]})),
			new Set(),
		);
		assert.deepEqual(
			library.tree.map((node) => node.name),
			['Go', 'go'],
		);
	}
});
