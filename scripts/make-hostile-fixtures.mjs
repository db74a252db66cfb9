// Writes the hostile-input library of issue 4 into DIR (tests/fixtures/hostile): broken front
// matter, code-running front-matter engines, huge and deeply nested articles, escape sequences in
// every field and in file names, symlink loops, unreadable files. Generated rather than committed
// because git and diffs should never carry these bytes. Deterministic; when DIR's stamp matches this
// generator the files are left alone, except `tree/` (symlinks, a FIFO, chmod 000), which is rebuilt
// on every run because tools that copy or clean folders tend to break exactly those.
// DIR/MANIFEST.json lists every case with what leaf must do with it.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {
	chmodSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {createRandom} from './bench/prng.mjs';
import {chineseParagraph, chineseSentence, htmlImage, htmlParagraph} from './bench/text.mjs';

const root = process.argv[2];
if (!root) {
	process.stderr.write('usage: node scripts/make-hostile-fixtures.mjs DIR\n');
	process.exit(2);
}

/** Files that front matter would create if leaf ever executed it: tests check they never appear. */
const markers = Object.fromEntries(
	['js', 'javascript', 'JS', 'js-spaced', 'coffee'].map((name) => [
		name,
		join(tmpdir(), `leaf-hostile-executed-${name}`),
	]),
);
const sources = ['make-hostile-fixtures.mjs', 'bench/prng.mjs', 'bench/text.mjs'].map((file) =>
	readFileSync(new URL(file, import.meta.url)),
);
const version = createHash('sha256')
	.update(Buffer.concat(sources))
	.update(JSON.stringify(markers))
	.digest('hex')
	.slice(0, 16);
const stampPath = join(root, '.generated');

/** Every escape the terminal could act on, raw. */
const SEQUENCES = [
	'\x1b[2J\x1b[H',
	'\x1b[31;1mRED',
	'\x1b]0;PWNED-TITLE\x07',
	'\x1b]52;c;cHduZWQ=\x07',
	'\x1b]8;;https://evil.example/\x1b\\osc8\x1b]8;;\x1b\\',
	'\x1bP+q544e\x1b\\',
	'\x1b[6n',
	'\x1bc',
	'\u009b31mC1CSI',
	'\u009d0;C1-OSC\u009c',
	'\x07bell',
	'abc\x08\x08\x08XYZ',
	'shown\rHIDDEN',
	'\x7fdel',
	'\x00nul',
	'\x0b\x0cvtff',
];
const RAW = SEQUENCES.join(' ');
const BIDI =
	'\u202eevil\u202c \u2066isolate\u2069 \u202doverride\u202c \u202aembed\u202c \u202bembed\u202c \u2067rtl\u2069 \u2068fsi\u2069';
const ENTITIES =
	'&#27;[2J&#x1b;[H &#x1B;]0;ENTITY-TITLE&#7; &#x9b;31m &#155;32m &#0027;[4m &#X1b;[5m &#x1b;&#x5b;31m &#8238;rtl &#x202e;rtl &#x7f; &#0; &#xD800; &#x110000; &#128; &#x9d;0;x&#x9c; &NewLine;&Tab;tab &#8;bs';

/** A YAML double-quoted scalar with every non-printable character escaped (js-yaml rejects them raw). */
const yq = (text) =>
	`"${[...text].map((c) => (/[\x00-\x1f\x7f-\x9f"\\]/.test(c) ? `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}` : c)).join('')}"`;
const md = (frontMatter, body) => `---\n${frontMatter}\n---\n${body}\n`;
const plain = (title) =>
	`title: ${yq(title)}\ndate: 2022-02-02 10:00:00\nauthor: hostile\ncategories:\n - 测试\n - hostile`;
const jsPayload = (name) =>
	`(() => { const fs = typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs'); fs.writeFileSync(${JSON.stringify(markers[name])}, 'front matter was executed'); return {title: 'EXECUTED'}; })()`;

