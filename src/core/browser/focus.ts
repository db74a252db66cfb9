// Which pane has the keys, and how much of the screen each pane has: focus moves, the reader closing, zoom.
import {fitCursor} from './cursor.ts';
import {firstKeyLabel} from './keymap.ts';
import {computeLayout} from './layout.ts';
import {onResized} from './outside-events.ts';
import {keepPosition} from './positions.ts';
import {categoryRowCount, categoryRowOffset} from './selectors.ts';
import type {BrowserState, Focus} from './types.ts';

/** `q`/`Esc` in the reader: the article closes and the list (with the preview) has the keys again. */
export function closeReader(state: BrowserState): BrowserState {
	return {...keepPosition(state), reader: null, focus: 'list'};
}

export function toggleZoom(state: BrowserState): BrowserState {
	if (!state.layout.sideBySide)
		return {
			...state,
			keyHint: `${firstKeyLabel('zoom')}: one pane fills the screen already (panes sit side by side from 100 columns)`,
		};
	const zoomed = !state.zoomed;
	return onResized({...state, zoomed}, computeLayout(state.layout.columns, state.layout.rows, zoomed));
}

export function cycleFocus(state: BrowserState, step: number): BrowserState {
	const panes: Focus[] = state.reader ? ['categories', 'list', 'reader'] : ['categories', 'list'];
	const at = panes.indexOf(state.focus);
	const focus = panes[(at + step + panes.length) % panes.length] ?? 'list';
	return focus === 'categories' ? focusCategories(state) : {...state, focus};
}

/** Focus the category pane with its cursor on the category being shown. */
export function focusCategories(state: BrowserState): BrowserState {
	const {category} = state.filter;
	const offset = categoryRowOffset(state);
	const row =
		state.filter.starred === true
			? 0
			: offset + (category === null ? 0 : 1 + state.library.tree.findIndex((node) => node.ordinal === category));
	const categories = fitCursor(
		{index: Math.max(0, row), scroll: state.categories.scroll},
		categoryRowCount(state),
		state.layout.bodyHeight,
	);
	return {...state, focus: 'categories', categories};
}
