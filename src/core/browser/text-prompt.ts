// A line of text typed on the status line: for now the shell command of `|` (pipe). Every printable key is
// text; Enter runs it, Backspace deletes the last character, Esc cancels.
import type {Command} from './keymap.ts';
import type {BrowserState} from './types.ts';

/** Longer input is not taken: a command line is short, and the prompt must stay one line. */
export const MAX_PROMPT_TEXT = 1000;

/** The article `|` and `e` act on: the one in the reader when it has focus, else the one under the list cursor. */
export function currentItem(state: BrowserState): number | undefined {
	return state.focus === 'reader' && state.reader ? state.reader.item : state.rows[state.list.index];
}

/** `|`: ask for the command to pipe the current article's text to. */
export function askPipeCommand(state: BrowserState): BrowserState {
	if (currentItem(state) === undefined) return state;
	return {...state, overlay: {kind: 'input', purpose: 'pipe', text: ''}};
}

/** Text typed (or pasted) into the prompt. */
export function onTyped(state: BrowserState, text: string): BrowserState {
	if (state.overlay?.kind !== 'input' || text === '') return state;
	const next = (state.overlay.text + text).slice(0, MAX_PROMPT_TEXT);
	return next === state.overlay.text ? state : {...state, overlay: {...state.overlay, text: next}};
}

export function onTextCommand(
	state: BrowserState,
	overlay: {kind: 'input'; purpose: 'pipe'; text: string},
	command: Command,
): BrowserState {
	switch (command) {
		case 'deleteBack': {
			if (overlay.text === '') return state;
			const characters = [...overlay.text];
			characters.pop();
			return {...state, overlay: {...overlay, text: characters.join('')}};
		}
		case 'cancel':
			return {...state, overlay: null};
		case 'confirm': {
			const command = overlay.text.trim();
			const item = currentItem(state);
			const meta = item === undefined ? undefined : state.library.items[item];
			if (command === '' || meta === undefined) return {...state, overlay: null};
			return {
				...state,
				overlay: null,
				request: {kind: 'pipe', command, meta, width: state.layout.readerTextWidth},
			};
		}
		default:
			return state;
	}
}

/** What the status line shows while text is typed. */
export function promptText(overlay: {kind: 'input'; purpose: 'pipe'; text: string}): string {
	return `Pipe to command: ${overlay.text}_`;
}
