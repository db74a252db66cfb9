// The one table of keys. Input handling (ui/use-key-input.ts) and the help overlay are both made from it,
// so a key cannot work without being listed, nor be listed without working.

/** What a key asks for; the reducer decides what it means for the focused pane. */
export type Command =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'open'
	| 'focusNext'
	| 'focusPrevious'
	| 'focusLeft'
	| 'focusRight'
	| 'back'
	| 'focusCategories'
	| 'zoom'
	| 'nextUnread'
	| 'previousUnread'
	| 'toggleRead'
	| 'star'
	| 'markAllRead'
	| 'toggleUnreadOnly'
	| 'links'
	| 'openReference'
	| 'openSource'
	| 'copyUrl'
	| 'pipe'
	| 'edit'
	| 'sort'
	| 'rescan'
	| 'deleteBack'
	| 'filter'
	| 'search'
	| 'nextMatch'
	| 'previousMatch'
	| 'help'
	| 'quit'
	| 'forceQuit'
	| 'suspend'
	| 'confirm'
	| 'cancel';

/**
 * A key as named here: a printable character as itself ('j', 'G', '?'), or one of the names below.
 * Ctrl combinations are `ctrl-<letter>`.
 */
export type KeyName = string;

/**
 * Where a binding applies: everywhere, only while a y/n prompt is open (where `n` means no), or while text is
 * typed on the status line (where every printable key is text).
 */
export type KeyContext = 'normal' | 'prompt' | 'text';

export interface KeyBinding {
	command: Command;
	keys: readonly KeyName[];
	help: string;
	context: KeyContext;
}

const normal = (command: Command, keys: readonly KeyName[], help: string): KeyBinding => ({
	command,
	keys,
	help,
	context: 'normal',
});

export const keymap: readonly KeyBinding[] = [
	normal('up', ['up', 'k'], 'Move up; scroll the reader up a line'),
	normal('down', ['down', 'j'], 'Move down; scroll the reader down a line'),
	normal('pageUp', ['pageup', 'b'], 'Page up'),
	normal('pageDown', ['pagedown', 'space'], 'Page down'),
	normal('top', ['home', 'g'], 'Go to the top'),
	normal('bottom', ['end', 'G'], 'Go to the bottom'),
	normal('open', ['return'], 'Open the article; apply the category'),
	normal('focusNext', ['tab'], 'Next pane'),
	normal('focusPrevious', ['shift-tab'], 'Previous pane'),
	normal('focusLeft', ['left', 'h'], 'Pane to the left'),
	normal('focusRight', ['right', 'l'], 'Pane to the right'),
	normal('back', ['escape'], 'Back: close the reader, help or prompt'),
	normal('focusCategories', ['c'], 'Categories'),
	normal('zoom', ['z'], 'Zoom the focused pane to the whole screen, and back'),
	normal('nextUnread', ['n'], 'Open the next unread article'),
	normal('previousUnread', ['p'], 'Open the previous unread article'),
	normal('toggleRead', ['m'], 'Mark read / unread'),
	normal('star', ['s'], 'Star / unstar the article (listed under ★ Starred)'),
	normal('markAllRead', ['A'], 'Mark every article in the view read (asks)'),
	normal('toggleUnreadOnly', ['u'], 'Show only unread articles (toggle)'),
	normal('links', ['L'], "Links: the article's references (Enter opens, y copies)"),
	normal('openReference', ['1', '2', '3', '4', '5', '6', '7', '8', '9'], 'Open reference 1-9 (in the reader)'),
	normal('openSource', ['o'], 'Open the source link, else the first reference'),
	normal('copyUrl', ['y'], 'Copy the selected link, else the source link (OSC 52)'),
	normal('pipe', ['|'], "Pipe the article's text to a shell command"),
	normal('edit', ['e'], 'Edit the article in $VISUAL, $EDITOR or vi'),
	normal('sort', ['S'], 'Sort: newest first, oldest first, by title'),
	normal('rescan', ['R'], 'Read the library folder again'),
	normal('filter', ['/'], 'Filter by title, author, category (Enter keeps, Esc clears)'),
	normal('search', ['F'], 'Search the text of every article'),
	normal('nextMatch', [']'], 'Next match of the search in the article'),
	normal('previousMatch', ['['], 'Previous match of the search in the article'),
	normal('help', ['?'], 'Show / hide this help'),
	normal('quit', ['q'], 'Back a level (help, prompt, reader); quit from the list or categories'),
	normal('forceQuit', ['Q', 'ctrl-c'], 'Quit from anywhere'),
	normal('suspend', ['ctrl-z'], 'Suspend leaf to the shell (fg brings it back)'),
	{command: 'confirm', keys: ['y'], help: 'Yes (in a prompt)', context: 'prompt'},
	{command: 'cancel', keys: ['n', 'escape'], help: 'No (in a prompt)', context: 'prompt'},
	{command: 'confirm', keys: ['return'], help: 'Run the typed command', context: 'text'},
	{command: 'deleteBack', keys: ['backspace'], help: 'Delete the last character typed', context: 'text'},
	{command: 'cancel', keys: ['escape'], help: 'Cancel the typed command', context: 'text'},
];

