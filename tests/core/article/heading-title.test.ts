// The title of an article without one in its front matter (`leaf cat`): its first heading, as a person names it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {headingTitle} from '../../../src/core/article/heading-title.ts';

test('a markdown ATX heading that opens the body is the title and leaves the body', () => {
	const cases: [string, string, {title: string; body: string} | null][] = [
		['level 1', '# Title\ntext', {title: 'Title', body: 'text'}],
		['level 6', '###### Six\ntext', {title: 'Six', body: 'text'}],
		['seven hashes are not a heading', '####### Seven\ntext', null],
		['no space after the hashes', '#Title\ntext', null],
		['a tab after the hashes', '#\tTitle\ntext', {title: 'Title', body: 'text'}],
		['closing hashes go', '## Title ##  \ntext', {title: 'Title', body: 'text'}],
		['hashes inside the text stay', '# C# and F#\ntext', {title: 'C# and F#', body: 'text'}],
		['three spaces of indent', '   # Title\ntext', {title: 'Title', body: 'text'}],
		['four spaces of indent are code', '    # Title\ntext', null],
		['blank lines before it', '\n  \n# Title\n\ntext', {title: 'Title', body: '\ntext'}],
		['an empty heading is no title', '# \ntext', null],
		['a heading of markup alone is no title', '# <br>\ntext', null],
	];
	for (const [name, body, expected] of cases) assert.deepEqual(headingTitle(body, 'markdown'), expected, name);
});

test('a heading after other text is the title, and the body stays whole', () => {
	assert.deepEqual(headingTitle('intro\n\n# Title\ntext', 'markdown'), {
		title: 'Title',
		body: 'intro\n\n# Title\ntext',
	});
	assert.deepEqual(headingTitle('intro\n\nTitle\n===\ntext', 'markdown'), {
		title: 'Title',
		body: 'intro\n\nTitle\n===\ntext',
	});
});

test('setext headings: a line underlined with = or -', () => {
	const cases: [string, string, {title: string; body: string} | null][] = [
		['=', 'Title\n=====\ntext', {title: 'Title', body: 'text'}],
		['-', 'Title\n---\ntext', {title: 'Title', body: 'text'}],
		['one =, trailing spaces', 'Title\n=  \ntext', {title: 'Title', body: 'text'}],
		['an underline of mixed marks is not one', 'Title\n=-=\ntext', null],
		['an indented underline of four spaces is not one', 'Title\n    ===\ntext', null],
		['a list item over a rule is not a heading', '- item\n---\ntext', null],
		['a star list item over a rule is not a heading', '* item\n---\ntext', null],
		['a plus list item over a rule is not a heading', '+ item\n---\ntext', null],
		['a word starting with a dash is a heading', '-item\n---\ntext', {title: '-item', body: 'text'}],
	];
	for (const [name, body, expected] of cases) assert.deepEqual(headingTitle(body, 'markdown'), expected, name);
});

test('headings inside fenced code do not count', () => {
	assert.deepEqual(headingTitle('```\n# not this\n```\n# Title\ntext', 'markdown'), {
		title: 'Title',
		body: '```\n# not this\n```\n# Title\ntext',
	});
	assert.deepEqual(headingTitle('~~~sh\n# comment\n~~~\n\nTitle\n---\n', 'markdown'), {
		title: 'Title',
		body: '~~~sh\n# comment\n~~~\n\nTitle\n---\n',
	});
	assert.equal(headingTitle('```\n# only in code\n', 'markdown'), null);
	assert.equal(headingTitle('', 'markdown'), null);
	assert.equal(headingTitle('plain text\nand more\n', 'markdown'), null);
});

test('a markdown title shows inline markup as plain text, and no control characters', () => {
	const title = (line: string) => headingTitle(`${line}\n`, 'markdown')?.title;
	assert.equal(title('# A [link](http://x.example/a) and ![a picture](p.png)'), 'A link and a picture');
	assert.equal(title('# *one* **two** ***three*** _four_ __five__'), 'one two three four five');
	assert.equal(title('# `code` and ``more code``'), 'code and more code');
	assert.equal(title('# a <em>b</em> c'), 'a b c');
	assert.equal(title('# 2 * 3 * 4'), '2 * 3 * 4');
	assert.equal(title('# red\u001b[31m alert\u0007'), 'red alert');
	assert.equal(title('#   spaced    out   '), 'spaced out');
});

test('an HTML heading is the title; it leaves the body only when nothing shows before it', () => {
	const cases: [string, string, {title: string; body: string} | null][] = [
		['h1 first', '<h1>Title</h1><p>text</p>', {title: 'Title', body: '<p>text</p>'}],
		['h6, upper case, attributes', '<H6 class="x">A <b>B</b></H6 ><p>t</p>', {title: 'A B', body: '<p>t</p>'}],
		[
			'empty tags before it',
			'<div><span></span></div>\n<h2>T</h2>rest',
			{title: 'T', body: '<div><span></span></div>\nrest'},
		],
		['text before it', '<p>intro</p><h2>T</h2>rest', {title: 'T', body: '<p>intro</p><h2>T</h2>rest'}],
		['an image before it', '<img src="a.png"><h1>T</h1>rest', {title: 'T', body: '<img src="a.png"><h1>T</h1>rest'}],
		[
			'a frame before it',
			'<iframe src="x"></iframe><h1>T</h1>',
			{title: 'T', body: '<iframe src="x"></iframe><h1>T</h1>'},
		],
		['a video before it', '<video src="x"></video><h1>T</h1>', {title: 'T', body: '<video src="x"></video><h1>T</h1>'}],
		['code before it', '<pre></pre><h1>T</h1>', {title: 'T', body: '<pre></pre><h1>T</h1>'}],
		['entities and controls', '<h1>A &amp; B\u001b[2J</h1>', {title: 'A & B', body: ''}],
		['h7 is no heading', '<h7>T</h7>', null],
		['mismatched levels', '<h1>T</h2>', null],
		['an empty heading', '<h1> <br> </h1><p>x</p>', null],
		['no heading', '<p>text</p>', null],
	];
	for (const [name, body, expected] of cases) assert.deepEqual(headingTitle(body, 'html'), expected, name);
});

test('the format decides which headings count', () => {
	assert.equal(headingTitle('<h1>T</h1>', 'markdown'), null);
	assert.equal(headingTitle('# T\n', 'html'), null);
});

test('markdown headings: one-character emphasis, fences and list marks only at the start of a line', () => {
	assert.equal(headingTitle('# *a* b\n', 'markdown')?.title, 'a b');
	assert.deepEqual(headingTitle('see ```x``` here\n# T\n', 'markdown'), {title: 'T', body: 'see ```x``` here\n# T\n'});
	assert.deepEqual(headingTitle('a - b\n---\n', 'markdown'), {title: 'a - b', body: ''});
});
