import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticleMeta} from '../../src/core/article/article.ts';
import {
	frontMatterPrefix,
	NotRegularFileError,
	parseFound,
	readFrontMatterText,
	readHeadMeta,
} from '../../src/io/scan-head.ts';
import {articleFolder} from '../helpers/fixtures.ts';
import {corpusDir, repoRoot, seedPath, skipUnlessShared} from '../helpers/shared.ts';

const temp = mkdtempSync(join(tmpdir(), 'leaf-head-'));
after(() => rmSync(temp, {recursive: true, force: true}));
const content = fileURLToPath(new URL('../../content/', import.meta.url));

function markdownFiles(folder: string): string[] {
	return readdirSync(folder, {recursive: true, withFileTypes: true})
		.filter((entry) => entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** The metadata from the head of the file must be what parsing the whole file gives. */
function assertSameAsWhole(file: string, name = file): void {
	const whole = parseArticleMeta(readFileSync(file, 'utf8'), name);
	assert.deepEqual(readHeadMeta(file, name), whole, name);
}

test('the bundled manual and the seed-shaped article: the head gives the metadata of the whole file', () => {
	const files = [...markdownFiles(content), ...markdownFiles(articleFolder)];
	assert.ok(files.length >= 2, `${files.length} files`);
	for (const file of files) assertSameAsWhole(file, relative(repoRoot, file));
});

test(
	'the seed and the real corpus: the head gives the metadata of the whole file',
	{skip: skipUnlessShared(corpusDir) || skipUnlessShared(seedPath)},
	() => {
		const files = [...markdownFiles(corpusDir), seedPath];
		assert.ok(files.length >= 60, `${files.length} files`);
		for (const file of files) assertSameAsWhole(file, relative(dirname(corpusDir), file));
	},
);

const cjk = '汉字'.repeat(700);
const longTags = Array.from({length: 600}, (_, i) => `  - 标签${i}`).join('\n');

// Each case is a file whose front matter or its absence is decided near or past the first 4 KiB.
const cases: [string, string | Buffer][] = [
	['front matter longer than the first read', `---\ntitle: Long\ntags:\n${longTags}\n---\n<p>body</p>\n`],
	['a title of CJK characters across the 4 KiB boundary', `---\ntitle: ${cjk}\ndate: 2021-10-28 14:08:07\n---\nbody\n`],
	['leading blank lines past 4 KiB, then front matter', `${'\n'.repeat(5000)}---\ntitle: Late\n---\nbody`],
	[
		'ideographic spaces (whitespace, 3 bytes) across the boundary, then front matter',
		`${'\u3000'.repeat(1500)}---\ntitle: Spaced\n---\nbody`,
	],
	['CJK text across the boundary and no front matter', `${cjk}\n---\ntitle: Not front matter\n---\n`],
	['the closing line straddles byte 4096', `---\ntitle: ${'x'.repeat(4096 - 16)}\n---\nbody`],
	['CR just before byte 4096, its LF after', `---\r\ntitle: ${'y'.repeat(4096 - 18)}\r\n---\r\nbody`],
	['lone CR line ends', '---\rtitle: Old Mac\rdate: 2020-01-02\r---\rbody\r'],
	['CRLF and a byte order mark', '\ufeff---\r\ntitle: BOM\r\n---\r\nbody'],
	['never closed, body past 4 KiB', `---\ntitle: Open\n${'<p>正文</p>\n'.repeat(800)}`],
	['never closed, no newline at all', `---title: ${'z'.repeat(5000)}`],
	['a horizontal rule, not front matter', `----\ntitle: Rule\n----\n${'a'.repeat(5000)}`],
	['an unsupported language', `---coffee\ntitle: x\n---\nbody`],
	['a language that runs code', '---js\n({title: "EXECUTED"})\n---\nbody'],
	['yaml named explicitly', '---yaml\ntitle: Named\n---\nbody'],
	['empty file', ''],
	['only dashes', '---'],
	['only whitespace past 4 KiB', ' \n'.repeat(3000)],
	['broken YAML far into the block', `---\ntitle: ok\n${'k: v\n'.repeat(1000)}bad: [\n---\nbody`],
	['a file of exactly 4096 bytes ending in its closing line', `---\ntitle: ${'e'.repeat(4096 - 19)}\n---\n`],
	[
		'invalid UTF-8 in the front matter',
		Buffer.concat([
			Buffer.from('---\ntitle: bad '),
			Buffer.from([0xff, 0xc3, 0x28, 0xe4, 0xb8]),
			Buffer.from('\n---\nbody'),
		]),
	],
	[
		'a cut UTF-8 sequence right at byte 4096',
		Buffer.concat([Buffer.from(`---\ntitle: ${'w'.repeat(4096 - 12)}`), Buffer.from('汉字\n---\n')]),
	],
];

test('edge cases around the first read give the metadata of the whole file', () => {
	for (const [name, text] of cases) {
		const file = join(temp, `${name.replace(/\W+/g, '-')}.md`);
		writeFileSync(file, text);
		assertSameAsWhole(file, name);
	}
});

test('frontMatterPrefix decides only when the text says enough', () => {
	const table: [string, boolean, string | null][] = [
		['---\ntitle: a\n---\nbody', false, '---\ntitle: a\n---'],
		['---\ntitle: a\n--', false, null],
		['---\ntitle: a', false, null],
		['---\ntitle: a', true, '---\ntitle: a'],
		['  \n', false, null],
		['  \n', true, '  \n'],
		['--', false, null],
		['<p>no front matter</p>', false, '<p>'],
		['\n\n---\nx: 1\n---\n', false, '\n\n---\nx: 1\n---'],
	];
	for (const [text, whole, expected] of table)
		assert.equal(frontMatterPrefix(text, whole), expected, JSON.stringify(text));
});

/** Bytes this process has read through read(2) so far (Linux counts them in /proc/self/io). */
function bytesRead(): number {
	return Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
}

test('only the head is read: a 5 MB body is not', () => {
	const file = join(temp, 'big.md');
	writeFileSync(file, `---\ntitle: Big\n---\n${'<p>正文</p>\n'.repeat(500_000)}`);
	const before = bytesRead();
	assert.equal(readFrontMatterText(file), '---\ntitle: Big\n---');
	const read = bytesRead() - before;
	// The head's one page, and /proc/self/io itself.
	assert.ok(read > 0 && read < 16_384, `${read} bytes read`);
});

test('front matter longer than the first page: the file is read only as far as it goes', () => {
	const file = join(temp, 'long-head.md');
	const head = `---\ntitle: Long\ntags:\n${Array.from({length: 1000}, (_, i) => `  - tag${i}`).join('\n')}\n---`;
	writeFileSync(file, `${head}\n${'<p>正文</p>\n'.repeat(500_000)}`);
	const before = bytesRead();
	assert.equal(readFrontMatterText(file), head);
	const read = bytesRead() - before;
	assert.ok(read < 100_000, `${read} bytes read`);
});

test(
	'what is not a regular file is refused without blocking; read errors are one warning line',
	{timeout: 10_000},
	() => {
		const fifo = join(temp, 'pipe.md');
		execFileSync('mkfifo', [fifo]);
		assert.throws(() => readHeadMeta(fifo, 'pipe.md'), NotRegularFileError);
		mkdirSync(join(temp, 'folder.md'));
		writeFileSync(join(temp, 'ok.md'), '---\ntitle: OK\n---\n');
		const parsed = parseFound(temp, ['ok.md', 'pipe.md', 'folder.md', 'gone.md']);
		assert.deepEqual(
			parsed.metas.map((meta) => meta?.title ?? null),
			['OK', null, null, null],
		);
		assert.deepEqual(parsed.warnings, [
			'skipped pipe.md: not a regular file',
			'skipped folder.md: not a regular file',
			'cannot read gone.md: no such file or folder',
		]);
	},
);
