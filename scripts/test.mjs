// Runs every tests/**/*.test.ts(x) file with Node's test runner (through tsx).
// The hostile fixtures are generated first: they hold bytes we do not commit.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

function findTests(dir) {
	return readdirSync(dir).sort().flatMap((name) => {
		const path = join(dir, name);
		if (name === 'fixtures') return [];
		if (statSync(path).isDirectory()) return findTests(path);
		return /\.test\.tsx?$/.test(name) ? [path] : [];
	});
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('tests');
const run = (args) => spawnSync(process.execPath, args, {stdio: 'inherit'}).status ?? 1;

let status = run(['scripts/make-hostile-fixtures.mjs', 'tests/fixtures/hostile']);
if (status === 0) status = run(['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
process.exit(status);
