// renderArticle on bodies of hundreds of thousands of lines (kept out of the mutation run for its time).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {renderArticle} from '../../src/core/render/render.ts';
import {article} from '../helpers/article.ts';

test('bodies with hundreds of thousands of lines, links and table rows render without overflowing the stack', () => {
	const many = 150_000;
	const code = `<pre>${'x\n'.repeat(many)}</pre>`;
	const links = Array.from({length: 2_000}, (_, n) => `<a href="https://example.com/${n}">${n}</a>`).join(' ');
	const rows = `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(many)}</table>`;
	const lines = renderArticle(article({body: code + links + rows}), {width: 40});
	assert.ok(lines.filter((line) => line.text === 'x').length === many);
	assert.ok(lines.some((line) => line.text.startsWith('[2000] https://example.com/1999')));
	assert.ok(lines.filter((line) => /^a\s+b$/.test(line.text)).length === many);
});