function staticCases() {
	const random = createRandom(0x1eaf);
	const cases = [];
	const add = (path, description, content, extra = {}) =>
		cases.push({path, case: description, expect: 'listed', cat: true, ...extra, content});

	// Front matter that cannot be read, or should not be.
	add(
		'front-matter/broken-yaml.md',
		'malformed YAML',
		md('title: [unclosed\nauthor: "open quote\ndate: : :\n  - bad indent', '<p>正文仍然可读。</p>'),
		// YAML rejects it; leaf reads it line by line as a person would (README "Front matter understood").
		{frontMatter: 'recovered', title: '[unclosed', keeps: ['正文仍然可读。']},
	);
	add(
		'front-matter/unterminated.md',
		'front matter block never closed',
		'---\ntitle: Never closed\ndate: 2021-01-01\n<p>正文没有结束标记。</p>\n',
	);
	add('front-matter/empty.md', 'empty file', '', {catRefuses: 'empty input'});
	add('front-matter/only-front-matter.md', 'front matter and no body', md(plain('Only front matter'), ''));
	add(
		'front-matter/only-front-matter-no-newline.md',
		'front matter, no body, no final newline',
		'---\ntitle: No newline\n---',
	);
	add('front-matter/only-dashes.md', 'a file that is just ---', '---');
	add('front-matter/binary.md', 'random bytes named .md (seeded)', random.bytes(65536), {catRefuses: 'not text'});
	add(
		'front-matter/invalid-utf8.md',
		'invalid UTF-8 in front matter and body',
		Buffer.concat([
			Buffer.from('---\ntitle: bad \xff\xfe bytes\n', 'latin1'),
			Buffer.from([0x74, 0x3a, 0x20, 0xc3, 0x28, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x9b, 0x33, 0x31, 0x6d, 0x0a]),
			Buffer.from('---\n<p>'),
			Buffer.from([0xe4, 0xb8, 0x0a, 0xff, 0x9b, 0x32, 0x4a]),
			Buffer.from('正文</p>\n'),
		]),
		{catRefuses: 'more invalid UTF-8 than a few stray bytes'},
	);
	add('front-matter/bom.md', 'UTF-8 byte order mark', `\ufeff${md(plain('BOM title'), '<p>带 BOM 的文章。</p>')}`, {
		title: 'BOM title',
	});
	add(
		'front-matter/crlf.md',
		'CRLF line endings',
		md(plain('CRLF title'), '<p>第一段。</p>\n<p>第二段。</p>').replace(/\n/g, '\r\n'),
		{title: 'CRLF title'},
	);
	add(
		'front-matter/bom-crlf-blank-lines.md',
		'BOM, leading blank lines and CRLF together',
		`\ufeff\r\n\r\n${md(plain('BOM CRLF blank'), '<p>正文。</p>').replace(/\n/g, '\r\n')}`,
		{title: 'BOM CRLF blank'},
	);
	add(
		'front-matter/engine-js.md',
		'---js front matter that writes a marker file if evaluated',
		`---js\n${jsPayload('js')}\n---\n<p>body</p>\n`,
		{frontMatter: 'unreadable'},
	);
	add(
		'front-matter/engine-javascript.md',
		'---javascript front matter that writes a marker file if evaluated',
		`---javascript\n${jsPayload('javascript')}\n---\n<p>body</p>\n`,
		{frontMatter: 'unreadable'},
	);
	add(
		'front-matter/engine-js-uppercase.md',
		'---JS (gray-matter lower-cases engine names)',
		`---JS\n${jsPayload('JS')}\n---\n<p>body</p>\n`,
		{frontMatter: 'unreadable'},
	);
	add(
		'front-matter/engine-js-spaced.md',
		'--- js (gray-matter trims the engine name)',
		`--- js \n${jsPayload('js-spaced')}\n---\n<p>body</p>\n`,
		{frontMatter: 'unreadable'},
	);
	add(
		'front-matter/engine-coffee.md',
		'---coffee front matter',
		`---coffee\ntitle: do -> require('fs').writeFileSync(${JSON.stringify(markers.coffee)}, 'x')\n---\n<p>body</p>\n`,
		{frontMatter: 'unreadable'},
	);
	add(
		'front-matter/engine-toml.md',
		'---toml front matter',
		'---toml\ntitle = "TOML title"\ndate = 2021-01-01T00:00:00Z\n---\n<p>body</p>\n',
	);
	add('front-matter/engine-unknown.md', 'an engine nobody registered', '---perl\n$title = "x";\n---\n<p>body</p>\n', {
		frontMatter: 'unreadable',
	});
	add(
		'front-matter/yaml-js-types.md',
		'js-yaml full-schema tags (!!js/function, !!js/regexp, !!js/undefined)',
		md(
			"title: !!js/function 'function () { return 1 }'\nauthor: !!js/regexp /x/g\ndate: !!js/undefined ''",
			'<p>body</p>',
		),
		// Recovered line by line: the tags stay text, nothing is evaluated.
		{frontMatter: 'recovered', title: "!!js/function 'function () { return 1 }'"},
	);
	add(
		'front-matter/yaml-alias-bomb.md',
		'YAML aliases that explode if categories are flattened naively',
		md(
			`${Array.from(
				{length: 9},
				(_, i) =>
					`l${i}: &l${i} [${Array(9)
						.fill(i === 0 ? 'x' : `*l${i - 1}`)
						.join(', ')}]`,
			).join('\n')}\ntitle: *l8\ncategories: *l8\ntags: *l8`,
			'<p>body</p>',
		),
	);
	add(
		'front-matter/proto-keys.md',
		'__proto__ and constructor keys',
		md('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: Proto keys', '<p>body</p>'),
	);
	add(
		'front-matter/title-number.md',
		'title is a number',
		md('title: 12345\ndate: 2021-10-28 14:08:07', '<p>body</p>'),
		{title: '12345'},
	);
	add('front-matter/title-list.md', 'title is a list', md('title: [first, second]', '<p>body</p>'));
	add('front-matter/title-mapping.md', 'title is a mapping', md('title: {zh: 标题, en: Title}', '<p>body</p>'));
	add('front-matter/title-null.md', 'title is null, author is a boolean', md('title: ~\nauthor: true', '<p>body</p>'));
	add(
		'front-matter/title-multiline.md',
		'title with newlines in it',
		md(`title: ${yq('line one\nline two\r\nline three')}`, '<p>body</p>'),
	);
	add(
		'front-matter/categories-mapping.md',
		'categories is a mapping',
		md('title: Categories mapping\ncategories: {a: b, c: [d, e]}', '<p>body</p>'),
	);
	add(
		'front-matter/categories-number.md',
		'categories and tags are numbers',
		md('title: Categories number\ncategories: 42\ntags: 7', '<p>body</p>'),
	);
	add(
		'front-matter/categories-nested.md',
		'categories nested four levels, mixed with strings and nulls',
		md('title: Nested categories\ncategories: [[a, [b, [c, [d]]]], [e], f, ~, [], [[]], 3]', '<p>body</p>'),
	);
	add(
		'front-matter/date-not-a-date.md',
		'date is prose',
		md('title: Date prose\ndate: not a date at all', '<p>body</p>'),
		{date: null},
	);
	add(
		'front-matter/date-invalid-date.md',
		"date is the string 'Invalid Date' (seen in the corpus)",
		md('title: Invalid Date\ndate: Invalid Date', '<p>body</p>'),
		{date: null},
	);
	add(
		'front-matter/date-out-of-range.md',
		'date far outside the range of Date',
		md('title: Date out of range\ndate: 99999-01-01', '<p>body</p>'),
		{date: null},
	);
	add(
		'front-matter/date-max.md',
		'date just past the largest Date',
		md('title: Date max\ndate: 275760-09-14 00:00:01', '<p>body</p>'),
		{date: null},
	);
	add(
		'front-matter/date-impossible.md',
		'month 13, hour 25',
		md('title: Impossible date\ndate: 2021-13-45 25:61:61', '<p>body</p>'),
		{date: null},
	);
	add('front-matter/date-number.md', 'date is a huge number', md('title: Date number\ndate: 1e400', '<p>body</p>'), {
		date: null,
	});
	add(
		'front-matter/date-list.md',
		'date is a list',
		md('title: Date list\ndate: [2021-01-01, 2022-01-01]', '<p>body</p>'),
	);
	add('front-matter/missing-fields.md', 'empty front matter', md('', '<p>只有正文。</p>'));
	add('front-matter/no-front-matter.md', 'no front matter at all', '<p>没有前言。</p>\n');

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
	return cases;
}

