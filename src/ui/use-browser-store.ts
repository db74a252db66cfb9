// The reducer, with its described side effects carried out: each dispatched action is reduced at once
// (so several keys in one input event each see the state the previous one left), and the read marks it
// changed, what is to be remembered across runs and a request to quit are handed to the caller's callbacks.
import {useCallback, useRef, useState} from 'react';
import type {Action, BrowserState, ReadChange} from '../core/browser/types.ts';
import type {Request} from '../core/browser/requests.ts';
import {reducer} from '../core/browser/reducer.ts';
import type {RememberChange} from '../core/browser/remember.ts';
import {rememberChanges} from '../core/browser/remember.ts';

export interface StoreEffects {
	onReadChanges?: (changes: readonly ReadChange[]) => void;
	onQuit?: () => void;
	/** Carries out what a transition asks of the outside world (open a link, run the editor...). */
	onRequest?: (request: Request) => void;
	/** Ctrl-Z: hand the terminal to the shell until leaf is continued. */
	onSuspend?: () => void;
	/** The reading position or the session changed (core/browser/remember.ts): kept, written in batches. */
	onRemember?: (change: RememberChange) => void;
}

export interface Store {
	state: BrowserState;
	dispatch: (action: Action) => void;
	/** The latest state, also between a dispatch and the render it causes. */
	getState: () => BrowserState;
}

export function useBrowserStore(initial: () => BrowserState, effects: StoreEffects): Store {
	const [state, setState] = useState(initial);
	const latest = useRef(state);
	const effectsRef = useRef(effects);
	effectsRef.current = effects;
	const dispatch = useCallback((action: Action) => {
		const previous = latest.current;
		const next = reducer(previous, action);
		if (next === previous) return;
		latest.current = next;
		setState(next);
		if (next.readChanges !== previous.readChanges) effectsRef.current.onReadChanges?.(next.readChanges);
		if (next.request !== previous.request && next.request !== null) effectsRef.current.onRequest?.(next.request);
		if (next.quit && !previous.quit) effectsRef.current.onQuit?.();
		if (next.suspends !== previous.suspends) effectsRef.current.onSuspend?.();
		if (effectsRef.current.onRemember) {
			const change = rememberChanges(previous, next);
			if (change !== null) effectsRef.current.onRemember(change);
		}
	}, []);
	const getState = useCallback(() => latest.current, []);
	return {state, dispatch, getState};
}
