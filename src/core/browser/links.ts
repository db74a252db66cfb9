// Following links: the links list (`L`), a reference by its number (1-9), the source link (`o`) and copying a
// link (`y`). The reducer only describes what to open or copy (a Request); the caller opens it.
import type {Reference} from '../render/references.ts';
import {displayUrl, referencesOf} from '../render/references.ts';
import {sanitizeLine} from '../text/sanitize.ts';
import type {Command} from './keymap.ts';
import type {Cursor} from './cursor.ts';
import {fitCursor, moveCursor, topCursor} from './cursor.ts';
import {currentItem} from './text-prompt.ts';
import type {BrowserState} from './types.ts';

/** Schemes leaf hands to a browser. Anything else (file:, data:, custom app schemes) is only copied. */
const OPENABLE = new Set(['http:', 'https:', 'mailto:', 'ftp:']);

/**
 * The URL to open for `url` as written in the article: resolved against the article's source link when
 * relative, normalised by the URL parser (so no space or control character survives), or null when it is not
 * something a browser should be handed.
 */
export function openableUrl(url: string, base: string | null): string | null {
	let parsed: URL;
	try {
		parsed = base === null ? new URL(url) : new URL(url, base);
	} catch {
		return null;
	}
	return OPENABLE.has(parsed.protocol) ? parsed.href : null;
}

/** The references of the article open in the reader (none while it loads). */
export function readerReferences(state: BrowserState): readonly Reference[] {
	return state.reader ? referencesOf(state.reader.lines) : [];
}

/** How a reference is named on the status line: `[3] https://…`. */
export function referenceLabel(reference: Reference): string {
	return `[${reference.number}] ${displayUrl(reference.url)}`;
}

function sourceOf(state: BrowserState, item: number): string | null {
	const link = state.library.items[item]?.link ?? null;
	return link === null ? null : sanitizeLine(link);
}

/** Open `reference` of the reader's article, or say why not. */
function openReference(state: BrowserState, reference: Reference, base: string | null): BrowserState {
	const url = openableUrl(reference.url, base);
	if (url === null) return {...state, notice: `${referenceLabel(reference)} is not a web link: y copies it instead.`};
	// Named by what is opened: a relative reference resolved against the source link reads as the full URL.
	return {...state, request: {kind: 'openUrl', url, label: `[${reference.number}] ${url}`}};
}

/** `1`-`9` in the reader: open reference n of the article. */
export function openReferenceNumber(state: BrowserState, number: number): BrowserState {
	if (!state.reader || state.focus !== 'reader') return state;
	const reference = readerReferences(state).find((candidate) => candidate.number === number);
	if (!reference) return {...state, notice: `This article has no reference [${number}].`};
	return openReference(state, reference, sourceOf(state, state.reader.item));
}

/** `o`: the source link of the article, else its first reference. */
export function openSource(state: BrowserState): BrowserState {
	// The article `o` and `y` act on: the reader's when it has focus, else the list cursor's.
	const current = currentItem(state);
	if (current === undefined) return state;
	const source = sourceOf(state, current);
	if (source !== null) {
		const url = openableUrl(source, null);
		if (url !== null) return {...state, request: {kind: 'openUrl', url, label: `source ${source}`}};
	}
	const first = state.reader?.item === current ? readerReferences(state)[0] : undefined;
	if (first) return openReference(state, first, source);
	return {
		...state,
		notice:
			state.reader?.item === current ? 'This article has no links.' : 'No source link: open the article for its links.',
	};
}

/** `y`: copy the selected link (in the links list), else the article's source link. */
export function copyUrl(state: BrowserState): BrowserState {
	if (state.overlay?.kind === 'links') {
		const reference = readerReferences(state)[state.overlay.cursor.index];
		if (!reference) return state;
		return {
			...state,
			request: {kind: 'copyUrl', url: copyable(reference.url, state), label: referenceLabel(reference)},
		};
	}
	const current = currentItem(state);
	if (current === undefined) return state;
	const source = sourceOf(state, current);
	if (source === null) return {...state, notice: 'This article has no source link: L lists its links to copy.'};
	return {...state, request: {kind: 'copyUrl', url: source, label: `source ${source}`}};
}

/** A reference copied: resolved like an opened one when it can be, else as written. */
function copyable(url: string, state: BrowserState): string {
	const base = state.reader ? sourceOf(state, state.reader.item) : null;
	let resolved: string;
	try {
		resolved = base === null ? new URL(url).href : new URL(url, base).href;
	} catch {
		return url;
	}
	return resolved;
}

/** `L`: the links list of the article in the reader. */
export function openLinks(state: BrowserState): BrowserState {
	if (!state.reader) return {...state, notice: 'Open an article first: L lists its links.'};
	if (state.reader.status !== 'ready' && state.reader.status !== 'partial') return state;
	if (readerReferences(state).length === 0) return {...state, notice: 'This article has no links.'};
	return {...state, overlay: {kind: 'links', cursor: topCursor}};
}

/** Keys while the links list is open: move, open, copy, a number, or close. */
export function onLinksCommand(
	state: BrowserState,
	overlay: {kind: 'links'; cursor: Cursor},
	command: Command,
	key: string | undefined,
): BrowserState {
	const count = readerReferences(state).length;
	const height = linksListHeight(state);
	const moveTo = (target: number, page = false): BrowserState => {
		const cursor = moveCursor(overlay.cursor, target, count, height, page);
		return cursor === overlay.cursor ? state : {...state, overlay: {kind: 'links', cursor}};
	};
	const {index} = overlay.cursor;
	switch (command) {
		case 'up':
			return moveTo(index - 1);
		case 'down':
			return moveTo(index + 1);
		case 'pageUp':
			return moveTo(index - height, true);
		case 'pageDown':
			return moveTo(index + height, true);
		case 'top':
			return moveTo(0);
		case 'bottom':
			return moveTo(count - 1);
		case 'open': {
			const reference = readerReferences(state)[index];
			if (!reference || !state.reader) return state;
			return openReference(state, reference, sourceOf(state, state.reader.item));
		}
		case 'openReference': {
			const number = Number(key);
			const row = readerReferences(state).findIndex((reference) => reference.number === number);
			if (row < 0) return {...state, notice: `This article has no reference [${key ?? ''}].`};
			return openReference(
				{...state, overlay: {kind: 'links', cursor: moveCursor(overlay.cursor, row, count, height)}},
				readerReferences(state)[row] as Reference,
				state.reader ? sourceOf(state, state.reader.item) : null,
			);
		}
		case 'copyUrl':
			return copyUrl(state);
		case 'links':
		case 'back':
		case 'quit':
			return {...state, overlay: null};
		case 'help':
			return {...state, overlay: {kind: 'help', scroll: 0}};
		default:
			return state;
	}
}

/** Rows of the links list: the panes' height less its heading line. */
export function linksListHeight(state: BrowserState): number {
	return Math.max(1, state.layout.bodyHeight - 1);
}

/** The links list's cursor kept on screen after a resize. */
export function fitLinksCursor(state: BrowserState, cursor: Cursor): Cursor {
	return fitCursor(cursor, readerReferences(state).length, linksListHeight(state));
}
