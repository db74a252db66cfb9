import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {ARTICLE, articlePath} from '../helpers/fixtures.ts';
import {ensureBuilt, hasScript, inTerminal, leafBin, runLeaf} from './run-leaf.ts';

before(ensureBuilt);

const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const widest = (text: string) => Math.max(...lines(text).map((line) => stringWidth(line)));
const temp = mkdtempSync(join(tmpdir(), 'leaf-cat-'));
after(() => rmSync(temp, {recursive: true, force: true}));

test("cat prints an article of the seed's shape: title first, body text after, nothing on stderr", () => {
	const {status, stdout, stderr} = runLeaf(['cat', articlePath]);
	assert.equal(status, 0);
	assert.equal(stderr, '');
	assert.equal(lines(stdout)[0], ARTICLE.title);
	assert.ok(stdout.replace(/\s/g, '').includes('4月15日清晨，杭州西湖边的旧书市集迎来了今年第一个周末。'));
});

test('every line fits --width, and piped output defaults to 80 columns', () => {
	for (const width of [20, 33, 40, 80, 120, 300]) {
		const {status, stdout} = runLeaf(['cat', articlePath, '--width', String(width)]);
		assert.equal(status, 0, `width ${width}`);
		assert.ok(widest(stdout) <= width, `width ${width}: a line is ${widest(stdout)} columns`);
	}
	const {stdout} = runLeaf(['cat', articlePath]);
	assert.ok(widest(stdout) <= 80 && widest(stdout) > 60, `default: widest line ${widest(stdout)}`);
	assert.equal(
		runLeaf(['cat', `--width=40`, articlePath]).stdout,
		runLeaf(['cat', articlePath, '--width', '40']).stdout,
	);
});

test('--no-wrap keeps each paragraph on one line', () => {
	const wrapped = runLeaf(['cat', articlePath, '--width', '40']).stdout;
	const unwrapped = runLeaf(['cat', articlePath, '--no-wrap', '--width', '40']).stdout;
	assert.ok(widest(unwrapped) > 300, `widest unwrapped line ${widest(unwrapped)}`);
	assert.ok(lines(unwrapped).length < lines(wrapped).length);
	// The header breaks at its separators, which are not repeated at a line start: nothing else may differ.
	const text = (output: string) => output.replace(/\s|·/g, '');
	assert.equal(text(unwrapped), text(wrapped));
});

test('an article on stdin: piped with no FILE, or FILE -', () => {
	const fromFile = runLeaf(['cat', articlePath]).stdout;
	const source = readFileSync(articlePath, 'utf8');
	for (const args of [['cat'], ['cat', '-']]) {
		const {status, stdout, stderr} = runLeaf(args, {input: source});
		assert.equal(status, 0, args.join(' '));
		assert.equal(stderr, '', args.join(' '));
		assert.equal(stdout, fromFile, args.join(' '));
	}
	// Without front matter the title comes from the name stdin goes by.
	assert.equal(lines(runLeaf(['cat'], {input: 'just text'}).stdout)[0], 'stdin');
});

test('without a title in front matter: the first heading, else the base name', () => {
	const file = join(temp, 'plain-notes.md');
	writeFileSync(file, '# The *Heading*\n\nSome text.\n');
	assert.deepEqual(lines(runLeaf(['cat', file]).stdout), ['The Heading', '', 'Some text.']);
	writeFileSync(file, '<p>intro</p><h2>Later</h2><p>more</p>');
	assert.deepEqual(lines(runLeaf(['cat', file]).stdout), ['Later', '', 'intro', '', 'Later', '', 'more']);
	writeFileSync(file, 'no heading at all');
	assert.equal(lines(runLeaf(['cat', file]).stdout)[0], 'plain-notes');
	assert.equal(lines(runLeaf(['cat'], {input: '## From stdin\ntext'}).stdout)[0], 'From stdin');
});

