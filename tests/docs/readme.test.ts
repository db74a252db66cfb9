// The README's key table is documentation people read instead of pressing `?`: it must say what the keymap does.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keyLabel, keymap} from '../../src/core/browser/keymap.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('the README key table lists exactly the keymap, in order, with the same help text', () => {
	const section = readme.slice(readme.indexOf('## Keys'), readme.indexOf('\n## ', readme.indexOf('## Keys') + 1));
	const rows = [...section.matchAll(/^\| (`.+`) \| (.+) \|$/gm)].map((match) => ({
		// A `|` in a table cell is written `\|`, even inside code (GitHub's tables).
		keys: [...(match[1] ?? '').matchAll(/`([^`]+)`/g)].map((key) => key[1]?.replaceAll('\\|', '|')),
		help: match[2],
	}));
	const expected = keymap
		.filter((binding) => binding.context === 'normal')
		.map((binding) => ({keys: binding.keys.map(keyLabel), help: binding.help}));
	assert.deepEqual(rows, expected);
});

test('the quick start holds exactly the two commands', () => {
	const quickStart = readme.slice(
		readme.indexOf('## Quick start'),
		readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
	);
	const commands = [...quickStart.matchAll(/^(npm [^#\n]+?)\s*(#.*)?$/gm)].map((match) => match[1]);
	assert.deepEqual(commands, ['npm ci && npm start', 'npm test']);
});
