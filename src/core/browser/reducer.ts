// The browser's state as a pure reducer over typed actions. Keys arrive as commands (core/keymap.ts);
// the outside world (src/cli/browse.ts) feeds articles, sizes, rendered reader lines and notices.
// Side effects are described, not done: `readChanges` is a new array exactly when a transition changed
// read marks (the caller writes them), and `quit` asks the caller to end the program.
import type {Command} from './keymap.ts';
import {firstKeyLabel, keyLabel} from './keymap.ts';
import {clampScroll, fitCursor, moveCursor, topCursor} from './cursor.ts';
import {onArticlesAdded, onReaderLoaded, onResized} from './outside-events.ts';
import {onArticlesChanged} from './library-changes.ts';
import type {Layout} from './layout.ts';
import {computeLayout} from './layout.ts';
import type {ViewFilter} from './view.ts';
import {compareItems, emptyLibrary, searchSorted, sortLibrary} from './library.ts';
import {buildView} from './view.ts';
import {askMarkViewRead, markViewRead, openRow, openUnread, toggleRead} from './open-and-mark.ts';
import {categoryRowCount, categoryRowOffset} from './selectors.ts';
import {onStarsLoaded, toggleStar} from './stars.ts';
import {afterArrivals, endRestore, onRemembered, restoredFailed} from './session.ts';
import {closeReader, cycleFocus, focusCategories, toggleZoom} from './focus.ts';
import {afterKey, dismissNotice, endNotice, noNotices, showNotice} from './notices.ts';
import {onHelpCommand, onPromptCommand} from './overlay.ts';
import {copyUrl, onLinksCommand, openLinks, openReferenceNumber, openSource} from './links.ts';
import {askPipeCommand, currentItem, onTextCommand, onTyped} from './text-prompt.ts';
import {onLibraryReplaced} from './rescan.ts';
import {nextSort, sortLabels} from './sort.ts';
import {noFind} from './find-types.ts';
import {findRows, refreshRows} from './filter.ts';
import {followFirstMatch, hasFind, jumpMatch, onFindBack, onPromptKey, onSearchFound, openPrompt} from './find.ts';
import type {Action, BrowserState, PreparedLines, ReadChange} from './types.ts';

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
		preview: null,
		zoomed: false,
		overlay: null,
		notice: null,
		keyHint: null,
		notices: noNotices,
		loading: {done: 0, total: 0, finished: false},
		layout: computeLayout(size.columns, size.rows),
		readChanges: noChanges,
		request: null,
		quit: false,
		find: noFind,
		suspends: 0,
		repainting: false,
		positions: new Map(),
		restore: null,
	};
}

/** A key was pressed: what the screen said about the last one has been seen and goes. */
function keyPressed(state: BrowserState): BrowserState {
	const after = afterKey(state);
	return after.keyHint === null ? after : {...after, keyHint: null};
}

export function reducer(state: BrowserState, action: Action): BrowserState {
	const next = reduce(state, action);
	return next === state ? state : followFirstMatch(next.restore === null ? next : afterArrivals(next, action));
}

function reduce(state: BrowserState, action: Action): BrowserState {
	switch (action.type) {
		case 'command':
			return onCommand(keyPressed(endRestore(state)), action.command, action.prepared ?? state.preview, action.key);
		case 'unknownKey':
			return {
				...keyPressed(state),
				keyHint: `${keyLabel(action.key)}: no such key, ${firstKeyLabel('help')} for help`,
			};
		case 'typed':
			return onTyped(state, action.text);
		case 'libraryReplaced':
			return narrowAgain(state, onLibraryReplaced(state, action.articles, action.readIds ?? noIds));
		case 'articlesAdded':
			return narrowAgain(state, onArticlesAdded(state, action.articles, action.readIds ?? noIds, action.progress));
		case 'articlesChanged':
			return narrowAgain(
				state,
				onArticlesChanged(state, action.removedIds, action.articles, action.readIds ?? noIds, action.progress),
			);
		case 'loadingFinished':
			return state.loading.finished
				? state
				: {
						...state,
						loading: {...state.loading, done: Math.max(state.loading.done, state.loading.total), finished: true},
					};
		case 'starsLoaded':
			return onStarsLoaded(state, action.ids);
		case 'remembered':
			return onRemembered(state, action.session, action.positions);
		case 'resized':
			return onResized(state, computeLayout(action.columns, action.rows, state.zoomed));
		case 'readerLoaded':
			return onReaderLoaded(state, action.item, action.width, action.lines, action.partial ?? false);
		case 'readerFailed':
			if (state.reader?.item !== action.item) return state;
			if (state.reader.restored) return restoredFailed(state);
			return {...state, reader: {...state.reader, status: 'failed', lines: [], scroll: 0, message: action.message}};
		case 'repaint':
		case 'repainted':
			return state.repainting === (action.type === 'repaint') ? state : {...state, repainting: !state.repainting};
		case 'previewLoaded':
			return onPreviewLoaded(state, action.prepared);
		case 'noticeShown':
			return showNotice(state, action.text, action.weight, action.key ?? null);
		case 'noticeEnded':
			return endNotice(state, action.key);
		case 'promptKey':
			return onPromptKey(state, action.key);
		case 'searchFound':
			return onSearchFound(state, action);
	}
}

/** After the library changed: a kept filter or search results narrow the new rows too. */
function narrowAgain(before: BrowserState, after: BrowserState): BrowserState {
	const narrowed = before.find.query !== '' || before.find.search !== null;
	return narrowed && after.rows !== before.rows ? refreshRows(after) : after;
}

/** Rows of a page in the reader: a page less two lines, so a line of context stays on screen. */
export function readerPage(layout: Layout): number {
	return Math.max(1, layout.bodyHeight - 2);
}

