// The state of finding: the title filter (`/`), the full-text search (`F`) and the prompt they are typed in.
import type {Cursor} from './cursor.ts';
import type {Library, Rows} from './library.ts';
import type {ViewFilter} from './view.ts';

export type PromptKind = 'filter' | 'search';

export interface FindPrompt {
	kind: PromptKind;
	text: string;
	/** What Esc in the prompt goes back to. */
	saved: {query: string; rows: Rows; list: Cursor};
	/**
	 * The rows of each filter typed in this prompt, while the library, the view and the search they were made from
	 * are the same: Backspace goes back to rows already made instead of filtering the whole view again.
	 */
	typed?: {library: Library; filter: ViewFilter; search: SearchView | null; rows: ReadonlyMap<string, Rows>};
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