test('several files print one after another, separated by a rule; a failing one is reported, the rest print', () => {
	const a = join(temp, 'a.md');
	const b = join(temp, 'b.md');
	writeFileSync(a, '---\ntitle: A\n---\nfirst');
	writeFileSync(b, '---\ntitle: B\n---\nsecond');
	const both = runLeaf(['cat', a, b, '--width', '20']);
	assert.equal(both.status, 0);
	assert.deepEqual(lines(both.stdout), ['A', '', 'first', '', '─'.repeat(20), '', 'B', '', 'second']);
	const missing = runLeaf(['cat', a, join(temp, 'nope.md'), b, '--width', '20']);
	assert.equal(missing.status, 1);
	assert.match(missing.stderr, /^leaf: no such file: .*nope\.md\n$/);
	assert.deepEqual(lines(missing.stdout), lines(both.stdout));
	assert.equal(runLeaf(['cat', '-', '-'], {input: 'x'}).status, 2);
});

test('non-text and empty input are refused with one line and exit 1', () => {
	const binary = join(temp, 'program.md');
	writeFileSync(binary, Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(4000), Buffer.from([0xff, 0xfe, 0x80])]));
	const latin1 = join(temp, 'latin1.md');
	writeFileSync(latin1, Buffer.from(`caf\xe9 `.repeat(20), 'latin1'));
	const stray = join(temp, 'stray.md');
	writeFileSync(
		stray,
		Buffer.concat([Buffer.from('text with a stray byte '), Buffer.from([0xff, 0x00]), Buffer.from('.')]),
	);
	const empty = join(temp, 'empty.md');
	writeFileSync(empty, ' \n\n');
	const cases: [string[], string | undefined, RegExp][] = [
		[['cat', binary], undefined, /^leaf: .*program\.md is not a text file \(NUL bytes\)\n$/],
		[['cat', latin1], undefined, /^leaf: .*latin1\.md is not UTF-8 text \(20 invalid sequences\)\n$/],
		[['cat', empty], undefined, /^leaf: .*empty\.md is empty\n$/],
		[['cat'], '', /^leaf: stdin is empty\n$/],
		[['cat', '-'], '\n  \n', /^leaf: stdin is empty\n$/],
	];
	for (const [args, input, stderr] of cases) {
		const run = runLeaf(args, input === undefined ? {} : {input});
		assert.equal(run.status, 1, args.join(' '));
		assert.match(run.stderr, stderr, args.join(' '));
		assert.equal(run.stdout, '', args.join(' '));
	}
	const ok = runLeaf(['cat', stray]);
	assert.equal(ok.status, 0);
	assert.match(ok.stdout, /text with a stray byte \ufffd\./);
	if (existsSync('/bin/ls')) assert.match(runLeaf(['cat', '/bin/ls']).stderr, /^leaf: \/bin\/ls is not a text file/);
});

test('plain output keeps code lines whole for copying; --width or styles cut them and mark continuations', () => {
	const file = join(temp, 'code.md');
	const code = `x = ${'a'.repeat(30)} + ${'b'.repeat(30)};`;
	writeFileSync(file, `---\ntitle: C\n---\n\n    ${code}\n`);
	assert.ok(lines(runLeaf(['cat', file]).stdout).includes(code));
	assert.deepEqual(lines(runLeaf(['cat', file, '--width', '40']).stdout).slice(2), [
		code.slice(0, 40),
		`↪ ${code.slice(40)}`,
	]);
	const styled = lines(runLeaf(['cat', file, '--width', '40', '--color', 'always']).stdout).slice(2);
	assert.deepEqual(styled, [
		`\x1b[33m${code.slice(0, 40)}\x1b[0m`,
		`\x1b[2;90m↪\x1b[0m\x1b[33m ${code.slice(40)}\x1b[0m`,
	]);
});

