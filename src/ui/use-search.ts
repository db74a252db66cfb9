// Runs the full-text search the state asks for, with the search function the caller injects (io/), and
// feeds its results back as actions, at most every FEED_INTERVAL_MS (the first ones at once). A search
// that the state stops (Esc) or replaces is cancelled.
import {useEffect} from 'react';
import type {Action, BrowserState} from '../core/browser/types.ts';
import {haystacksOf} from '../core/browser/filter.ts';
import type {Library} from '../core/browser/library.ts';

export interface SearchFileRef {
	item: number;
	path: string;
	title: string;
	author: string;
}

export interface SearchUpdate {
	items: number[];
	done: number;
	total: number;
	finished: boolean;
}

/** Starts searching `files` for `query`; returns a function that cancels. */
export type StartSearch = (
	query: string,
	files: readonly SearchFileRef[],
	onProgress: (update: SearchUpdate) => void,
) => () => void;

const FEED_INTERVAL_MS = 100;
/** The title filter's haystacks are made this long after the library is read, so `/` finds them ready. */
const HAYSTACK_WARM_UP_MS = 300;

/** Makes the title filter's haystacks while nothing else happens: the first key typed after `/` stays fast. */
export function useFilterWarmUp(library: Library, finished: boolean) {
	useEffect(() => {
		if (!finished) return;
		const timer = setTimeout(() => haystacksOf(library), HAYSTACK_WARM_UP_MS);
		return () => clearTimeout(timer);
	}, [library, finished]);
}

export function useSearch(
	state: BrowserState,
	startSearch: StartSearch | undefined,
	dispatch: (action: Action) => void,
) {
	const search = state.find.search;
	const id = search?.status === 'running' ? search.id : null;
	const query = search?.query ?? '';
	const library = state.library;
	useEffect(() => {
		if (id === null || !startSearch) return;
		// Newest first, as the list: the first results are the first rows.
		const files = Array.from(library.order, (item) => {
			const meta = library.items[item]!;
			return {item, path: meta.path, title: meta.title, author: meta.author};
		});
		let pending: number[] = [];
		let latest: SearchUpdate = {items: [], done: 0, total: files.length, finished: false};
		let timer: NodeJS.Timeout | undefined;
		let sentAny = false;
		const flush = () => {
			clearTimeout(timer);
			timer = undefined;
			const items = pending;
			pending = [];
			sentAny ||= items.length > 0;
			dispatch({type: 'searchFound', id, ...latest, items});
		};
		const cancel = startSearch(query, files, (update) => {
			pending.push(...update.items);
			latest = update;
			if (update.finished || (!sentAny && pending.length > 0)) flush();
			else timer ??= setTimeout(flush, FEED_INTERVAL_MS);
		});
		return () => {
			clearTimeout(timer);
			cancel();
		};
		// The library as it was when the search started is the one searched.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [id, query, startSearch, dispatch]);
}
