import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {keyLabel, keymap} from '../../src/core/browser/keymap.ts';
import {helpLines, helpView} from '../../src/core/browser/help-lines.ts';
import {HelpOverlay} from '../../src/ui/help-overlay.tsx';
import {frameLines, widestLine} from './frames.ts';

test('the help lists every binding of the key table with its keys, one line each when wide', () => {
	const {lastFrame} = render(<HelpOverlay scroll={0} width={120} height={keymap.length} />);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, keymap.length);
	keymap.forEach((binding, index) => {
		const line = lines[index] ?? '';
		assert.ok(line.includes(binding.help), `${binding.command}: ${line}`);
		for (const key of binding.keys)
			assert.ok(line.includes(keyLabel(key)), `${binding.command}: ${keyLabel(key)} in ${line}`);
	});
});

test('at 60 columns descriptions wrap under themselves instead of being cut', () => {
	const lines = helpLines(60);
	assert.ok(lines.length > keymap.length);
	const at = lines.findIndex((line) => line.startsWith('  q '));
	assert.deepEqual(lines.slice(at, at + 2), [
		'  q                   Back a level (help, prompt, reader);',
		'                      quit from the list or categories',
	]);
	const words = lines.join(' ').split(/\s+/);
	for (const binding of keymap)
		for (const word of binding.help.split(' ')) assert.ok(words.includes(word), `${word} is shown whole`);
	assert.ok(lines.every((line) => line.length <= 60));
});

test('below 44 columns each description goes under its keys', () => {
	const lines = helpLines(30);
	assert.deepEqual(lines.slice(0, 3), ['  ↑ k', '    Move up; scroll the reader', '    up a line']);
});

test('a screen too short says how many rows follow and which keys scroll, never cut', () => {
	const top = helpView(0, 60, 10);
	assert.equal(top.lines.length, 9);
	assert.equal(top.footer, ` ${helpLines(60).length - 9} more rows below · ↓ ↑ PgDn PgUp scroll · Esc closes`);
	const end = helpView(top.maxScroll, 60, 10);
	assert.equal(end.footer, ' the end · ↓ ↑ PgDn PgUp scroll · Esc closes');
	assert.equal(helpView(0, 20, 10).footer, ` ${helpLines(20).length - 9} more · ↓ ↑`, 'the footer shortens, never cut');
	assert.equal(helpView(0, 120, 60).footer, null, 'no footer when it all fits');
	const {lastFrame} = render(<HelpOverlay scroll={3} width={30} height={6} />);
	const frame = frameLines(lastFrame());
	assert.equal(frame.length, 6);
	assert.ok(widestLine(lastFrame()) <= 30);
	assert.match(frame[5] ?? '', /more/);
});
