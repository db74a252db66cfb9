// Keys while the help overlay or the y/n prompt is open: they answer the overlay, not the panes.
import type {Command} from './keymap.ts';
import type {BrowserState} from './types.ts';
import {helpView} from './help-lines.ts';

export function onHelpCommand(
	state: BrowserState,
	overlay: {kind: 'help'; scroll: number},
	command: Command,
): BrowserState {
	const height = state.layout.bodyHeight;
	const scrollTo = (scroll: number): BrowserState => {
		const clamped = clampHelpScroll(state, scroll);
		return clamped === overlay.scroll ? state : {...state, overlay: {kind: 'help', scroll: clamped}};
	};
	switch (command) {
		case 'up':
			return scrollTo(overlay.scroll - 1);
		case 'down':
			return scrollTo(overlay.scroll + 1);
		case 'pageUp':
			return scrollTo(overlay.scroll - height);
		case 'pageDown':
			return scrollTo(overlay.scroll + height);
		case 'top':
			return scrollTo(0);
		case 'bottom':
			return scrollTo(Number.POSITIVE_INFINITY);
		case 'help':
		case 'back':
		case 'quit':
			return {...state, overlay: null};
		default:
			return state;
	}
}

/** `confirm` runs `accept` (which closes the prompt); `cancel`, Esc and `q` close it. */
export function onPromptCommand(
	state: BrowserState,
	command: Command,
	accept: (state: BrowserState) => BrowserState,
): BrowserState {
	switch (command) {
		case 'confirm':
			return accept(state);
		case 'cancel':
		case 'back':
		case 'quit':
			return {...state, overlay: null};
		default:
			return state;
	}
}

/** A scroll of the help that keeps its screen full. */
export function clampHelpScroll(state: BrowserState, scroll: number): number {
	const {maxScroll} = helpView(0, state.layout.columns, state.layout.bodyHeight);
	return Math.min(Math.max(0, scroll), maxScroll);
}