/** Bytes that are not UTF-8 in a file name: Node cannot pass them in argv, so `cat` skips it. */
const rawNameBytes = Buffer.concat([
	Buffer.from('names/raw-'),
	Buffer.from([0x9b, 0x33, 0x31, 0x6d, 0xff]),
	Buffer.from('.md'),
]);

/** rm -rf that first gives back the permissions the tree took away. Walks names as bytes: one is not UTF-8. */
function removeTree(path) {
	if (!existsSync(path) && !isSymlink(path)) return;
	const restore = (dir) => {
		chmodSync(dir, 0o755);
		for (const name of readdirSync(dir, {encoding: 'buffer'})) {
			const child = Buffer.concat([dir, Buffer.from('/'), name]);
			if (lstatSync(child).isDirectory()) restore(child);
		}
	};
	if (lstatSync(path).isDirectory()) restore(Buffer.from(path));
	rmSync(path, {recursive: true, force: true});
}

function isSymlink(path) {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}

function writeCase(path, content) {
	mkdirSync(dirname(join(root, path)), {recursive: true});
	writeFileSync(join(root, path), content);
}

function upToDate(cases) {
	try {
		return readFileSync(stampPath, 'utf8').trim() === version && cases.every((c) => existsSync(join(root, c.path)));
	} catch {
		return false;
	}
}

