// esbuild plugins of scripts/build.mjs: parts of dependencies that leaf never runs, swapped for stand-ins so
// that they are neither parsed nor evaluated on the way to the browser's first frame or `leaf cat`.
import {dirname, relative, resolve, sep} from 'node:path';

/** `source` with each `from` replaced once by its `to`; throws, naming the plugin, when a `from` is not there. */
function edited(source, edits, plugin, path) {
	for (const [from, to] of edits) {
		const next = source.replace(from, to);
		if (next === source) throw new Error(`${plugin}: ${from} not found in ${path}`);
		source = next;
	}
	return source;
}

// js-yaml 3 builds its `!!js/function` type at load time by require()-ing esprima, which costs
// `leaf cat` ~5 ms of start-up and which we never want (only safeLoad is used). Swap that
// type for one that accepts nothing.
export const noYamlFunctions = {
	name: 'no-yaml-functions',
	setup(build) {
		build.onResolve({filter: /\/type\/js\/function$/}, ({path, resolveDir}) =>
			resolveDir.includes('js-yaml') ? {path: `${resolveDir}/${path}.js`, namespace: 'no-yaml-functions'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'no-yaml-functions'}, ({path}) => ({
			resolveDir: dirname(path),
			loader: 'js',
			contents:
				"var Type = require('../../type'); module.exports = new Type('tag:yaml.org,2002:js/function', {kind: 'scalar', resolve: function () { return false; }});",
		}));
	},
};

// conf is used only to read the state file, with no schema, no migrations, no watching and an explicit
// folder (src/io/read-state-file.ts; its writer is never called). What conf needs only for those (a JSON
// Schema compiler, semver, its atomic writer, env-paths, debounce-fn) was a third of the browser's start-up
// code: each is replaced by a stand-in that throws if it is ever called, so a later use fails loudly. node:assert
// (3 ms to load) is only asked whether an empty store equals itself with no defaults, which its stand-in answers.
const CONF_UNUSED = {
	'ajv/dist/2020.js': 'export class Ajv2020 { constructor() { unused("ajv"); } }',
	'ajv-formats': 'export default {default: () => unused("ajv-formats")};',
	semver:
		'const stub = () => unused("semver");\nexport default {eq: stub, clean: stub, satisfies: stub, lte: stub, gt: stub};',
	atomically: 'export const writeFileSync = () => unused("atomically");',
	'env-paths': 'export default () => unused("env-paths");',
	'debounce-fn': 'export default () => unused("debounce-fn");',
	'node:assert':
		'const empty = (value) => Object.keys(value).length === 0;\nexport default {deepEqual: (actual, expected) => (empty(actual) && empty(expected)) || unused("node:assert")};',
};

export const confReadOnly = {
	name: 'conf-read-only',
	setup(build) {
		build.onResolve(
			{filter: /^(ajv|ajv-formats|semver|atomically|env-paths|debounce-fn|node:assert)(\/.*)?$/},
			({path, importer}) =>
				/[\\/]node_modules[\\/]conf[\\/]/.test(importer) && path in CONF_UNUSED
					? {path, namespace: 'conf-read-only'}
					: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'conf-read-only'}, ({path}) => ({
			loader: 'js',
			contents: `const unused = (name) => { throw new Error(\`leaf's build left \${name} out of conf: this use of conf needs it\`); };\n${CONF_UNUSED[path]}\n`,
		}));
	},
};

/** Where Ink and its helpers import string-width from, and where the bundle sends them instead. */
const WIDTH_API = 'src/core/text/string-width-api.ts';
const INK_MEASURERS = /[\\/]node_modules[\\/](ink|widest-line|cli-truncate|wrap-ansi|slice-ansi)[\\/]/;

/**
 * Ink measures each character of each frame with string-width, which segments every string it is given:
 * about a third of the first frame's time went there. Ink and its helpers get leaf's displayWidth through
 * string-width's interface instead (src/core/text/string-width-api.ts: the same widths, from a table).
 */
export const inkWidths = (root) => ({
	name: 'ink-widths',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, ({importer}) =>
			INK_MEASURERS.test(importer) ? {path: `${root}/${WIDTH_API}`} : undefined,
		);
	},
});

// string-width 8 makes an Intl.Segmenter and compiles its Unicode property regular expressions when it is
// loaded: about 45 ms of every start, though leaf asks it only about the few clusters its own table cannot
// measure (emoji sequences, joining marks). Each is made on first use instead; the build fails if the source
// no longer has the shape this expects, rather than bundle it unchanged.
const LAZY_STRING_WIDTH = [
	[
		'const segmenter = new Intl.Segmenter();',
		'let segmenterMade;\nconst segmenter = {segment: (text) => (segmenterMade ??= new Intl.Segmenter()).segment(text)};',
	],
	...['visibleCharacterRegex', 'spacingMarkRegex', 'rgiEmojiRegex'].map((name) => [
		new RegExp(`const ${name} = (/.*/v);`),
		`const ${name} = lazyRegExp(() => $1);`,
	]),
];
const LAZY_REGEXP = `function lazyRegExp(make) {
	let made;
	const regex = () => (made ??= make());
	return {test: (text) => regex().test(text), [Symbol.search]: (text) => regex()[Symbol.search](text)};
}
`;

