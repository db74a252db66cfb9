import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Command, KeyContext, KeyFlags} from '../../../src/core/browser/keymap.ts';
import {commandFor, keyLabel, keymap, keysOf} from '../../../src/core/browser/keymap.ts';

test('the default keys of the issue, exactly', () => {
	const cases: [string, Command][] = [
		['up', 'up'],
		['k', 'up'],
		['down', 'down'],
		['j', 'down'],
		['pageup', 'pageUp'],
		['b', 'pageUp'],
		['pagedown', 'pageDown'],
		['space', 'pageDown'],
		['home', 'top'],
		['g', 'top'],
		['end', 'bottom'],
		['G', 'bottom'],
		['return', 'open'],
		['tab', 'focusNext'],
		['shift-tab', 'focusPrevious'],
		['left', 'focusLeft'],
		['h', 'focusLeft'],
		['right', 'focusRight'],
		['l', 'focusRight'],
		['escape', 'back'],
		['c', 'focusCategories'],
		['n', 'nextUnread'],
		['p', 'previousUnread'],
		['m', 'toggleRead'],
		['s', 'star'],
		['A', 'markAllRead'],
		['u', 'toggleUnreadOnly'],
		['L', 'links'],
		...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit): [string, Command] => [digit, 'openReference']),
		['o', 'openSource'],
		['y', 'copyUrl'],
		['|', 'pipe'],
		['e', 'edit'],
		['S', 'sort'],
		['R', 'rescan'],
		['/', 'filter'],
		['F', 'search'],
		[']', 'nextMatch'],
		['[', 'previousMatch'],
		['?', 'help'],
		['q', 'quit'],
		['Q', 'forceQuit'],
		['ctrl-c', 'forceQuit'],
		['ctrl-z', 'suspend'],
		['z', 'zoom'],
	];
	for (const [key, command] of cases) assert.equal(commandFor(key), command, key);
	const bound = new Set(keymap.filter((binding) => binding.context === 'normal').flatMap((binding) => binding.keys));
	assert.deepEqual([...bound].sort(), cases.map(([key]) => key).sort(), 'no key beyond the documented ones');
});

test('a y/n prompt answers y, n and Esc, lets quitting through, and nothing else', () => {
	const cases: [string, Command | undefined][] = [
		['y', 'confirm'],
		['n', 'cancel'],
		['escape', 'cancel'],
		['q', 'quit'],
		['Q', 'forceQuit'],
		['ctrl-c', 'forceQuit'],
		['ctrl-z', 'suspend'],
		['j', undefined],
		['return', undefined],
		['A', undefined],
	];
	for (const [key, command] of cases) assert.equal(commandFor(key, 'prompt'), command, key);
});

test('typing text (the pipe prompt): Enter, Backspace and Esc are keys, Ctrl-C quits, every other key is text', () => {
	const cases: [string, Command | undefined][] = [
		['return', 'confirm'],
		['backspace', 'deleteBack'],
		['escape', 'cancel'],
		['ctrl-c', 'forceQuit'],
		['q', undefined],
		['y', undefined],
		['|', undefined],
		['j', undefined],
	];
	for (const [key, command] of cases) assert.equal(commandFor(key, 'text'), command, key);
});

test('no key is bound twice in one context, and every binding has keys and help', () => {
	for (const context of ['normal', 'prompt', 'text'] as KeyContext[]) {
		const keys = keymap.filter((binding) => binding.context === context).flatMap((binding) => binding.keys);
		assert.equal(new Set(keys).size, keys.length, context);
	}
	for (const binding of keymap) {
		assert.ok(binding.keys.length > 0, binding.command);
		assert.ok(binding.help.length > 0, binding.command);
	}
});

const none: KeyFlags = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	tab: false,
	shift: false,
	ctrl: false,
	meta: false,
};