test('--color always: bold, italic, code, kbd, strike and headings each look their own', () => {
	const file = join(temp, 'inline.md');
	writeFileSync(
		file,
		'---\ntitle: T\n---\n<h2>Two</h2><h3>Three</h3><p><b>b</b> <i>i</i> <code>c</code> <kbd>k</kbd> <del>d</del></p>',
	);
	const color = lines(runLeaf(['cat', file, '--color', 'always']).stdout);
	assert.deepEqual(color, [
		'\x1b[1;36mT\x1b[0m',
		'',
		'\x1b[1;32mTwo\x1b[0m',
		'',
		'\x1b[1;3mThree\x1b[0m',
		'',
		'\x1b[1mb\x1b[0m \x1b[3mi\x1b[0m \x1b[33mc\x1b[0m \x1b[1;7mk\x1b[0m \x1b[9md\x1b[0m',
	]);
	// NO_COLOR keeps the attributes and drops the colours.
	const noColor = lines(runLeaf(['cat', file, '--color', 'always'], {env: {NO_COLOR: '1'}}).stdout);
	assert.deepEqual(noColor.slice(0, 3), ['\x1b[1mT\x1b[0m', '', '\x1b[1mTwo\x1b[0m']);
	assert.equal(noColor[6], '\x1b[1mb\x1b[0m \x1b[3mi\x1b[0m c \x1b[1;7mk\x1b[0m \x1b[9md\x1b[0m');
	assert.deepEqual(lines(runLeaf(['cat', file]).stdout), ['T', '', 'Two', '', 'Three', '', 'b i c k d']);
});

test('color: never for pipes by default, always on request, never on request', () => {
	const cases: [string[], Record<string, string>, boolean][] = [
		[[], {}, false],
		[['--color', 'never'], {}, false],
		[['--color', 'auto'], {}, false],
		[['--color', 'always'], {}, true],
		[['--color=always'], {NO_COLOR: '1', TERM: 'dumb'}, true],
	];
	for (const [flags, env, colored] of cases) {
		const {status, stdout} = runLeaf(['cat', articlePath, ...flags], {env});
		assert.equal(status, 0, flags.join(' '));
		assert.equal(stdout.includes('\x1b['), colored, flags.join(' '));
	}
	const title = lines(runLeaf(['cat', articlePath, '--color', 'always']).stdout)[0];
	assert.equal(title, `\x1b[1;36m${ARTICLE.title}\x1b[0m`);
});

