// The browser's state as a pure reducer over typed actions. Keys arrive as commands (core/keymap.ts);
// the outside world (src/cli/browse.ts) feeds articles, sizes, rendered reader lines and notices.
// Side effects are described, not done: `readChanges` is a new array exactly when a transition changed
// read marks (the caller writes them), and `quit` asks the caller to end the program.
import type {Command} from './keymap.ts';
import {clampScroll, fitCursor, moveCursor, topCursor} from './cursor.ts';
import {onArticlesAdded, onReaderLoaded, onResized} from './outside-events.ts';
import {onArticlesChanged} from './library-changes.ts';
import type {Layout} from './layout.ts';
import {computeLayout} from './layout.ts';
import type {ViewFilter} from './library.ts';
import {buildView, compareItems, emptyLibrary, searchSorted} from './library.ts';
import {askMarkViewRead, markViewRead, openRow, openUnread, toggleRead} from './open-and-mark.ts';
import {categoryRowCount} from './selectors.ts';
import {afterKey, dismissNotice, endNotice, noNotices, showNotice} from './notices.ts';
import {onHelpCommand, onPromptCommand} from './overlay.ts';
import type {Action, BrowserState, Focus, PreparedLines, ReadChange} from './types.ts';

const noChanges: readonly ReadChange[] = Object.freeze([]);
const noIds: ReadonlySet<string> = new Set();

export function initialState(size: {columns: number; rows: number}): BrowserState {
	return {
		library: emptyLibrary,
		filter: {category: null, unreadOnly: false},
		rows: emptyLibrary.order,
		list: topCursor,
		categories: topCursor,
		focus: 'list',
		reader: null,
		overlay: null,
		notice: null,
		notices: noNotices,
		loading: {done: 0, total: 0, finished: false},
		layout: computeLayout(size.columns, size.rows),
		readChanges: noChanges,
		quit: false,
	};
}

export function reducer(state: BrowserState, action: Action): BrowserState {
	switch (action.type) {
		case 'command':
			return onCommand(afterKey(state), action.command, action.prepared ?? null);
		case 'articlesAdded':
			return onArticlesAdded(state, action.articles, action.readIds ?? noIds, action.progress);
		case 'articlesChanged':
			return onArticlesChanged(state, action.removedIds, action.articles, action.readIds ?? noIds, action.progress);
		case 'loadingFinished':
			return state.loading.finished
				? state
				: {
						...state,
						loading: {...state.loading, done: Math.max(state.loading.done, state.loading.total), finished: true},
					};
		case 'resized':
			return onResized(state, computeLayout(action.columns, action.rows));
		case 'readerLoaded':
			return onReaderLoaded(state, action.item, action.width, action.lines, action.partial ?? false);
		case 'readerFailed':
			if (state.reader?.item !== action.item) return state;
			return {...state, reader: {...state.reader, status: 'failed', lines: [], scroll: 0, message: action.message}};
		case 'noticeShown':
			return showNotice(state, action.text, action.weight, action.key ?? null);
		case 'noticeEnded':
			return endNotice(state, action.key);
	}
}

/** Rows of a page in the reader: a page less two lines, so a line of context stays on screen. */
export function readerPage(layout: Layout): number {
	return Math.max(1, layout.bodyHeight - 2);
}

