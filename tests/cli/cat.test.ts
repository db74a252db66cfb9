import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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
	assert.equal(unwrapped.replace(/\s/g, ''), wrapped.replace(/\s/g, ''));
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

test('a file argument without a title is named by its base name', () => {
	const file = join(temp, 'plain-notes.md');
	writeFileSync(file, '# Heading\n\nSome text.\n');
	assert.equal(lines(runLeaf(['cat', file]).stdout)[0], 'plain-notes');
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
	assert.equal(title, `\x1b[1m${ARTICLE.title}\x1b[0m`);
});

test('escape sequences in an article never reach the terminal, even with color on', () => {
	const file = join(temp, 'hostile.md');
	writeFileSync(file, '---\ntitle: "a\\e[2Jb\\x07"\nauthor: "\\e]0;pwned\\x07"\n---\n<p>x\x1b[31my\x9b1m\x07z</p>\n');
	const {status, stdout} = runLeaf(['cat', file, '--color', 'always']);
	assert.equal(status, 0);
	// Our own styles are the only escapes: ESC followed by one of the SGR codes we use.
	const foreign = stdout.replace(/\x1b\[(?:0|1|2|4|1;4)m/g, '');
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
		[['cat', articlePath, articlePath], 2, /^leaf: unexpected argument: /],
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
			assert.ok(output.includes('\x1b[1m'), `${columns} columns: no color`);
		}
		for (const env of [{NO_COLOR: '1'}, {TERM: 'dumb'}] as Record<string, string>[]) {
			assert.ok(
				!inTerminal(`${cat} ${JSON.stringify(articlePath)}`, 80, env).output.includes('\x1b['),
				JSON.stringify(env),
			);
		}
		const noFile = inTerminal(cat, 80);
		assert.equal(noFile.status, 2);
		assert.match(noFile.output, /^leaf: cat needs a FILE, or an article piped to stdin \(see: leaf help cat\)\n$/);
	},
);