test('escape sequences in an article never reach the terminal, even with color on', () => {
	const file = join(temp, 'hostile.md');
	writeFileSync(file, '---\ntitle: "a\\e[2Jb\\x07"\nauthor: "\\e]0;pwned\\x07"\n---\n<p>x\x1b[31my\x9b1m\x07z</p>\n');
	const {status, stdout} = runLeaf(['cat', file, '--color', 'always']);
	assert.equal(status, 0);
	// Our own styles are the only escapes: ESC followed by one of the SGR codes we use.
	const foreign = stdout.replace(/\x1b\[(?:\d{1,2};)*\d{1,2}m/g, '');
	assert.doesNotMatch(foreign, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
});

test('cat errors are one line on stderr: 1 for a missing or unreadable file, 2 for usage', () => {
	const cases: [string[], number, RegExp][] = [
		[['cat', 'nope.md'], 1, /^leaf: no such file: nope\.md\n$/],
		[['cat', temp], 1, /^leaf: .* is a folder \(try: leaf list .*\)\n$/],
		[
			['cat', articlePath, '--width', 'abc'],
			2,
			/^leaf: --width must be a whole number from 20 to 300, not 'abc' \(see: leaf help cat\)\n$/,
		],
		[['cat', articlePath, '--width', '10'], 2, /^leaf: --width must be a whole number from 20 to 300, not '10'/],
		[['cat', articlePath, '--width', '301'], 2, /^leaf: --width must be/],
		[['cat', articlePath, '--width'], 2, /^leaf: option --width needs a value/],
		[['cat', articlePath, '--color', 'blue'], 2, /^leaf: --color must be auto, always or never, not 'blue'/],
		[['cat', articlePath, '--wrap-not'], 2, /^leaf: unknown option: --wrap-not \(see: leaf help cat\)\n$/],
	];
	for (const [args, status, stderr] of cases) {
		const run = runLeaf(args);
		assert.equal(run.status, status, args.join(' '));
		assert.match(run.stderr, stderr, args.join(' '));
		assert.equal(run.stdout, '', args.join(' '));
	}
});

test('an article with broken front matter is still printed, with one warning line', () => {
	const file = join(temp, 'broken.md');
	writeFileSync(file, '---\ntitle: [x\n---\n<p>body text</p>\n');
	const {status, stdout, stderr} = runLeaf(['cat', file]);
	assert.equal(status, 0);
	assert.match(
		stderr,
		/^leaf: broken\.md: front matter is not valid YAML \(YAMLException line \d+\): read line by line\n$/,
	);
	assert.equal(lines(stdout)[0], '[x');
	assert.match(stdout, /body text/);
});

test(
	'in a terminal: its width, color on unless NO_COLOR or TERM=dumb; FILE needed',
	{skip: !hasScript && 'no script(1)'},
	() => {
		const cat = `${JSON.stringify(process.execPath)} ${JSON.stringify(leafBin)} cat`;
		const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
		for (const columns of [37, 50, 100]) {
			const {status, output} = inTerminal(`${cat} ${JSON.stringify(articlePath)}`, columns);
			assert.equal(status, 0, `${columns} columns`);
			assert.ok(
				widest(plain(output)) <= columns && widest(plain(output)) > columns - 6,
				`${columns} columns: widest ${widest(plain(output))}`,
			);
			assert.ok(output.includes('\x1b[1;36m'), `${columns} columns: no color`);
		}
		const noColor = inTerminal(`${cat} ${JSON.stringify(articlePath)}`, 80, {NO_COLOR: '1'}).output;
		assert.ok(noColor.includes('\x1b[1m'), 'NO_COLOR keeps bold');
		assert.doesNotMatch(noColor, /\x1b\[[0-9;]*(?:3\d|9\d)m/, 'NO_COLOR: no colour');
		assert.ok(
			!inTerminal(`${cat} ${JSON.stringify(articlePath)}`, 80, {TERM: 'dumb'}).output.includes('\x1b['),
			'TERM=dumb',
		);
		const noFile = inTerminal(cat, 80);
		assert.equal(noFile.status, 2);
		assert.match(noFile.output, /^leaf: cat needs a FILE, or an article piped to stdin \(see: leaf help cat\)\n$/);
	},
);

test("cat keeps the render pipeline's compiled code: saved by the first run, used by the next, a damaged one made again", () => {
	const cache = mkdtempSync(join(temp, 'cache-'));
	const compiled = join(cache, 'leaf', 'compiled');
	const cat = () => runLeaf(['cat', articlePath, '--width', '60'], {env: {XDG_CACHE_HOME: cache}});
	const expected = runLeaf(['cat', articlePath, '--width', '60'], {env: {NODE_DISABLE_COMPILE_CACHE: '1'}});
	assert.equal(expected.status, 0);
	// (Node 22 and later keep their compile cache of the command line beside it.)
	const laterCaches = (folder: string) =>
		existsSync(folder) ? readdirSync(folder).filter((name) => /^browser-later\.cjs-.*\.v8$/.test(name)) : [];
	const cacheFile = () => {
		const names = laterCaches(compiled);
		assert.equal(names.length, 1, `one cache file: ${names.join(', ')}`);
		return join(compiled, names[0]!);
	};

	assert.deepEqual(cat(), expected);
	const file = cacheFile();
	const saved = statSync(file);
	assert.ok(saved.size > 100_000, `${saved.size} bytes`);
	// Used as it is: not written again.
	assert.deepEqual(cat(), expected);
	assert.equal(statSync(file).mtimeMs, saved.mtimeMs);

	const damaged = readFileSync(file);
	for (let at = 1000; at < damaged.length; at += 4099) damaged[at]! ^= 0xff;
	writeFileSync(file, damaged);
	assert.deepEqual(cat(), expected);
	assert.notDeepEqual(readFileSync(cacheFile()), damaged, 'refused, and made again');
	// --help and a usage error load no render pipeline, so they save nothing.
	const other = mkdtempSync(join(temp, 'cache-'));
	assert.equal(runLeaf(['cat', '--help'], {env: {XDG_CACHE_HOME: other}}).status, 0);
	assert.equal(runLeaf(['cat', '--width', 'x', articlePath], {env: {XDG_CACHE_HOME: other}}).status, 2);
	assert.deepEqual(laterCaches(join(other, 'leaf', 'compiled')), []);
});