function onCommand(state: BrowserState, command: Command, prepared: PreparedLines | null): BrowserState {
	if (command === 'forceQuit') return {...state, quit: true};
	if (state.overlay?.kind === 'confirm') return onPromptCommand(state, command, markViewRead);
	if (state.overlay?.kind === 'help') return onHelpCommand(state, state.overlay, command);
	switch (command) {
		case 'up':
			return move(state, -1, false);
		case 'down':
			return move(state, 1, false);
		case 'pageUp':
			return move(state, -pageOf(state), true);
		case 'pageDown':
			return move(state, pageOf(state), true);
		case 'top':
			return move(state, Number.NEGATIVE_INFINITY, false);
		case 'bottom':
			return move(state, Number.POSITIVE_INFINITY, false);
		case 'open':
			if (state.focus === 'categories') return applyCategory(state, state.categories.index);
			if (state.focus === 'list') return openRow(state, state.list.index, prepared);
			return state;
		case 'focusNext':
		case 'focusPrevious':
			return cycleFocus(state, command === 'focusNext' ? 1 : -1);
		case 'focusLeft':
			return state.focus === 'reader'
				? {...state, focus: 'list'}
				: state.focus === 'list'
					? focusCategories(state)
					: state;
		case 'focusRight':
			return state.focus === 'categories'
				? {...state, focus: 'list'}
				: state.focus === 'list' && state.reader
					? {...state, focus: 'reader'}
					: state;
		case 'back':
			// In the list there is nothing to go back from: Esc dismisses the notice shown.
			return state.focus === 'list' ? dismissNotice(state) : {...state, focus: 'list'};
		case 'focusCategories':
			return focusCategories(state);
		case 'nextUnread':
			return openUnread(state, 1, prepared);
		case 'previousUnread':
			return openUnread(state, -1, prepared);
		case 'toggleRead':
			return toggleRead(state);
		case 'markAllRead':
			return askMarkViewRead(state);
		case 'toggleUnreadOnly':
			return applyFilter(state, {...state.filter, unreadOnly: !state.filter.unreadOnly}, false);
		case 'help':
			return {...state, overlay: {kind: 'help', scroll: 0}};
		case 'quit':
			return {...state, quit: true};
		case 'confirm':
		case 'cancel':
			return state;
	}
}

function pageOf(state: BrowserState): number {
	return state.focus === 'reader' ? readerPage(state.layout) : Math.max(1, state.layout.bodyHeight);
}

function move(state: BrowserState, delta: number, page: boolean): BrowserState {
	const height = state.layout.bodyHeight;
	if (state.focus === 'reader') {
		if (!state.reader) return state;
		const {lines, scroll: from} = state.reader;
		const target =
			delta === Number.NEGATIVE_INFINITY ? 0 : delta === Number.POSITIVE_INFINITY ? lines.length : from + delta;
		const scroll = clampScroll(target, lines.length, height);
		return scroll === state.reader.scroll ? state : {...state, reader: {...state.reader, scroll}};
	}
	const cursor = state.focus === 'list' ? state.list : state.categories;
	const count = state.focus === 'list' ? state.rows.length : categoryRowCount(state);
	const target =
		delta === Number.NEGATIVE_INFINITY ? 0 : delta === Number.POSITIVE_INFINITY ? count - 1 : cursor.index + delta;
	const moved = moveCursor(cursor, target, count, height, page);
	if (moved === cursor) return state;
	return state.focus === 'list' ? {...state, list: moved} : {...state, categories: moved};
}

function cycleFocus(state: BrowserState, step: number): BrowserState {
	const panes: Focus[] = state.reader ? ['categories', 'list', 'reader'] : ['categories', 'list'];
	const at = panes.indexOf(state.focus);
	const focus = panes[(at + step + panes.length) % panes.length] ?? 'list';
	return focus === 'categories' ? focusCategories(state) : {...state, focus};
}

/** Focus the category pane with its cursor on the category being shown. */
function focusCategories(state: BrowserState): BrowserState {
	const {category} = state.filter;
	const row = category === null ? 0 : 1 + state.library.tree.findIndex((node) => node.ordinal === category);
	const categories = fitCursor(
		{index: Math.max(0, row), scroll: state.categories.scroll},
		categoryRowCount(state),
		state.layout.bodyHeight,
	);
	return {...state, focus: 'categories', categories};
}

function applyCategory(state: BrowserState, row: number): BrowserState {
	const category = row <= 0 ? null : (state.library.tree[row - 1]?.ordinal ?? null);
	return {...applyFilter(state, {...state.filter, category}, true), focus: 'list'};
}

/** Take the rows for `filter`; the cursor goes to the top, or stays on its article when `toTop` is false. */
function applyFilter(state: BrowserState, filter: ViewFilter, toTop: boolean): BrowserState {
	const rows = buildView(state.library, filter);
	const height = state.layout.bodyHeight;
	if (toTop) return {...state, filter, rows, list: fitCursor(topCursor, rows.length, height)};
	const item = state.rows[state.list.index];
	if (item === undefined) return {...state, filter, rows, list: fitCursor(topCursor, rows.length, height)};
	const index = searchSorted(rows, item, (a, b) => compareItems(state.library, a, b));
	const list = fitCursor({index, scroll: state.list.scroll + (index - state.list.index)}, rows.length, height);
	return {...state, filter, rows, list};
}
