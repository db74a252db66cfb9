// The state of finding: the title filter (`/`), the full-text search (`F`) and the prompt they are typed in.
import type {Cursor} from './cursor.ts';
import type {Rows} from './library.ts';

export type PromptKind = 'filter' | 'search';

export interface FindPrompt {
	kind: PromptKind;
	text: string;
	/** What Esc in the prompt goes back to. */
	saved: {query: string; rows: Rows; list: Cursor};
}

export interface SearchView {
	/** Tells one search's results from a later one's. */
	id: number;
	/** As typed. */
	query: string;
	/** 1 per arrival index found. */
	hits: Uint8Array;
	found: number;
	/** Articles searched so far, of `total`. */
	done: number;
	total: number;
	status: 'running' | 'done' | 'stopped';
}

export interface FindState {
	prompt: FindPrompt | null;
	/** The title filter as typed ('' for none). */
	query: string;
	search: SearchView | null;
	/** The match the reader is on, for the open article of a search result. */
	match: {item: number; index: number} | null;
}

export const noFind: FindState = {prompt: null, query: '', search: null, match: null};
