// Transitions of finding: the prompt (`/` filters titles as you type, `F` asks for a full-text search),
// search results arriving, Esc in the list undoing the latest kind of narrowing, and jumps between matches.
import type {KeyName} from './keymap.ts';
import type {FindState, PromptKind, SearchView} from './find-types.ts';
import type {Rows} from './library.ts';
import {filterNeedle, findRows, haystacksOf, narrowByQuery, refreshRows, withRows} from './filter.ts';
import {buildView} from './view.ts';
import {readerMatches} from './matches.ts';
import type {BrowserState} from './types.ts';
import {clampScroll} from './cursor.ts';

export function openPrompt(state: BrowserState, kind: PromptKind): BrowserState {
	const text = kind === 'filter' ? state.find.query : '';
	const saved = {query: state.find.query, rows: state.rows, list: state.list};
	// Made now, on the key that opens the prompt, rather than on the first key typed into it.
	if (kind === 'filter') haystacksOf(state.library);
	return {
		...state,
		focus: state.layout.mode === 'narrow' ? 'list' : state.focus,
		find: {...state.find, prompt: {kind, text, saved}},
	};
}

/** A key typed while the prompt is open: text, Backspace, Enter (keep / start) or Esc (cancel). */
export function onPromptKey(state: BrowserState, key: KeyName): BrowserState {
	const prompt = state.find.prompt;
	if (!prompt) return state;
	if (key === 'escape') {
		const find = {...state.find, prompt: null, query: prompt.saved.query};
		return {...state, find, rows: prompt.saved.rows, list: prompt.saved.list};
	}
	if (key === 'return') {
		if (prompt.kind === 'filter') return {...state, find: {...state.find, prompt: null}, focus: 'list'};
		return startSearch({...state, find: {...state.find, prompt: null}}, prompt.text);
	}
	let text = prompt.text;
	if (key === 'backspace') text = [...text].slice(0, -1).join('');
	else if (key === 'space') text += ' ';
	else if ([...key].length === 1) text += key;
	else return state;
	const find = {...state.find, prompt: {...prompt, text}};
	if (prompt.kind === 'search') return {...state, find};
	return typeFilter(state, find, text);
}

/**
 * The list filtered by `text` as it is typed: a query that only grew narrows the rows already kept, and one typed
 * before in this prompt (Backspace) gets its rows back.
 */
function typeFilter(state: BrowserState, find: FindState, text: string): BrowserState {
	const {library, filter} = state;
	const before = filterNeedle(state.find.query);
	const after = filterNeedle(text);
	const prompt = find.prompt!;
	const typed = prompt.typed;
	const same = typed?.library === library && typed.filter === filter && typed.search === find.search;
	const known = same ? typed.rows : new Map<string, Rows>();
	const query = {...find, query: text};
	let rows = known.get(after);
	if (rows === undefined && before !== '' && after.startsWith(before)) rows = narrowByQuery(library, state.rows, text);
	rows ??= findRows(library, query, buildView(library, filter));
	const kept = {library, filter, search: find.search, rows: new Map(known).set(after, rows)};
	return withRows({...state, find: {...query, prompt: {...prompt, typed: kept}}}, rows);
}

let searches = 0;

function startSearch(state: BrowserState, query: string): BrowserState {
	if (query.trim() === '') return state;
	const search: SearchView = {
		id: ++searches,
		query,
		hits: new Uint8Array(state.library.items.length),
		found: 0,
		done: 0,
		total: state.library.items.length,
		status: 'running',
	};
	// Results come from the whole library: the view widens to every category, and a kept title filter goes.
	const widened = {...state, filter: {category: null, unreadOnly: false}, focus: 'list' as const, reader: state.reader};
	return refreshRows({...widened, list: {index: 0, scroll: 0}}, {...state.find, query: '', search, match: null});
}

export function onSearchFound(
	state: BrowserState,
	action: {id: number; items: readonly number[]; done: number; total: number; finished: boolean},
): BrowserState {
	const search = state.find.search;
	if (!search || search.id !== action.id || search.status === 'stopped') return state;
	let hits = search.hits;
	let found = search.found;
	// An item past the end (an article that came after the search started) reads as undefined: not fresh.
	const fresh = action.items.filter((item) => hits[item] === 0);
	if (fresh.length > 0) {
		hits = hits.slice();
		for (const item of fresh) hits[item] = 1;
		found += fresh.length;
	}
	const next: SearchView = {
		...search,
		hits,
		found,
		done: action.done,
		total: action.total,
		status: action.finished ? 'done' : 'running',
	};
	const find = {...state.find, search: next};
	if (fresh.length === 0) return {...state, find};
	// Until the cursor has moved, it stays on the first row, wherever new results go.
	const atTop = state.list.index === 0 && state.list.scroll === 0;
	const refreshed = refreshRows(state, find);
	return atTop ? {...refreshed, list: {index: 0, scroll: 0}} : refreshed;
}

/** Whether a search or a kept filter is there for Esc in the list to leave. */
export function hasFind(state: BrowserState): boolean {
	return state.find.search !== null || state.find.query !== '';
}

/** Esc in the list: stop a running search, else leave the search results, else clear the title filter. */
export function onFindBack(state: BrowserState): BrowserState {
	const {search, query} = state.find;
	if (search?.status === 'running') return {...state, find: {...state.find, search: {...search, status: 'stopped'}}};
	if (search) return refreshRows(state, {...state.find, search: null, match: null});
	if (query !== '') return refreshRows(state, {...state.find, query: ''});
	return state;
}

/** `]` / `[`: the reader scrolls to the next or previous match of the search in the open article. */
export function jumpMatch(state: BrowserState, step: 1 | -1): BrowserState {
	const reader = state.reader;
	const matches = readerMatches(state);
	if (!reader || matches === null) return state;
	if (matches.list.length === 0) return {...state, notice: 'No match in this article.'};
	const current = state.find.match?.item === reader.item ? state.find.match.index : -1;
	const count = matches.list.length;
	const index = current === -1 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count;
	return showMatch(state, index);
}

/** The reader scrolled so that match `index` is on screen, a line below the top when it can be. */
export function showMatch(state: BrowserState, index: number): BrowserState {
	const reader = state.reader;
	const match = readerMatches(state)?.list[index];
	if (!reader || !match) return state;
	const scroll = clampScroll(match.line - 1, reader.lines.length, state.layout.bodyHeight);
	return {...state, reader: {...reader, scroll}, find: {...state.find, match: {item: reader.item, index}}};
}

/** After any transition: a search result just shown in the reader scrolls to its first match, once. */
export function followFirstMatch(state: BrowserState): BrowserState {
	const {reader, find} = state;
	if (!reader || !find.search || find.match?.item === reader.item) return state;
	// Not a result, or no match in its lines (a loading or failed reader holds none): showMatch leaves it.
	return showMatch(state, 0);
}
