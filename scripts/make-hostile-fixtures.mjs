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
import {dirname, join} from 'node:path';
import {createRandom} from './bench/prng.mjs';
import {contentCases} from './hostile/content-cases.mjs';
import {frontMatterCases} from './hostile/front-matter-cases.mjs';
import {markers, md, plain} from './hostile/shared.mjs';

const root = process.argv[2];
if (!root) {
	process.stderr.write('usage: node scripts/make-hostile-fixtures.mjs DIR\n');
	process.exit(2);
}

const sources = [
	'make-hostile-fixtures.mjs',
	'hostile/shared.mjs',
	'hostile/front-matter-cases.mjs',
	'hostile/content-cases.mjs',
	'bench/prng.mjs',
	'bench/text.mjs',
].map((file) => readFileSync(new URL(file, import.meta.url)));
const version = createHash('sha256')
	.update(Buffer.concat(sources))
	.update(JSON.stringify(markers))
	.digest('hex')
	.slice(0, 16);
const stampPath = join(root, '.generated');

function staticCases() {
	const random = createRandom(0x1eaf);
	const cases = [];
	const add = (path, description, content, extra = {}) =>
		cases.push({path, case: description, expect: 'listed', cat: true, ...extra, content});
	frontMatterCases(add, random);
	contentCases(add, random);
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
