// The hostile cases of size, shape, escape sequences and file names (make-hostile-fixtures.mjs).
import {chineseParagraph, chineseSentence, htmlImage, htmlParagraph} from '../bench/text.mjs';
import {BIDI, ENTITIES, md, plain, RAW, yq} from './shared.mjs';

/** Adds the cases through `add(path, description, content, extra)`, drawing from `random` after the front matter's. */
export function contentCases(add, random) {
	// Size and shape.
	const big = [md(plain('十兆字节的文章 10 MB article'), '<div>')];
	let bytes = 0;
	for (let i = 0; bytes < 10 * 1024 * 1024; i++) {
		const part = i % 23 === 0 ? htmlImage(random, i) : htmlParagraph(random, i);
		big.push(part, '\n');
		bytes += Buffer.byteLength(part) + 1;
	}
	add('size/ten-megabytes.md', 'a 10 MB article', `${big.join('')}<p>十兆文章的结尾 END-OF-10MB</p></div>\n`, {
		keeps: ['十兆文章的结尾END-OF-10MB'],
	});
	add(
		'size/nested-20000-divs.md',
		'20,000 nested <div>',
		md(plain('20000 nested divs'), `${'<div>'.repeat(20000)}<p>最深处的文字 deepest text</p>${'</div>'.repeat(20000)}`),
		{keeps: ['最深处的文字deepesttext']},
	);
	add(
		'size/nested-20000-quotes-lists.md',
		'20,000 nested blockquotes and list items (indentation must stay within the width)',
		md(
			plain('20000 nested quotes and lists'),
			`${'<blockquote><ul><li>'.repeat(6667)}最深处 deepest${'</li></ul></blockquote>'.repeat(6667)}`,
		),
		{keeps: ['最深处deepest']},
	);
	add(
		'size/nested-20000-unclosed.md',
		'20,000 elements never closed',
		md(plain('20000 unclosed'), `${'<div><span><b>'.repeat(6667)}未闭合的标签 unclosed`),
		{keeps: ['未闭合的标签unclosed']},
	);
	const word = Array.from({length: 50000}, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[random.int(36)]).join('');
	add(
		'size/long-word-50000.md',
		'a 50,000-character word with no break opportunity',
		md(plain('Long word'), `<p>${word}</p><p>前文${word.slice(0, 500)}后文，</p>`),
		{keeps: [word, `前文${word.slice(0, 500)}后文，`]},
	);
	add(
		'size/long-title-word.md',
		'a 50,000-character title with no break opportunity',
		md(`title: ${word}`, '<p>body</p>'),
	);
	add(
		'size/long-url.md',
		'a 50,000-character link target and image source',
		md(
			plain('Long URL'),
			`<p><a href="https://example.com/${word}">链接</a><img src="data:image/png;base64,${word}" alt="图"></p>`,
		),
		{keeps: [`https://example.com/${word}`]},
	);
	const row = (cells, tag) => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
	const columns = Array.from({length: 30}, (_, i) => i);
	add(
		'size/wide-table-30.md',
		'a table with 30 columns',
		md(
			plain('宽表格 wide table'),
			`<table>${row(
				columns.map((i) => `列${i + 1}`),
				'th',
			)}${Array.from({length: 20}, (_, r) =>
				row(
					columns.map((i) => (i % 3 === 0 ? chineseSentence(random, 4) : i % 3 === 1 ? `value-${r}-${i}` : '👍🏽')),
					'td',
				),
			).join('')}</table>`,
		),
		{keeps: ['列30', 'value-19-28']},
	);
	const emoji = '👨‍👩‍👧‍👦👩🏽‍💻🏳️‍🌈🇨🇳🇺🇸1️⃣❤️‍🔥🧑🏿‍🤝‍🧑🏻';
	add(
		'size/emoji-zwj.md',
		'long runs of emoji ZWJ sequences, flags, skin tones, keycaps',
		md(plain(`Emoji ${emoji.repeat(20)}`), `<p>${emoji.repeat(500)}</p><p>${Array(300).fill(emoji).join(' ')}</p>`),
		{keeps: [emoji.repeat(3)]},
	);
	const combining = `Z${'\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307'.repeat(5)}e\u0301\u1112\u1161\u11ab\u0e17\u0e35\u0e48\u0e19\u0e35\u0e48\u0915\u094d\u0937\u093f`;
	add(
		'size/combining-marks.md',
		'combining marks (zalgo), decomposed Hangul, Thai, Devanagari',
		md(
			plain(`Combining ${combining.repeat(10)}`),
			`<p>${combining.repeat(2000)}</p><p>${Array(500).fill(combining).join(' ')}</p>`,
		),
		{keeps: [combining.repeat(3)]},
	);
	const extB = Array.from(
		{length: 3000},
		(_, i) => String.fromCodePoint(0x20000 + i * 7) + (i % 17 === 16 ? '，' : ''),
	).join('');
	add(
		'size/supplementary-ideographs.md',
		'CJK Extension B/G ideographs (outside the BMP)',
		md(
			plain(`𠀀𪚥𰀀 ${extB.slice(0, 200)}`),
			`<p>${extB}</p><p>${String.fromCodePoint(0x30000)}${extB.slice(0, 300)}。</p>`,
		),
		{keeps: [extB]},
	);
	add(
		'size/tabs.md',
		'tabs in title, author and body',
		md(
			`title: ${yq('Tab\tseparated\ttitle')}\nauthor: ${yq('tab\tauthor')}`,
			`<p>col1\tcol2\t\tcol3\t</p><pre>\tindented\n\t\tmore\tx\n${'\t'.repeat(40)}deep</pre>\n\t<p>\t前导制表符</p>`,
		),
		{keeps: ['col1col2col3', '前导制表符']},
	);

	// Escape sequences, raw, encoded and as C1, in every field.
	add(
		'control/fields-yaml-escapes.md',
		'control sequences in title, author, categories, tags (YAML escapes)',
		md(
			`title: ${yq(`Title ${RAW}`)}\nauthor: ${yq(`Author ${RAW}`)}\ndate: 2022-01-01 00:00:00\ncategories:\n - ${yq(`cat ${RAW}`)}\n - ${yq('\x1b[2Jsub\u009b1m')}\ntags: [${yq(RAW)}]\nlink: ${yq(`https://example.com/${RAW}`)}\nheadimg: ${yq(`https://example.com/${RAW}.png`)}`,
			'<p>body</p>',
		),
	);
	add(
		'control/raw-in-front-matter.md',
		'raw ESC bytes in the YAML (js-yaml refuses them)',
		md(`title: Raw ${RAW}\nauthor: ${RAW}`, '<p>body</p>'),
	);
	add(
		'control/body-raw.md',
		'raw control sequences in the body, in text, attributes, pre, lists, tables, headings',
		md(
			plain('Raw body'),
			`<h1>${RAW}</h1><p>${RAW}</p><pre>${RAW}\n${RAW}</pre><ul><li>${RAW}</li></ul><table><tr><td>${RAW}</td><td>x</td></tr></table><p><a href="https://example.com/${RAW}">${RAW}</a><img src="https://example.com/${RAW}.png" alt="${RAW}"></p><blockquote>${RAW}</blockquote><code>${RAW}</code>`,
		),
	);
	add(
		'control/body-entities.md',
		'control characters as HTML entities (&#27; &#x1b; &#x9b; ...)',
		md(
			plain('Entities body'),
			`<h2>${ENTITIES}</h2><p>${ENTITIES}</p><pre>${ENTITIES}</pre><p><a href="https://example.com/?q=&#27;[2J">${ENTITIES}</a><img src="x.png" alt="${ENTITIES}"></p>`,
		),
	);
	add(
		'control/fields-entities.md',
		'entity-encoded control characters in title, author, categories',
		md(
			`title: ${yq(`Entity title ${ENTITIES}`)}\nauthor: ${yq(ENTITIES)}\ncategories: [${yq(ENTITIES)}]`,
			'<p>body</p>',
		),
	);
	add(
		'control/c1-raw-bytes.md',
		'lone C1 bytes (0x9b, 0x9d) that are not UTF-8',
		Buffer.concat([
			Buffer.from('---\ntitle: C1 bytes '),
			Buffer.from([0x9b, 0x33, 0x31, 0x6d, 0x9d, 0x30, 0x3b, 0x78, 0x07]),
			Buffer.from('\n---\n<p>'),
			Buffer.from([0x9b, 0x32, 0x4a, 0x9b, 0x48, 0x9d, 0x30, 0x3b, 0x54, 0x9c]),
			Buffer.from('</p>\n'),
		]),
	);
	add(
		'control/bidi.md',
		'bidi override and isolate characters in every field',
		md(
			`title: ${yq(`Bidi ${BIDI}`)}\nauthor: ${yq(BIDI)}\ncategories: [${yq(BIDI)}, ${yq(`sub${BIDI}`)}]`,
			`<p>${BIDI}</p><pre>${BIDI}</pre><p>${'\u202e'.repeat(50)}reversed</p>`,
		),
	);
	add(
		'control/links-and-scripts.md',
		'javascript: links, data: URIs, script, style, iframe, comments',
		md(
			plain('Links and scripts'),
			`<p><a href="javascript:alert(1)">js link</a> <a href="  java\nscript:x">split</a> <img src="data:text/html,<script>alert(1)</script>" alt="data"></p><script>document.write('SCRIPT-TEXT')</script><style>p{color:red}/*STYLE-TEXT*/</style><iframe src="https://evil.example/">IFRAME-TEXT</iframe><!-- COMMENT-TEXT \x1b[2J --><p>after</p>`,
		),
	);
	add(
		'control/markdown-body.markdown',
		'markdown body with escapes in text, code, links and raw HTML',
		md(
			plain('Markdown body'),
			`# Heading ${RAW}\n\nText ${RAW} and \`code ${RAW}\`.\n\n\`\`\`\n${RAW}\n\`\`\`\n\n[link ${RAW}](https://example.com/${encodeURIComponent(RAW)})\n\n<p>raw html ${RAW}</p>\n\n| a | b |\n|---|---|\n| ${RAW} | ${chineseParagraph(random, 1)} |`,
		),
	);

	// File and folder names. No titles: leaf falls back to the file name, so it must clean it too.
	const untitled = (note) => md('date: 2022-03-03 12:00:00', `<p>${note}</p>`);
	for (const [name, description] of [
		['with spaces.md', 'spaces in the file name'],
		['中文 文件名，测试。md.md', 'Chinese and full-width punctuation in the file name'],
		['new\nline.md', 'a newline in the file name'],
		['esc\x1b[31mred\x1b[0m.md', 'a raw CSI sequence in the file name'],
		['clear\x1b[2J\x1b[H.md', 'a clear-screen sequence in the file name'],
		['osc\x1b]0;PWNED\x07.md', 'an OSC set-title sequence in the file name'],
		['c1\u009b31m.md', 'a C1 CSI (U+009B) in the file name'],
		['bidi\u202egnp.exe.md', 'a right-to-left override in the file name'],
		['tab\tname.md', 'a tab in the file name'],
		['emoji 👨‍👩‍👧‍👦.md', 'an emoji ZWJ sequence in the file name'],
		['dir\x1b]0;PWNED\x07 x/inside.md', 'an escape sequence in a folder name'],
		['newline\ndir/inside.md', 'a newline in a folder name'],
	])
		add(`names/${name}`, description, untitled(description));
}