const cases = staticCases();
const rawNameCase = {
	path: rawNameBytes.toString('utf8'),
	pathHex: rawNameBytes.toString('hex'),
	case: 'invalid UTF-8 bytes in the file name',
	expect: 'any',
	cat: false,
	why: 'argv cannot carry non-UTF-8 bytes from Node',
};
// A marker left by an earlier, vulnerable build would fail every later run.
for (const marker of Object.values(markers)) rmSync(marker, {force: true});
mkdirSync(root, {recursive: true});
if (!upToDate(cases)) {
	for (const name of readdirSync(root)) removeTree(join(root, name));
	for (const {path, content} of cases) writeCase(path, content);
	writeFileSync(Buffer.concat([Buffer.from(`${root}/`), rawNameBytes]), untitledRaw());
}
const tree = writeTree();
const manifest = {
	generator: version,
	description:
		'Hostile-input fixtures (issue 4). expect: listed = in `leaf list --json`; unreadable = listed when the OS lets us read it, else one stderr line; unreadable-dir = the same for a folder and its `contains`; not-listed = never an article; link-dir = a symlinked folder nothing is listed through; any = must only not crash.',
	markers: Object.values(markers),
	cases: [...cases.map(({content: _content, ...rest}) => rest), rawNameCase, ...tree],
};
writeFileSync(join(root, 'MANIFEST.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
writeFileSync(stampPath, `${version}\n`);

/** Symlinks, a FIFO and permissions: rebuilt on every run, see the top of the file. */
function writeTree() {
	removeTree(join(root, 'tree'));
	const cases = [];
	const file = (path, description, expect = 'listed', extra = {}) => {
		writeCase(path, md(plain(description), `<p>${description}</p>`));
		cases.push({path, case: description, expect, cat: true, ...extra});
	};
	const link = (path, target, description, expect, extra = {}) => {
		symlinkSync(target, join(root, path));
		cases.push({path, target, case: description, expect, cat: true, ...extra});
	};
	file('tree/ok.md', 'an ordinary article');
	file('tree/x.md/inside.md', 'an article inside a folder named x.md');
	cases.push({path: 'tree/x.md', case: 'a folder named x.md', expect: 'not-listed', cat: true});
	file('tree/deep/a/b/c/d/e/f/g/deep.md', 'an article nine folders down');
	link('tree/loop', '.', 'a symlink to its own folder', 'link-dir');
	link('tree/deep/a/up', '../..', 'a symlink two folders up', 'link-dir');
	link('tree/escape', '../..', 'a symlink out of the library', 'link-dir');
	link('tree/dangling-dir', 'missing-dir', 'a dangling folder symlink', 'link-dir');
	link('tree/self.md', 'self.md', 'a symlink to itself', 'not-listed');
	link('tree/ping.md', 'pong.md', 'two symlinks pointing at each other', 'not-listed');
	link('tree/pong.md', 'ping.md', 'two symlinks pointing at each other', 'not-listed');
	link('tree/dangling.md', 'missing/nowhere.md', 'a dangling symlink', 'not-listed');
	link('tree/outside.md', '/etc/passwd', 'a symlink to a file outside the library', 'not-listed');
	link('tree/zero.md', '/dev/zero', 'a symlink to an endless device', 'not-listed', {
		cat: false,
		why: 'an endless file named on the command line is the user asking for it',
	});
	link('tree/alias.md', 'ok.md', 'a symlink to an article in the library', 'any');
	if (spawnSync('mkfifo', [join(root, 'tree/fifo.md')]).status === 0) {
		cases.push({
			path: 'tree/fifo.md',
			case: 'a named pipe called .md (opening it blocks)',
			expect: 'not-listed',
			cat: false,
			why: 'reading a FIFO named on the command line blocks, as with cat(1)',
		});
	}
	file('tree/locked.md', 'a file with mode 000', 'unreadable');
	chmodSync(join(root, 'tree/locked.md'), 0);
	writeCase('tree/locked-dir/hidden.md', md(plain('inside a folder with mode 000'), '<p>hidden</p>'));
	chmodSync(join(root, 'tree/locked-dir'), 0);
	cases.push({
		path: 'tree/locked-dir',
		case: 'a folder with mode 000',
		expect: 'unreadable-dir',
		contains: ['tree/locked-dir/hidden.md'],
		cat: true,
	});
	writeCase(
		'tree/locked-search/entry.md',
		md(plain('inside a folder that can be listed but not entered'), '<p>entry</p>'),
	);
	chmodSync(join(root, 'tree/locked-search'), 0o644);
	cases.push({
		path: 'tree/locked-search',
		case: 'a folder with mode 644: names readable, files not',
		expect: 'unreadable-dir',
		contains: ['tree/locked-search/entry.md'],
		cat: true,
	});
	return cases;
}

function untitledRaw() {
	return md('date: 2022-03-03 12:00:00', '<p>invalid UTF-8 bytes in the file name</p>');
}
