// The searchable text of an HTML body (extract.ts) and of a whole article file (file-match.ts), written out by hand.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {htmlText} from '../../../src/core/search/extract.ts';
import {bodyText} from '../../../src/core/search/file-match.ts';

test('the content of the elements the renderer skips is not searched', () => {
	for (const name of ['script', 'style', 'iframe', 'noscript', 'template', 'head', 'title', 'frameset'])
		assert.equal(htmlText(`a<${name}>x</${name}>b`), 'ab', name);
	assert.equal(htmlText('a<SCRIPT>x</SCRIPT>b'), 'ab');
	// Blocks inside a skipped element start no line.
	assert.equal(htmlText('a<noscript><p>x</p></noscript>b'), 'ab');
	// Nested skipped elements: the head's text after its title is still skipped.
	assert.equal(htmlText('<head><title>t</title>h</head>b'), 'b');
	// A closing tag with no opening one skips nothing.
	assert.equal(htmlText('a</script>b'), 'ab');
});

test('blocks start lines of their own; inline elements do not', () => {
	assert.equal(htmlText('<p>a</p><p>b</p>'), '\na\n\nb\n');
	assert.equal(htmlText('<P>a</P>b'), '\na\nb');
	for (const name of ['address', 'footer', 'td']) assert.equal(htmlText(`a<${name}>b</${name}>c`), 'a\nb\nc', name);
	assert.equal(htmlText('a<b>x</b>c'), 'axc');
});

test('image descriptions are searched, other attributes are not', () => {
	assert.equal(htmlText('<p>a<img alt="b">c</p>'), '\na b c\n');
	assert.equal(htmlText('<p>a<img src="x.png">c</p>'), '\nac\n');
	assert.equal(htmlText('<p>a<span alt="x">b</span></p>'), '\nab\n');
});

test('text is cleaned as the reader shows it', () => {
	assert.equal(htmlText('a &amp; b'), 'a & b');
	assert.equal(htmlText('<p>a\n\fb</p>'), '\na  b\n');
	// An escape sequence is dropped whole, even though it holds no white space.
	assert.equal(htmlText('<p>a\u001b[31mb</p>'), '\nab\n');
	// leaf's own layout marks are dropped; a line separator inside a word reads as a space.
	assert.equal(htmlText('x\ufdd0y'), 'xy');
	assert.equal(htmlText('a\u2028b'), 'a b');
});

test('an article body is read as markdown unless it starts with a tag', () => {
	assert.equal(bodyText('---\ntitle: T\n---\n*b* c\n'), '\nb c\n ');
	assert.equal(bodyText('---\ntitle: T\n---\n<p>a</p>\n\n*b* c\n'), '\na\n  *b* c ');
});