export const lazyStringWidth = {
	name: 'lazy-string-width',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async ({path}) => {
			const {readFile} = await import('node:fs/promises');
			const source = await readFile(path, 'utf8');
			// string-width 7 (under wrap-ansi) has none of these: it is left as it is.
			if (!source.includes('new Intl.Segmenter()') || !source.includes('RGI_Emoji')) return undefined;
			const contents = `${LAZY_REGEXP}${edited(source, LAZY_STRING_WIDTH, 'lazy-string-width', path)}`;
			return {contents, loader: 'js', resolveDir: dirname(path)};
		});
	},
};

// linebreak decompresses its Unicode line-break class table (deflated twice, 57 KB) when it is loaded: about
// 20 ms of `leaf cat` and of the browser's start, in a JavaScript inflater that has not warmed up yet. The table
// is inflated here, at build time, and the bundle holds it as base64 for UnicodeTrie's pre-parsed form.
const LINEBREAK_TABLE = /const (\S+) = (\S+)\.toByteArray\("([A-Za-z0-9+/=]+)"\);\nconst (\S+) = new (\S+)\(\1\);/;

export const inflatedLinebreak = {
	name: 'inflated-linebreak',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]linebreak[\\/]dist[\\/]module\.mjs$/}, async ({path}) => {
			const {readFile} = await import('node:fs/promises');
			const {createRequire} = await import('node:module');
			const source = await readFile(path, 'utf8');
			const match = LINEBREAK_TABLE.exec(source);
			if (!match) throw new Error(`inflated-linebreak: the class table was not found in ${path}`);
			const [whole, , , packed, trieName, trieClass] = match;
			const require = createRequire(path);
			const trie = new (require('unicode-trie'))(require('base64-js').toByteArray(packed));
			const bytes = Buffer.alloc(trie.data.length * 4);
			trie.data.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
			// The trie is made at its first lookup, not when the module is loaded: the browser loads linebreak with its
			// help (wrapped to the screen) before its first frame, which needs no breaks.
			const uses = source.split(trieName).length - 1;
			const lookups = source.split(`${trieName}.get(`).length - 1;
			if (uses !== lookups + 1)
				throw new Error(`inflated-linebreak: ${trieName} is used other than by .get() in ${path}`);
			const table = [
				`let ${trieName} = {get(codePoint) {`,
				`\t${trieName} = new ${trieClass}({highStart: ${trie.highStart}, errorValue: ${trie.errorValue}, data: (() => {`,
				`\t\tconst bytes = Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64');`,
				'\t\tconst data = new Uint32Array(bytes.length / 4);',
				// A copy of the bytes, not a loop of readUInt32LE: the loop, run once and cold, took 8 ms of every start.
				'\t\tnew Uint8Array(data.buffer).set(bytes);',
				'\t\tif (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)',
				'\t\t\tfor (let i = 0; i < data.length; i++) data[i] = bytes.readUInt32LE(i * 4);',
				'\t\treturn data;',
				'\t})()});',
				`\treturn ${trieName}.get(codePoint);`,
				'}};',
			].join('\n');
			return {contents: source.replace(whole, table), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/** html-to-text's selector engine, for leaf's bare tag-name selectors (scripts/tag-picker.js). */
export const tagPicker = (root) => ({
	name: 'tag-picker',
	setup(build) {
		build.onResolve({filter: /^selderee$/}, ({importer}) =>
			/[\\/]node_modules[\\/]html-to-text[\\/]/.test(importer) ? {path: `${root}/scripts/tag-picker.js`} : undefined,
		);
	},
});

// Ink's Output, which turns each frame's writes into its text one character at a time, is leaf's own in the
// bundle (src/ui/ink-output.ts: the same text, checked against Ink's in tests/ui/ink-output.test.ts, with less
// work per character). The build fails if Ink's renderer no longer imports it from where this expects.
export const inkOutput = (root) => ({
	name: 'ink-output',
	setup(build) {
		let routed = false;
		build.onResolve({filter: /^\.\/output\.js$/}, ({importer}) => {
			if (!/[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/.test(importer)) return undefined;
			routed = true;
			return {path: `${root}/src/ui/ink-output.ts`};
		});
		build.onEnd(() => {
			if (!routed)
				throw new Error("ink-output: Ink's renderer did not import ./output.js; see scripts/build-plugins.mjs");
		});
	},
});

// ansi-tokenize and slice-ansi, which Ink and leaf's Output use to split each line it draws, make an
// Intl.Segmenter when they are loaded: the first one a process makes loads ICU's break rules, about 15 ms before
// the first frame. They get leaf's segmenter instead (src/core/text/grapheme-segmenter.ts: the same segments,
// with Intl.Segmenter only for text that needs one).
const SEGMENTER_USERS =
	/[\\/]node_modules[\\/](@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi)\.js$/;
const MAKES_SEGMENTER = /new Intl\.Segmenter\(undefined, ?\{ ?granularity: ["']grapheme["'] ?\}\)/;

export const inkSegmenters = (root) => ({
	name: 'ink-segmenters',
	setup(build) {
		build.onLoad({filter: SEGMENTER_USERS}, async ({path}) => {
			const {readFile} = await import('node:fs/promises');
			const source = await readFile(path, 'utf8');
			const contents =
				`import {graphemeSegmenter as leafGraphemeSegmenter} from ${JSON.stringify(`${root}/src/core/text/grapheme-segmenter.ts`)};\n` +
				edited(source, [[MAKES_SEGMENTER, 'leafGraphemeSegmenter']], 'ink-segmenters', path);
			if (MAKES_SEGMENTER.test(contents)) throw new Error(`ink-segmenters: more than one segmenter made in ${path}`);
			return {contents, loader: 'js', resolveDir: dirname(path)};
		});
	},
});

// Imports of the modules of `files` (paths from the root) left to other files of dist/, as `{'src/cli/cat.ts':
// './cat.js'}`: the bundle imports that file at run time instead of taking the module in.
export const elsewhere = (root, files) => ({
	name: 'elsewhere',
	setup(build) {
		build.onResolve({filter: /^\./}, ({path, resolveDir}) => {
			const key = relative(root, resolve(resolveDir, path)).split(sep).join('/');
			return Object.hasOwn(files, key) ? {path: files[key], external: true} : undefined;
		});
	},
});

// The browser is bundled as CommonJS scripts (dist/browser.cjs, dist/browser-later.cjs), which run from V8's code
// cache (src/io/browser-script.ts); CommonJS has no top-level await, and two dependencies use one:
// - yoga-layout waits for its WebAssembly: here it exports that wait as `yogaReady` instead (its default export is
//   bound once it resolves), which src/ui/layout-engine.ts hands to the browser to await before Ink draws;
// - Ink's reconciler awaits its devtools and its package.json, both only when DEV=true: leaf's script has neither
//   (as when DEV is not set), whatever the environment says.
// Each edit throws if its text is not found, so a new version of either fails the build rather than the browser.
const SCRIPT_AWAITS = [
	{
		file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
		edits: [
			[
				'const Yoga = wrapAssembly(await loadYoga());\nexport default Yoga;',
				'let Yoga;\nexport const yogaReady = loadYoga().then((assembly) => {\n\tYoga = wrapAssembly(assembly);\n});\nexport {Yoga as default};',
			],
		],
	},
	{
		file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/,
		edits: [
			["await import('./devtools.js');", 'void 0;'],
			['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
		],
	},
];

export const scriptAwaits = {
	name: 'script-awaits',
	setup(build) {
		for (const {file, edits} of SCRIPT_AWAITS)
			build.onLoad({filter: file}, async ({path}) => {
				const {readFile} = await import('node:fs/promises');
				const source = await readFile(path, 'utf8');
				return {contents: edited(source, edits, 'script-awaits', path), loader: 'js', resolveDir: dirname(path)};
			});
	},
};

// The browser's script holds what its first frame runs; what it loads later (the render pipeline, the article
// parser, the search's matcher: a third of its code) is a second script, dist/browser-later.cjs, with its own code
// cache, run when first asked for (src/cli/main.ts). Reading and deserialising the first script and its cache is
// then that much shorter. Each `import()` of one of `modules` becomes a module that asks the script's
// `leafScriptMeta.later` for that module's exports (import.meta is leafScriptMeta in the scripts).
export const laterModules = (root, modules) => ({
	name: 'later-modules',
	setup(build) {
		build.onResolve({filter: /^\./}, ({path, kind, resolveDir}) => {
			if (kind !== 'dynamic-import') return undefined;
			const key = relative(root, resolve(resolveDir, path)).split(sep).join('/');
			return modules.includes(key) ? {path: key, namespace: 'leaf-later'} : undefined;
		});
		build.onLoad({filter: /.*/, namespace: 'leaf-later'}, ({path}) => ({
			contents: `module.exports = leafScriptMeta.later(${JSON.stringify(path)});`,
			loader: 'js',
		}));
	},
});

/** The entry of the later script: `modules` (paths from the root), each's exports under its path. */
export const laterEntry = (modules) =>
	modules.map((module, i) => `import * as m${i} from ${JSON.stringify(`./${module}`)};`).join('\n') +
	`\nexport const modules = {${modules.map((module, i) => `${JSON.stringify(module)}: m${i}`).join(', ')}};\n`;
