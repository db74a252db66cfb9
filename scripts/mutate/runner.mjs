// The tap runner, with each mutant's test files chosen and ordered for speed (stryker.config.mjs names it
// "tap-unit"). A mutant of src/core runs only tests/core, one of src/io only tests/io: each layer is held by its
// own unit tests, and io's slower tests would otherwise run for every surviving core mutant. Among those, the
// mutated file's own test file runs first, then the rest of its folder, so that most mutants die in the first
// process started.
import {commonTokens, declareFactoryPlugin, PluginKind, tokens} from '@stryker-mutator/api/plugin';
import {TapTestRunner} from '@stryker-mutator/tap-runner';

/** `tests/core/text/wrap.test.ts` for `.../src/core/text/wrap.ts`, with its layer and folder. */
function homeOf(fileName) {
	const match = /\/src\/((core|io)\/(?:.*\/)?)([^/]+)\.ts$/.exec(fileName.replaceAll('\\', '/'));
	return match
		? {layer: `tests/${match[2]}/`, folder: `tests/${match[1]}`, own: `tests/${match[1]}${match[3]}.test.ts`}
		: null;
}

export function planTests(fileName, testIds) {
	const home = homeOf(fileName);
	if (!home) return testIds;
	const rank = (id) => (id === home.own ? 0 : id.startsWith(home.folder) ? 1 : 2);
	return testIds
		.filter((id) => id.startsWith(home.layer))
		.map((id, order) => ({id, order}))
		.sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order)
		.map(({id}) => id);
}

class UnitTapRunner extends TapTestRunner {
	async mutantRun(options) {
		const testFilter = options.testFilter && planTests(options.activeMutant.fileName, options.testFilter);
		return super.mutantRun({...options, testFilter});
	}
}

function createUnitTapRunner(injector) {
	return injector.provideValue('globalNamespace', '__stryker__').injectClass(UnitTapRunner);
}
createUnitTapRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'tap-unit', createUnitTapRunner)];
