// `leaf cat` on every hostile fixture at widths 20 and 80: a readable article renders (exit 0) with
// every line within the width in display columns and no control or bidi character; anything else
// is one clean stderr line and a non-zero exit. Never a hang, a crash or executed front matter.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import stringWidth from 'string-width';
import type {FixtureCase} from './harness.ts';
import {
	assertSandboxClean,
	canRead,
	controlCharacters,
	createSandbox,
	fixtures,
	isRegularFile,
	loadManifest,
	oneLineError,
	runLeaf,
} from './harness.ts';

const manifest = loadManifest();
const sandbox = createSandbox();
after(() => sandbox.dispose());
const widths = [20, 80];
// Against hangs and runaway recursion, not a speed target (that is `npm run bench`): the 10 MB article takes
// about 20 s alone on a 2-core machine, and over a minute while other test files share the cores.
const timeoutMs = 240_000;

function tooWide(output: string, width: number): string[] {
	return output
		.split('\n')
		.map((line, index) => ({line, index, columns: stringWidth(line)}))
		.filter(({columns}) => columns > width)
		.slice(0, 3)
		.map(({line, index, columns}) => `line ${index + 1} is ${columns} columns: ${JSON.stringify(line.slice(0, 120))}`);
}

async function checkCat(c: FixtureCase, width: number): Promise<void> {
	const path = join(fixtures, c.path);
	const run = await runLeaf(['cat', path, '--width', String(width)], sandbox, timeoutMs);
	assert.equal(run.timedOut, false, `timed out after ${timeoutMs} ms`);
	assert.equal(run.signal, null, `killed by ${run.signal}: ${run.stderr.slice(0, 500)}`);
	assert.deepEqual(run.encodingErrors, []);
	if (isRegularFile(path) && canRead(path) && c.catRefuses === undefined) {
		assert.equal(
			run.status,
			0,
			`a readable file must render: exit ${run.status}, stderr ${JSON.stringify(run.stderr.slice(0, 500))}`,
		);
		assert.deepEqual(controlCharacters(run.stdout), [], 'stdout');
		assert.deepEqual(controlCharacters(run.stderr), [], 'stderr');
		assert.deepEqual(tooWide(run.stdout, width), []);
		// Text may wrap inside quote margins and list bullets: compare without them.
		const text = run.stdout
			.split('\n')
			.map((line) => line.replace(/^[\s│•◦▪]+/, ''))
			.join('')
			.replace(/\s+/g, '');
		for (const kept of c.keeps ?? []) {
			assert.ok(
				text.includes(kept),
				`text lost: ${JSON.stringify(kept.slice(0, 60))}${kept.length > 60 ? `... (${kept.length} characters)` : ''}`,
			);
		}
	} else {
		assert.notEqual(run.status, 0, `not a readable file, yet exit 0: ${JSON.stringify(run.stdout.slice(0, 200))}`);
		assert.equal(oneLineError(run.stderr), null);
		assert.equal(run.stdout, '', 'an error prints nothing on stdout');
	}
}

describe('leaf cat over every hostile fixture', {concurrency: 2}, () => {
	// `cat: false` marks a FIFO and /dev/zero (reading what the user named blocks or never ends, as with
	// cat(1)) and a file name Node cannot put in argv; `list` still covers them.
	for (const c of manifest.cases.filter((c) => c.cat)) {
		for (const width of widths) {
			test(`${JSON.stringify(c.path)} at width ${width} (${c.case})`, () => checkCat(c, width));
		}
	}
});

describe('after every cat', () => {
	test('no front matter was executed, and nothing was written outside XDG_CONFIG_HOME and XDG_CACHE_HOME', () => {
		assertSandboxClean(sandbox, manifest);
	});
});
