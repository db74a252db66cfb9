import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import module from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {articleFolder, articlePath} from '../helpers/fixtures.ts';
import {writeLoadLogger} from '../helpers/load-log.ts';
import {ensureBuilt, repo, runLeaf} from './run-leaf.ts';

before(ensureBuilt);
const temp = mkdtempSync(join(tmpdir(), 'leaf-main-'));
after(() => rmSync(temp, {recursive: true, force: true}));

const {version} = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {version: string};

test('--version prints the package version', () => {
	assert.deepEqual(runLeaf(['--version']), {status: 0, stdout: `${version}\n`, stderr: ''});
});

test('help in meow style: the same text from --help, -h and help; one per command', () => {
	const main = runLeaf(['--help']);
	assert.equal(main.status, 0);
	for (const heading of ['Usage', 'Options', 'Examples', '$ leaf cat', '$ leaf list', '--version'])
		assert.ok(main.stdout.includes(heading), heading);
	assert.deepEqual(runLeaf(['-h']), main);
	assert.deepEqual(runLeaf(['help']), main);
	for (const command of ['cat', 'list']) {
		const help = runLeaf(['help', command]);
		assert.equal(help.status, 0, command);
		assert.notEqual(help.stdout, main.stdout, command);
		assert.match(help.stdout, new RegExp(`Usage\\n {4}\\$ leaf ${command}`), command);
		assert.ok(help.stdout.includes('Examples'), command);
		assert.deepEqual(runLeaf([command, '--help']), help, command);
		assert.deepEqual(runLeaf([command, '-h']), help, command);
	}
	assert.match(runLeaf(['help', 'cat']).stdout, /--width N[\s\S]*--no-wrap[\s\S]*--color auto\|always\|never/);
	assert.match(runLeaf(['help', 'list']).stdout, /--json[\s\S]*--category PATH[\s\S]*--unread/);
});

test('usage errors at the top level exit 2 with one line', () => {
	const cases: [string[], RegExp][] = [
		[['help', 'nope'], /^leaf: unknown command: nope \(see: leaf help\)\n$/],
		[['help', 'cat', 'list'], /^leaf: unexpected argument: list \(see: leaf help\)\n$/],
		[['--nope'], /^leaf: unknown option: --nope \(see: leaf help\)\n$/],
		[['-x'], /^leaf: unknown option: -x \(see: leaf help\)\n$/],
	];
	for (const [args, stderr] of cases) {
		const run = runLeaf(args);
		assert.deepEqual([run.status, run.stdout], [2, ''], args.join(' '));
		assert.match(run.stderr, stderr, args.join(' '));
	}
});

test('the cat and list paths never load React or Ink', () => {
	// A loader hook logs every module the child loads, ESM and require() alike.
	const log = join(temp, 'loaded.log');
	const preload = writeLoadLogger(temp);
	const library = articleFolder;
	for (const args of [['cat', articlePath], ['list', library], ['list', library, '--json'], [library]]) {
		writeFileSync(log, '');
		const run = runLeaf(args, {node: ['--import', preload], env: {LEAF_LOAD_LOG: log}});
		assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
		const loaded = readFileSync(log, 'utf8').trim().split('\n');
		const bundleFiles = loaded.filter((url) => url.startsWith('file:') && url.includes('/dist/'));
		assert.ok(
			bundleFiles.some((url) => url.endsWith('/dist/cli.js')),
			`${args.join(' ')}: the log saw nothing`,
		);
		assert.deepEqual(
			loaded.filter(
				(url) =>
					/\b(ink|react)\b/.test(url) ||
					(url.startsWith('file:') && !url.includes('/dist/') && !url.endsWith('/bin/leaf.js')),
			),
			[],
			args.join(' '),
		);
		for (const url of bundleFiles) {
			const code = readFileSync(new URL(url), 'utf8');
			assert.ok(
				!code.includes('react.transitional.element') && !code.includes('Raw mode is not supported'),
				`${args.join(' ')} loaded React/Ink in ${url}`,
			);
		}
	}
	const cli = readFileSync(join(repo, 'dist/cli.js'), 'utf8');
	assert.ok(
		!/react\.transitional\.element|Raw mode is not supported|useInput/.test(cli),
		'dist/cli.js holds React or Ink code',
	);
});

test("Node's compile cache is kept with leaf's caches where Node has one, and nowhere otherwise", () => {
	const cache = mkdtempSync(join(tmpdir(), 'leaf-compiled-'));
	try {
		// `help`: the command line alone (`cat` keeps the render pipeline's code there on every Node: cat.test.ts).
		const run = runLeaf(['help'], {env: {XDG_CACHE_HOME: cache}});
		assert.equal(run.status, 0, run.stderr);
		const made = existsSync(join(cache, 'leaf', 'compiled'));
		assert.equal(
			made,
			typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function',
			`compile cache folder made: ${made}`,
		);
		const off = mkdtempSync(join(tmpdir(), 'leaf-compiled-off-'));
		try {
			// Node's switch turns leaf's code caches off too.
			runLeaf(['cat', articlePath], {env: {XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1'}});
			assert.equal(existsSync(join(off, 'leaf', 'compiled')), false);
		} finally {
			rmSync(off, {recursive: true, force: true});
		}
	} finally {
		rmSync(cache, {recursive: true, force: true});
	}
});