test('keysOf turns an Ink input event into key names', () => {
	const cases: [string, Partial<KeyFlags>, string[]][] = [
		['j', {}, ['j']],
		['G', {shift: true}, ['G']],
		['', {upArrow: true}, ['up']],
		['', {pageDown: true}, ['pagedown']],
		['', {return: true}, ['return']],
		['', {escape: true, meta: true}, ['escape']],
		['', {tab: true}, ['tab']],
		['', {tab: true, shift: true}, ['shift-tab']],
		['c', {ctrl: true}, ['ctrl-c']],
		['\u0003', {}, ['ctrl-c']],
		['z', {ctrl: true}, ['ctrl-z']],
		['j\u001a', {}, ['j', 'ctrl-z']],
		[' ', {}, ['space']],
		// Typed ahead or pasted keys arrive as one event.
		['jjk', {}, ['j', 'j', 'k']],
		['j\r', {}, ['j', 'return']],
		// Esc followed quickly by a key reads as Alt+key: Esc, then the key.
		['m', {meta: true}, ['escape', 'm']],
		['', {return: true, meta: true}, ['escape', 'return']],
		['', {downArrow: true, meta: true}, ['escape', 'down']],
		['', {pageUp: true, meta: true}, ['escape', 'pageup']],
		['', {end: true, meta: true}, ['escape', 'end']],
		// Alt+Backspace is a chord of its own in a prompt, not Esc then Backspace.
		['', {backspace: true, meta: true}, ['backspace']],
		['', {delete: true, meta: true}, ['backspace']],
		// Control characters are no keys of ours.
		['a\u0007\u009bb', {}, ['a', 'b']],
		// Backspace: Ink calls the DEL most terminals send `delete`.
		['', {delete: true}, ['backspace']],
		['', {backspace: true}, ['backspace']],
		// Several Backspaces in one event (held down, or typed ahead): DEL or ^H each.
		['\u007f\u007f\u007f', {}, ['backspace', 'backspace', 'backspace']],
		['ab\b\b', {}, ['a', 'b', 'backspace', 'backspace']],
		['', {}, []],
	];
	for (const [input, flags, keys] of cases)
		assert.deepEqual(keysOf(input, {...none, ...flags}), keys, JSON.stringify(input));
});

test('keys are written for people in the help', () => {
	const cases: [string, string][] = [
		['up', '↑'],
		['pagedown', 'PgDn'],
		['return', 'Enter'],
		['escape', 'Esc'],
		['shift-tab', 'Shift-Tab'],
		['ctrl-c', 'Ctrl-C'],
		['ctrl-z', 'Ctrl-Z'],
		['space', 'Space'],
		['j', 'j'],
	];
	for (const [key, label] of cases) assert.equal(keyLabel(key), label);
});

test('every flag and control character Ink reports is a key of its own; other control codes are none', () => {
	const cases: [string, Partial<KeyFlags>, string[]][] = [
		['', {downArrow: true}, ['down']],
		['', {leftArrow: true}, ['left']],
		['', {rightArrow: true}, ['right']],
		['', {pageUp: true}, ['pageup']],
		['', {home: true}, ['home']],
		['', {end: true}, ['end']],
		['', {escape: true}, ['escape']],
		['a\nb', {}, ['a', 'return', 'b']],
		['\t', {}, ['tab']],
		['\u001b', {}, ['escape']],
		['', {meta: true}, []],
		['ab', {ctrl: true}, []],
		['1', {ctrl: true}, []],
		// DEL (and ^H) is Backspace wherever it comes: alone Ink flags it, several in one event it does not.
		['\u007f', {}, ['backspace']],
		['\u0080', {}, []],
		['\u009f', {}, []],
		['\u00a0!', {}, ['\u00a0', '!']],
		['~', {}, ['~']],
	];
	for (const [input, flags, keys] of cases)
		assert.deepEqual(keysOf(input, {...none, ...flags}), keys, JSON.stringify([input, flags]));
});

test('every named key has its label; Ctrl keys are written Ctrl-<letter>, other names as they are', () => {
	const cases: [string, string][] = [
		['down', '↓'],
		['left', '←'],
		['right', '→'],
		['pageup', 'PgUp'],
		['home', 'Home'],
		['end', 'End'],
		['tab', 'Tab'],
		['backspace', 'Backspace'],
		['ctrl-x', 'Ctrl-X'],
		['ctrl-xy', 'ctrl-xy'],
		['xctrl-a', 'xctrl-a'],
	];
	for (const [key, label] of cases) assert.equal(keyLabel(key), label);
});