/** Commands a prompt lets through besides its own answers (typing text, only Ctrl-C). */
const passThrough: Readonly<Record<KeyContext, ReadonlySet<Command>>> = {
	normal: new Set(),
	prompt: new Set(['quit', 'forceQuit', 'suspend']),
	text: new Set(['forceQuit']),
};

function bindingsFor(context: KeyContext): ReadonlyMap<KeyName, Command> {
	const map = new Map<KeyName, Command>();
	for (const binding of keymap) {
		const applies = binding.context === context || passThrough[context].has(binding.command);
		if (!applies) continue;
		for (const key of binding.keys) if (!map.has(key) || binding.context === context) map.set(key, binding.command);
	}
	return map;
}

const commandsByContext: Readonly<Record<KeyContext, ReadonlyMap<KeyName, Command>>> = {
	normal: bindingsFor('normal'),
	prompt: bindingsFor('prompt'),
	text: bindingsFor('text'),
};

/** The command bound to `key` in `context`, if any. */
export function commandFor(key: KeyName, context: KeyContext = 'normal'): Command | undefined {
	return commandsByContext[context].get(key);
}

/** The flags of a key event (the shape of Ink's `Key`; only the fields read here). */
export interface KeyFlags {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageUp: boolean;
	pageDown: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	escape: boolean;
	tab: boolean;
	shift: boolean;
	ctrl: boolean;
	meta: boolean;
	backspace?: boolean;
	delete?: boolean;
}

const flagNames: readonly [keyof KeyFlags, KeyName][] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	// Ink names the key most terminals send for Backspace (DEL) `delete`; a one-line prompt has only one way to delete.
	['backspace', 'backspace'],
	['delete', 'backspace'],
];

/**
 * Keys that Esc, arriving in the same read (typed quickly, sent by tmux or pasted), turns into "Alt+key": leaf binds
 * no Alt keys, so it is Esc and then the key. Not Backspace: Alt+Backspace is a chord people type in a prompt.
 * (Esc Esc reads as one Esc: Ink flags every Esc as Alt.)
 */
const escapedAlong: ReadonlySet<KeyName> = new Set([
	'return',
	'up',
	'down',
	'left',
	'right',
	'pageup',
	'pagedown',
	'home',
	'end',
]);

const controlNames: Readonly<Record<string, KeyName>> = {
	'\r': 'return',
	'\n': 'return',
	'\t': 'tab',
	' ': 'space',
	'\u001b': 'escape',
	// Backspace held down, or pressed quickly, arrives as several DELs (or ^Hs) in one event, which Ink names nothing.
	'\u007f': 'backspace',
	'\b': 'backspace',
};

/**
 * The keys in one input event. Typed-ahead or pasted characters arrive together ('jjj'), so an event
 * can hold several keys; control characters other than Enter, Tab, Esc, Backspace and Ctrl-C give none.
 */
export function keysOf(input: string, flags: KeyFlags): KeyName[] {
	for (const [flag, name] of flagNames)
		if (flags[flag]) return flags.meta && escapedAlong.has(name) ? ['escape', name] : [name];
	if (flags.tab) return [flags.shift ? 'shift-tab' : 'tab'];
	if (flags.ctrl) return /^[a-z]$/.test(input) ? [`ctrl-${input}`] : [];
	if (input === '') return [];
	const keys: KeyName[] = [];
	// Esc and a key typed quickly after it arrive together and read as Alt+key; leaf binds no Alt keys.
	if (flags.meta) keys.push('escape');
	for (const char of input) {
		const code = char.codePointAt(0) ?? 0;
		if (controlNames[char]) keys.push(controlNames[char]);
		else if (code === 3) keys.push('ctrl-c');
		else if (code === 0x1a) keys.push('ctrl-z');
		else if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) keys.push(char);
	}
	return keys;
}

const labels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	space: 'Space',
	backspace: 'Backspace',
};

/** How a key is written for people: `↑`, `PgDn`, `Ctrl-C`, `j`. */
export function keyLabel(key: KeyName): string {
	const known = labels[key];
	if (known) return known;
	const ctrl = /^ctrl-([a-z])$/.exec(key);
	return ctrl ? `Ctrl-${(ctrl[1] ?? '').toUpperCase()}` : key;
}

/** The first key bound to `command`, written for people (for hints such as `? help`). */
export function firstKeyLabel(command: Command): string {
	const binding = keymap.find((entry) => entry.command === command);
	return binding?.keys[0] === undefined ? '' : keyLabel(binding.keys[0]);
}
