import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lookOf} from '../../../src/core/render/theme.ts';

test('one theme: each inline style and heading level looks its own, with and without colour', () => {
	assert.deepEqual(lookOf('body', ['bold'], true), {bold: true});
	assert.deepEqual(lookOf('body', ['italic'], true), {italic: true});
	assert.deepEqual(lookOf('body', ['code'], true), {color: 'yellow'});
	assert.deepEqual(lookOf('body', ['kbd'], true), {inverse: true, bold: true});
	assert.deepEqual(lookOf('body', ['strike'], true), {strikethrough: true});
	assert.deepEqual(lookOf('body', ['mark'], true), {inverse: true, color: 'yellow'});
	assert.deepEqual(lookOf('code', ['continuation'], true), {dim: true, color: 'gray'});
	assert.deepEqual(lookOf('heading1', [], true), {bold: true, underline: true, color: 'green'});
	assert.deepEqual(lookOf('heading2', [], true), {bold: true, color: 'green'});
	assert.deepEqual(lookOf('heading3', [], true), {bold: true, italic: true});
	// Styles add up; the innermost colour wins.
	assert.deepEqual(lookOf('quote', ['bold', 'code'], true), {bold: true, color: 'yellow'});
	// NO_COLOR: the attributes stay, the colours go.
	assert.deepEqual(lookOf('title', [], false), {bold: true});
	assert.deepEqual(lookOf('heading1', ['italic'], false), {bold: true, underline: true, italic: true});
	assert.deepEqual(lookOf('body', ['code'], false), {});
});

test('every line style has its look', () => {
	const looks: [Parameters<typeof lookOf>[0], ReturnType<typeof lookOf>][] = [
		['title', {bold: true, color: 'cyan'}],
		['meta', {dim: true}],
		['heading1', {bold: true, underline: true, color: 'green'}],
		['heading2', {bold: true, color: 'green'}],
		['heading3', {bold: true, italic: true}],
		['body', {}],
		['quote', {color: 'gray'}],
		['code', {color: 'yellow'}],
		['rule', {dim: true}],
		['reference', {dim: true}],
	];
	for (const [style, look] of looks) assert.deepEqual(lookOf(style, [], true), look, style);
	assert.deepEqual(lookOf('meta', ['strike', 'kbd'], false), {
		dim: true,
		strikethrough: true,
		inverse: true,
		bold: true,
	});
	assert.deepEqual(lookOf('heading3', ['continuation'], true), {bold: true, italic: true, dim: true, color: 'gray'});
});
