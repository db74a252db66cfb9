// What the hostile cases share: the markers code-running front matter would leave, every escape sequence the
// terminal could act on, and the small builders of article text. Imported by make-hostile-fixtures.mjs.
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Files that front matter would create if leaf ever executed it: tests check they never appear. */
export const markers = Object.fromEntries(
	['js', 'javascript', 'JS', 'js-spaced', 'coffee'].map((name) => [
		name,
		join(tmpdir(), `leaf-hostile-executed-${name}`),
	]),
);
/** Every escape the terminal could act on, raw. */
const SEQUENCES = [
	'\x1b[2J\x1b[H',
	'\x1b[31;1mRED',
	'\x1b]0;PWNED-TITLE\x07',
	'\x1b]52;c;cHduZWQ=\x07',
	'\x1b]8;;https://evil.example/\x1b\\osc8\x1b]8;;\x1b\\',
	'\x1bP+q544e\x1b\\',
	'\x1b[6n',
	'\x1bc',
	'\u009b31mC1CSI',
	'\u009d0;C1-OSC\u009c',
	'\x07bell',
	'abc\x08\x08\x08XYZ',
	'shown\rHIDDEN',
	'\x7fdel',
	'\x00nul',
	'\x0b\x0cvtff',
];
export const RAW = SEQUENCES.join(' ');
export const BIDI =
	'\u202eevil\u202c \u2066isolate\u2069 \u202doverride\u202c \u202aembed\u202c \u202bembed\u202c \u2067rtl\u2069 \u2068fsi\u2069';
export const ENTITIES =
	'&#27;[2J&#x1b;[H &#x1B;]0;ENTITY-TITLE&#7; &#x9b;31m &#155;32m &#0027;[4m &#X1b;[5m &#x1b;&#x5b;31m &#8238;rtl &#x202e;rtl &#x7f; &#0; &#xD800; &#x110000; &#128; &#x9d;0;x&#x9c; &NewLine;&Tab;tab &#8;bs';

/** A YAML double-quoted scalar with every non-printable character escaped (js-yaml rejects them raw). */
export const yq = (text) =>
	`"${[...text].map((c) => (/[\x00-\x1f\x7f-\x9f"\\]/.test(c) ? `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}` : c)).join('')}"`;
export const md = (frontMatter, body) => `---\n${frontMatter}\n---\n${body}\n`;
export const plain = (title) =>
	`title: ${yq(title)}\ndate: 2022-02-02 10:00:00\nauthor: hostile\ncategories:\n - 测试\n - hostile`;
export const jsPayload = (name) =>
	`(() => { const fs = typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs'); fs.writeFileSync(${JSON.stringify(markers[name])}, 'front matter was executed'); return {title: 'EXECUTED'}; })()`;
