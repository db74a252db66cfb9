import {test} from 'node:test';
import assert from 'node:assert/strict';
import {osc52Copy} from '../../../src/core/text/osc52.ts';

test('OSC 52 carries the text base64-encoded, control characters removed first', () => {
	assert.equal(osc52Copy('https://a.example/x?y=1'), '\u001b]52;c;aHR0cHM6Ly9hLmV4YW1wbGUveD95PTE=\u0007');
	// An ESC or BEL in a hostile URL can neither end the sequence nor reach the terminal.
	// (the whole escape sequence goes: what is copied is https://a.example/x)
	assert.equal(osc52Copy('https://a.example/\u001b]0;pwned\u0007x'), '\u001b]52;c;aHR0cHM6Ly9hLmV4YW1wbGUveA==\u0007');
	assert.equal(osc52Copy('中文'), '\u001b]52;c;5Lit5paH\u0007');
	assert.equal(osc52Copy('x'.repeat(200_000)), null);
});

test('OSC 52 sends up to 100,000 characters of base64, nothing longer', () => {
	assert.equal(osc52Copy('x'.repeat(75_000)), `\u001b]52;c;${'eHh4'.repeat(25_000)}\u0007`);
	assert.equal(osc52Copy('x'.repeat(75_001)), null);
});
