// Front matter read line by line, at the corners of its rules: what is a list item, what continues a value, how
// quotes come off, and where the text without front matter starts.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readFrontMatter} from '../../../src/core/article/front-matter.ts';
import {unquote} from '../../../src/core/article/front-matter-lenient.ts';

/** The fields of `block`, which YAML rejects for its first line (`title: a: b`). */
const fields = (block: string) => readFrontMatter(`---\ntitle: a: b\n${block}\n---\nbody`).data;

test('a list item is a dash and a space at the start of its line', () => {
	assert.deepEqual(fields('tags:\n- one\n-notanitem\n  x - y\n- two'), {title: 'a: b', tags: ['one', 'two']});
});

test('an item that is not YAML stays as written, without the spaces after it', () => {
	assert.deepEqual(fields('tags:\n- [not yaml   \n- {a: 1}'), {title: 'a: b', tags: ['[not yaml', {a: 1}]});
});

test('a line indented by one space or a tab continues a text value, not a list or a flow value', () => {
	assert.deepEqual(fields(' wrapped\n\tand more'), {title: 'a: b wrapped and more'});
	assert.deepEqual(fields('tags: [x, y]\n  more'), {title: 'a: b', tags: ['x', 'y']});
	assert.deepEqual(fields('  ""'), {title: 'a: b'}, 'a continuation that unquotes to nothing adds nothing');
});

test('unquote: the closing run is the one at the end', () => {
	assert.equal(unquote('"""a"b"""'), 'a"b');
	assert.equal(unquote('"ab"c'), 'ab"c');
});

test('the warning names the line of the file YAML stopped at', () => {
	assert.equal(
		readFrontMatter('---\nx: 1\ntitle: a: b\n---\nbody').warning,
		'front matter is not valid YAML (YAMLException line 3): read line by line',
	);
});

test('text without front matter is kept whole: leading blank lines, a blank file; a BOM goes', () => {
	assert.deepEqual(readFrontMatter('\n\nHello'), {data: {}, body: '\n\nHello', warning: null});
	assert.deepEqual(readFrontMatter('  \n'), {data: {}, body: '  \n', warning: null});
	assert.deepEqual(readFrontMatter('\ufeffHello'), {data: {}, body: 'Hello', warning: null});
});

test('a block that is YAML null is no field at all', () => {
	assert.deepEqual(readFrontMatter('---\nnull\n---\nbody'), {data: {}, body: 'body', warning: null});
});
