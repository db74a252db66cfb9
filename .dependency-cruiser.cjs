// The house rules of src/ (npm test runs `depcruise src`): no import circle, type-only imports included; core is
// pure (no io, ui or cli, and of Node only node:crypto, for article ids); the Ink views (ui) never touch the world
// (io). cli wires them all.
/** @type {import('dependency-cruiser').IConfiguration} */
// eslint-disable-next-line no-undef -- a CommonJS config file, as dependency-cruiser expects
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'An import circle, type-only imports included: a shared type belongs in a module of its own.',
			from: {},
			to: {circular: true},
		},
		{
			name: 'core-is-pure',
			severity: 'error',
			comment: 'core imports no io, ui or cli.',
			from: {path: '^src/core/'},
			to: {path: '^src/(io|ui|cli)/'},
		},
		{
			name: 'core-uses-no-node-but-crypto',
			severity: 'error',
			comment: 'core touches no file, process or terminal: of Node it uses only node:crypto (article ids).',
			from: {path: '^src/core/'},
			to: {dependencyTypes: ['core'], pathNot: '^(node:)?crypto$'},
		},
		{
			name: 'ui-uses-no-io',
			severity: 'error',
			comment: 'The views get what they show from the state and callbacks; cli wires io in.',
			from: {path: '^src/ui/'},
			to: {path: '^src/io/'},
		},
		{
			name: 'no-unresolvable',
			severity: 'error',
			from: {},
			to: {couldNotResolve: true},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {
			extensions: ['.ts', '.tsx', '.js', '.mjs'],
			exportsFields: ['exports'],
			conditionNames: ['import', 'node', 'default'],
		},
	},
};
