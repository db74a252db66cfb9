// Stars (`s`): an article kept apart to come back to. They are held by article id in the library (so a rescan
// keeps them), written by the read-state store beside the read marks, and listed by the `★ Starred` row that
// heads the category pane while something is starred (or while it is the view shown).
import type {Library} from './library.ts';
import type {BrowserState} from './types.ts';
import {showNotice} from './notices.ts';
import {currentItem} from './text-prompt.ts';

export const STARRED_NAME = '★ Starred';

const noStars: ReadonlySet<string> = new Set();
const counts = new WeakMap<Library, number>();

/** Starred articles present in the library (memoised per library state). */
export function starredCount(library: Library): number {
	const stars = library.starred ?? noStars;
	if (stars.size === 0) return 0;
	const known = counts.get(library);
	if (known !== undefined) return known;
	let count = 0;
	for (const item of library.order) if (stars.has(library.items[item]?.id ?? '')) count++;
	counts.set(library, count);
	return count;
}

/** The `★ Starred` row is on screen: something is starred, or the starred view is shown (even emptied). */
export function starRowShown(state: BrowserState): boolean {
	return state.filter.starred === true || starredCount(state.library) > 0;
}

/** `s`: star or unstar the reader's article when the reader has the focus, else the one under the list cursor. */
export function toggleStar(state: BrowserState): BrowserState {
	const item = currentItem(state);
	const meta = item === undefined ? undefined : state.library.items[item];
	if (!meta) return state;
	const starred = new Set(state.library.starred ?? noStars);
	const value = !starred.has(meta.id);
	if (value) starred.add(meta.id);
	else starred.delete(meta.id);
	const library = {...state.library, starred};
	const next = {...state, library, readChanges: [{id: meta.id, starred: value}]};
	return showNotice(next, value ? 'Starred (★ Starred in the categories).' : 'Star removed.');
}

/** The stars kept from the last session. */
export function onStarsLoaded(state: BrowserState, ids: readonly string[]): BrowserState {
	if (ids.length === 0 && (state.library.starred?.size ?? 0) === 0) return state;
	return {...state, library: {...state.library, starred: new Set(ids)}};
}
