import {test} from 'node:test';
import assert from 'node:assert/strict';
import {helpLines, helpView} from '../../../src/core/browser/help-lines.ts';

// At 120 columns every description fits beside its keys: one line per binding of the key table, 41 in all.
const WIDE_LINES = 41;

test('from 44 columns the keys stand in a column of 20, descriptions wrapped beside them', () => {
	assert.deepEqual(helpLines(120).slice(0, 2), [
		'  ↑ k                 Move up; scroll the reader up a line',
		'  ↓ j                 Move down; scroll the reader down a line',
	]);
	assert.equal(helpLines(120).length, WIDE_LINES);
	assert.deepEqual(helpLines(120).slice(-2), [
		'  Backspace           Delete the last character typed',
		'  Esc                 Cancel the typed command',
	]);
	assert.deepEqual(helpLines(44).slice(0, 2), [
		'  ↑ k                 Move up; scroll the',
		'                      reader up a line',
	]);
});

test('below 44 columns each description goes under its keys, wrapped to the width less two indents', () => {
	assert.deepEqual(helpLines(43).slice(0, 4), [
		'  ↑ k',
		'    Move up; scroll the reader up a line',
		'  ↓ j',
		'    Move down; scroll the reader down a',
	]);
	assert.deepEqual(helpLines(10).slice(0, 5), ['  ↑ k', '    Move', '    up;', '    scroll', '    the']);
});

test('a help that fits is shown whole with no footer, whatever the scroll', () => {
	const view = helpView(3, 120, WIDE_LINES);
	assert.equal(view.footer, null);
	assert.equal(view.maxScroll, 0);
	assert.equal(view.lines.length, WIDE_LINES);
	assert.equal(view.lines[0], '  ↑ k                 Move up; scroll the reader up a line');
});

test('a help one row too tall keeps the last row for the footer', () => {
	const view = helpView(0, 120, WIDE_LINES - 1);
	assert.equal(view.lines.length, WIDE_LINES - 2);
	assert.equal(view.maxScroll, 2);
	assert.equal(view.footer, ' 2 more rows below · ↓ ↑ PgDn PgUp scroll · Esc closes');
});

test('the footer counts the rows below, one row in the singular, and says when the end is reached', () => {
	const top = helpView(-5, 120, 10);
	assert.equal(top.maxScroll, 32);
	assert.equal(top.lines[0], '  ↑ k                 Move up; scroll the reader up a line');
	assert.equal(top.lines.length, 9);
	assert.equal(top.footer, ' 32 more rows below · ↓ ↑ PgDn PgUp scroll · Esc closes');
	assert.equal(helpView(31, 120, 10).footer, ' 1 more row below · ↓ ↑ PgDn PgUp scroll · Esc closes');
	const end = helpView(1000, 120, 10);
	assert.equal(end.footer, ' the end · ↓ ↑ PgDn PgUp scroll · Esc closes');
	assert.equal(end.lines[0], '  ?                   Show / hide this help');
	assert.equal(end.lines.at(-1), '  Esc                 Cancel the typed command');
	assert.equal(end.lines.length, 9);
});

test('the footer takes the longest form that fits the width, the shortest when none does', () => {
	assert.equal(helpView(1000, 44, 5).footer, ' the end · ↓ ↑ PgDn PgUp scroll · Esc closes');
	assert.equal(helpView(1000, 43, 5).footer, ' the end · ↓ ↑ PgDn PgUp scroll');
	assert.equal(helpView(1000, 30, 5).footer, ' end · ↓ ↑ PgDn PgUp');
	assert.equal(helpView(1000, 19, 5).footer, ' end · ↓ ↑');
	assert.equal(helpView(1000, 9, 5).footer, ' end · ↓ ↑');
	assert.equal(helpView(0, 30, 5).footer?.endsWith(' more · ↓ ↑ PgDn PgUp'), true);
	assert.equal(helpView(1000, 9, 5).lines.length, 4);
});

test('a screen of one row or less still shows one line of help above nothing but the footer', () => {
	const view = helpView(0, 120, 0);
	assert.deepEqual(view.lines, ['  ↑ k                 Move up; scroll the reader up a line']);
	assert.equal(view.maxScroll, WIDE_LINES - 1);
	assert.equal(helpView(0, 120, 1).lines.length, 1);
});
