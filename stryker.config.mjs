// Mutation testing (`npm run mutate`, README "Mutation testing"). Fast by design: each mutant re-runs only the
// tests that reached it, in a worker that loaded them once; those are the quick unit tests (stress, fuzz and corpus
// tests sit in tests/stress/ and are left out), run as plain JavaScript (scripts/mutate/build.mjs), not tsx.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	mutate: ['src/core/**/*.ts', 'src/io/**/*.ts'],
	// The unit tests run in Stryker's own worker processes, loaded once (scripts/mutate/runner.mjs).
	testRunner: 'leaf-unit',
	plugins: ['./scripts/mutate/runner.mjs'],
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