function onCommand(
	state: BrowserState,
	command: Command,
	prepared: PreparedLines | null,
	key: string | undefined,
): BrowserState {
	if (command === 'forceQuit') return {...state, quit: true};
	if (command === 'suspend') return {...state, suspends: state.suspends + 1};
	if (state.overlay?.kind === 'confirm') return onPromptCommand(state, command, markViewRead);
	if (state.overlay?.kind === 'help') return onHelpCommand(state, state.overlay, command);
	if (state.overlay?.kind === 'links') return onLinksCommand(state, state.overlay, command, key);
	if (state.overlay?.kind === 'input') return onTextCommand(state, state.overlay, command);
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
			if (state.focus === 'reader') return closeReader(state);
			if (state.focus !== 'list') return {...state, focus: 'list'};
			// In the list Esc leaves a kept filter or search first; with none, it dismisses the notice shown.
			return hasFind(state) ? onFindBack(state) : dismissNotice(state);
		case 'filter':
			return openPrompt(state, 'filter');
		case 'search':
			return openPrompt(state, 'search');
		case 'nextMatch':
			return jumpMatch(state, 1);
		case 'previousMatch':
			return jumpMatch(state, -1);
		case 'focusCategories':
			return focusCategories(state);
		case 'zoom':
			return toggleZoom(state);
		case 'nextUnread':
			return openUnread(state, 1, prepared);
		case 'previousUnread':
			return openUnread(state, -1, prepared);
		case 'toggleRead':
			return toggleRead(state);
		case 'star':
			return toggleStar(state);
		case 'markAllRead':
			return askMarkViewRead(state);
		case 'toggleUnreadOnly':
			return applyFilter(state, {...state.filter, unreadOnly: !state.filter.unreadOnly}, false);
		case 'links':
			return openLinks(state);
		case 'openReference':
			return openReferenceNumber(state, Number(key));
		case 'openSource':
			return openSource(state);
		case 'copyUrl':
			return copyUrl(state);
		case 'pipe':
			return askPipeCommand(state);
		case 'edit': {
			const meta = state.library.items[currentItem(state) ?? -1];
			return meta ? {...state, request: {kind: 'edit', meta}} : state;
		}
		case 'sort':
			return resort(state);
		case 'rescan':
			if (!state.loading.finished) return {...state, notice: 'Still indexing: R works once it is done.'};
			return {...state, request: {kind: 'rescan'}, notice: 'Reading the library again…'};
		case 'help':
			return {...state, overlay: {kind: 'help', scroll: 0}};
		case 'quit':
			return state.focus === 'reader' ? closeReader(state) : {...state, quit: true};
		case 'confirm':
		case 'cancel':
		case 'deleteBack':
			return state;
	}
}

/** Kept while its article is under the cursor (it is shown while no article is open). */
function onPreviewLoaded(state: BrowserState, prepared: PreparedLines): BrowserState {
	if (state.preview === prepared || state.rows[state.list.index] !== prepared.item) return state;
	return {...state, preview: prepared};
}

function pageOf(state: BrowserState): number {
	return state.focus === 'reader' ? readerPage(state.layout) : Math.max(1, state.layout.bodyHeight);
}

function move(state: BrowserState, delta: number, page: boolean): BrowserState {
	const height = state.layout.bodyHeight;
	if (state.focus === 'reader') {
		if (!state.reader) return state;
		const {lines, scroll: from} = state.reader;
		// Top and bottom are infinite moves: the clamp takes them to the first and the last page.
		const scroll = clampScroll(from + delta, lines.length, height);
		// A scroll of one's own: a kept position still to come (the whole article) no longer applies.
		return scroll === state.reader.scroll ? state : {...state, reader: {...state.reader, scroll, resume: undefined}};
	}
	const cursor = state.focus === 'list' ? state.list : state.categories;
	const count = state.focus === 'list' ? state.rows.length : categoryRowCount(state);
	const moved = moveCursor(cursor, cursor.index + delta, count, height, page);
	if (moved === cursor) return state;
	return state.focus === 'list' ? {...state, list: moved} : {...state, categories: moved};
}

function applyCategory(state: BrowserState, shownRow: number): BrowserState {
	const offset = categoryRowOffset(state);
	const row = shownRow - offset;
	// Row 0 (All) and the Starred row above it have no node: tree[-1] and tree[-2] are undefined.
	const category = state.library.tree[row - 1]?.ordinal ?? null;
	const filter = {...state.filter, category, starred: offset > 0 && shownRow === 0};
	return {...applyFilter(state, filter, true), focus: 'list'};
}

/** `S`: the next order; the cursor stays on its article. */
function resort(state: BrowserState): BrowserState {
	const library = sortLibrary(state.library, nextSort(state.library.sort));
	const sorted = applyFilter({...state, library}, state.filter, false);
	return {...sorted, notice: `Sorted ${sortLabels[library.sort]}.`};
}

/** Take the rows for `filter`; the cursor goes to the top, or stays on its article when `toTop` is false. */
function applyFilter(state: BrowserState, filter: ViewFilter, toTop: boolean): BrowserState {
	const rows = findRows(state.library, state.find, buildView(state.library, filter));
	const height = state.layout.bodyHeight;
	if (toTop) return {...state, filter, rows, list: fitCursor(topCursor, rows.length, height)};
	const item = state.rows[state.list.index];
	if (item === undefined) return {...state, filter, rows, list: fitCursor(topCursor, rows.length, height)};
	const index = searchSorted(rows, item, (a, b) => compareItems(state.library, a, b));
	const list = fitCursor({index, scroll: state.list.scroll + (index - state.list.index)}, rows.length, height);
	return {...state, filter, rows, list};
}
