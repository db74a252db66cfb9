// Mutation testing (`npm run mutate`, README "Mutation testing"). Fast by design: each mutant re-runs only the
// test files that reached it, those files are the quick unit ones (stress, fuzz and corpus tests sit in
// tests/stress/ and are left out), and they run as plain JavaScript (scripts/mutate/build.mjs), not through tsx.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	mutate: ['src/core/**/*.ts', 'src/io/**/*.ts'],
	// The tap runner, with the test files of each mutant chosen and ordered for speed (scripts/mutate/runner.mjs).
	testRunner: 'tap-unit',
	plugins: ['@stryker-mutator/tap-runner', './scripts/mutate/runner.mjs'],
	tap: {
		// Left out: read-state-processes starts child processes under tsx (20-40 s a run, tests/stress's kind).
		testFiles: ['tests/core/**/*.test.ts', 'tests/io/**/!(read-state-processes).test.ts'],
		nodeArgs: ['-r', '{{hookFile}}', 'scripts/mutate/launch.mjs', '{{testFile}}'],
		forceBail: true,
	},
	buildCommand: 'node scripts/mutate/build.mjs',
	coverageAnalysis: 'perTest',
	checkers: [],
	reporters: ['clear-text', 'progress', 'json'],
	jsonReporter: {fileName: 'reports/mutation/mutation.json'},
	incrementalFile: 'reports/stryker-incremental.json',
	ignorePatterns: ['dist', '.bench', 'reports', 'tests/fixtures/hostile'],
	concurrency: 2,
	timeoutMS: 5000,
	cleanTempDir: 'always',
};
