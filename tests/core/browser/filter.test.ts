// What the title filter looks in (filter.ts), and where the cursor goes when the rows change under it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {filterNeedle, haystackOf, withRows} from '../../../src/core/browser/filter.ts';
import {cursorPath, meta, stateWith} from '../../helpers/browser-state.ts';

test('the filter looks in the title, the author and each category path, one field at a time', () => {
	const article = meta('a.md', {title: 'Rust Notes', author: 'Ann', categories: [['Tech', 'Go'], ['Life']]});
	assert.equal(haystackOf(article), 'rust notes\nann\ntech/go\nlife');
	assert.equal(filterNeedle('  RuSt '), 'rust');
});

const many = Array.from({length: 100}, (_, index) =>
	meta(`n${String(index).padStart(3, '0')}.md`, {date: new Date(Date.UTC(2022, 0, 100 - index)).toISOString()}),
);

test('rows changing under the cursor: it stays on its article at the same place on screen', () => {
	const state = {...stateWith(many), list: {index: 40, scroll: 30}};
	assert.equal(cursorPath(state), 'n040.md');
	const fewer = withRows(state, state.rows.slice(5));
	assert.equal(cursorPath(fewer), 'n040.md');
	assert.deepEqual(fewer.list, {index: 35, scroll: 25});
});

test('its article gone from the rows, the cursor stays on the same row', () => {
	const state = {...stateWith(many), list: {index: 40, scroll: 30}};
	const without = withRows(state, Int32Array.from([...state.rows.slice(0, 40), ...state.rows.slice(41)]));
	assert.deepEqual(without.list, {index: 40, scroll: 30});
	assert.equal(cursorPath(without), 'n041.md');
});

test('rows arriving in an empty list put the cursor on the first', () => {
	const empty = stateWith([]);
	const filled = withRows(stateWith(many.slice(0, 3)), stateWith(many.slice(0, 3)).rows);
	const arrived = withRows({...empty, library: filled.library}, filled.rows);
	assert.deepEqual(arrived.list, {index: 0, scroll: 0});
	assert.equal(cursorPath(arrived), 'n000.md');
});
