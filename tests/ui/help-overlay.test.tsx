import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {keyLabel, keymap} from '../../src/core/browser/keymap.ts';
import {HelpOverlay} from '../../src/ui/help-overlay.tsx';
import {frameLines, widestLine} from './frames.ts';

test('the help lists every binding of the key table with its keys', () => {
	const {lastFrame} = render(<HelpOverlay scroll={0} width={90} height={keymap.length} />);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, keymap.length);
	keymap.forEach((binding, index) => {
		const line = lines[index] ?? '';
		assert.ok(line.includes(binding.help), `${binding.command}: ${line}`);
		for (const key of binding.keys)
			assert.ok(line.includes(keyLabel(key)), `${binding.command}: ${keyLabel(key)} in ${line}`);
	});
});

test('a short screen shows the scrolled part, within the width', () => {
	const {lastFrame} = render(<HelpOverlay scroll={3} width={30} height={4} />);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, 4);
	assert.ok(lines[0]?.includes(keymap[3]?.keys.map(keyLabel).join(' ') ?? '?'));
	assert.ok(widestLine(lastFrame()) <= 30);
});
