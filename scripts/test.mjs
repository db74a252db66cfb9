// Runs every tests/**/*.test.ts(x) file with Node's test runner (through tsx), several files at once: each file is
// a process of its own with its own temporary folders and tmux socket, so files share no state. The hostile
// fixtures are generated first (they hold bytes we do not commit), once, before any file reads them.
// LEAF_TEST_CONCURRENCY sets how many files run at once (default: the number of CPUs, at least 2).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';

function findTests(dir) {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const path = join(dir, name);
			if (name === 'fixtures') return [];
			if (statSync(path).isDirectory()) return findTests(path);
			return /\.test\.tsx?$/.test(name) ? [path] : [];
		});
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('tests');
// A test that forgets to point leaf at a temp folder must not touch the user's own read marks or index.
const sandbox = mkdtempSync(join(tmpdir(), 'leaf-test-'));
const env = {...process.env, XDG_CONFIG_HOME: join(sandbox, 'config'), XDG_CACHE_HOME: join(sandbox, 'cache')};
const run = (args) => spawnSync(process.execPath, args, {stdio: 'inherit', env}).status ?? 1;

let status = run(['scripts/make-hostile-fixtures.mjs', 'tests/fixtures/hostile']);
const concurrency = Number(process.env.LEAF_TEST_CONCURRENCY) || Math.max(2, availableParallelism());
if (status === 0)
	status = run(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files]);
rmSync(sandbox, {recursive: true, force: true});
process.exit(status);
