// The one input handler: every key goes through the key table to a command for the reducer, with the lines
// prepared for the article under the cursor (opening it then shows them in the same frame).
import {useInput} from 'ink';
import {useCallback} from 'react';
import {commandFor, keysOf} from '../core/browser/keymap.ts';
import type {Action, BrowserState, PreparedLines} from '../core/browser/types.ts';

/** A key typed into a text prompt: its character (a named key such as `up` types nothing). */
function typedText(name: string): string {
	if (name === 'space') return ' ';
	return [...name].length === 1 ? name : '';
}

export function useKeyInput(
	getState: () => BrowserState,
	dispatch: (action: Action) => void,
	getPrepared: () => PreparedLines | null = () => null,
): void {
	const onInput = useCallback(
		(input: string, key: Parameters<typeof keysOf>[1]) => {
			for (const name of keysOf(input, key)) {
				const state = getState();
				if (state.quit) return;
				if (state.find.prompt && name !== 'ctrl-c') {
					dispatch({type: 'promptKey', key: name});
					continue;
				}
				const context =
					state.overlay?.kind === 'confirm' ? 'prompt' : state.overlay?.kind === 'input' ? 'text' : 'normal';
				const command = commandFor(name, context);
				if (command) dispatch({type: 'command', command, prepared: getPrepared(), key: name});
				else if (context === 'text') dispatch({type: 'typed', text: typedText(name)});
				else dispatch({type: 'unknownKey', key: name});
			}
		},
		[getState, dispatch, getPrepared],
	);
	useInput(onInput);
}
