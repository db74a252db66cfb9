// markdownToHtml: GitHub-flavoured markdown; a single newline inside a paragraph is a space, not a <br>.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {markdownToHtml} from '../../../src/core/render/markdown.ts';

test('a single newline stays inside the paragraph; GFM tables and strikethrough work', () => {
	assert.equal(markdownToHtml('one\ntwo'), '<p>one\ntwo</p>\n');
	assert.equal(markdownToHtml('~~gone~~'), '<p><del>gone</del></p>\n');
	assert.match(markdownToHtml('| a |\n|---|\n| 1 |'), /^<table>/);
});
