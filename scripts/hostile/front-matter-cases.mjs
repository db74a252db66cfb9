// The hostile cases of front matter: unreadable, code-running, or misleading (make-hostile-fixtures.mjs).
import {jsPayload, markers, md, plain, yq} from './shared.mjs';

/** Adds the cases through `add(path, description, content, extra)`, drawing bytes from `random` (seeded). */
export function frontMatterCases(add, random) {
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
}
