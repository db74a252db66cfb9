// HTML body -> lines: skipped elements, and nothing from the article reaches the terminal as a control.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render, texts} from '../../helpers/render-html.ts';

test('script, style, noscript, template and comments produce nothing', () => {
	const html =
		'<p>a</p><script>evil()</script><style>.x{color:red}</style>' +
		'<noscript>no script</noscript><template><p>tpl</p></template><!-- comment --><p>b<script>x()</script></p>';
	assert.deepEqual(texts(html), ['a', '', 'b']);
});

const hostile: [string, string][] = [
	['raw ESC sequences', '<p>a\u001b[31mred\u001b[0m b\u001b]0;title\u0007c</p>'],
	['entity-encoded ESC', '<p>a&#27;[31mred&#x1b;[0m b</p>'],
	['entity-encoded C1 CSI', '<p>a&#x9b;31mred &#155;0m</p>'],
	['bidi overrides', '<p>a&#x202e;b\u202dc&#x2066;d</p>'],
	['C0 controls', '<p>a&#1;b\u0008c&#x7f;d\u0000e</p>'],
	['controls inside <pre>', '<pre>a\u001b[2Jb&#27;[31m\u0007c</pre>'],
	['controls in a link target', '<a href="https://e.example/\u001b[31m&#27;x">t</a>'],
	['controls in a table cell', '<table><tr><th>h&#27;[1m</th></tr><tr><td>v\u009b2J</td></tr></table>'],
];

for (const [name, html] of hostile) {
	test(`no control character survives: ${name}`, () => {
		const {lines, references} = render(html);
		const out = [...lines.map((line) => line.text), ...references.list().map((reference) => reference.url)].join('\n');
		assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		assert.ok(lines.every((line) => !line.text.includes('\n')));
	});
}

test('the internal style marks cannot be injected from the article', () => {
	const {lines} = render('<p>\ufdd0\ufdd5x&#xfdd2;y</p><pre>\ufdd6z</pre>');
	assert.deepEqual(
		lines.map((line) => `${line.style}|${line.text}`),
		['body|xy', 'body|', 'code|z'],
	);
});
