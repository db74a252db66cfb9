// Where the panes go for a terminal size. Every frame is one row shorter than the terminal: Ink clears
// the whole screen on every render once a frame reaches the terminal's height, which flickers.
//
// Side by side, the reader is set at a reading measure (READER_MEASURE columns of text, as glow does) and
// no wider; the categories take a narrow column; the list gets the rest, so a wide terminal shows whole
// titles instead of over-long lines of text. Until the reader reaches its measure, it and the list share
// what the categories leave.
import {clamp} from './cursor.ts';

export type LayoutMode = 'tooSmall' | 'narrow' | 'wide';

export interface Layout {
	columns: number;
	rows: number;
	/** `narrow`: one pane fills the screen (a terminal narrower than WIDE_COLUMNS, or a zoomed pane). */
	mode: LayoutMode;
	/** The terminal is wide enough for the panes side by side (zoomed or not). */
	sideBySide: boolean;
	/** Rows of the frame Ink draws (title + panes + status line). */
	frameHeight: number;
	/** Rows of the panes' contents, between the header line and the status line. */
	bodyHeight: number;
	/** Pane widths in wide mode (separators excluded); each is the full width in narrow mode. */
	categoryWidth: number;
	listWidth: number;
	readerWidth: number;
	/** Columns the article is rendered at: the pane less its margins, at most READER_MEASURE. */
	readerTextWidth: number;
	/** Blank columns left of the article's text (the text is centred when the pane is much wider). */
	readerMargin: number;
}

export const MIN_COLUMNS = 20;
export const MIN_ROWS = 5;
/** From this width on, the category pane, the list and the reader sit side by side. */
export const WIDE_COLUMNS = 100;
/** Columns between two panes in wide mode. */
export const SEPARATOR_WIDTH = 1;
/** Blank columns left of the article text, when the pane is wide enough to spare them. */
export const READER_MARGIN = 1;
/** The narrowest width articles are rendered at (core/render.ts). */
export const MIN_TEXT_WIDTH = 20;
/** The widest the reader's text is set: lines longer than this are hard to follow. */
export const READER_MEASURE = 80;
/** The category pane: a share of the width between these bounds. */
const CATEGORY_SHARE = 0.12;
const MIN_CATEGORY_WIDTH = 16;
const MAX_CATEGORY_WIDTH = 24;

export function computeLayout(columns: number, rows: number, zoomed = false): Layout {
	const safeColumns = Math.max(0, Math.floor(columns) || 0);
	const safeRows = Math.max(0, Math.floor(rows) || 0);
	if (safeColumns < MIN_COLUMNS || safeRows < MIN_ROWS) {
		return {
			columns: safeColumns,
			rows: safeRows,
			mode: 'tooSmall',
			sideBySide: false,
			frameHeight: 1,
			bodyHeight: 0,
			categoryWidth: 0,
			listWidth: 0,
			readerWidth: 0,
			readerTextWidth: 0,
			readerMargin: 0,
		};
	}
	const frameHeight = safeRows - 1;
	// The header line above the panes and the status line below them.
	const bodyHeight = frameHeight - 2;
	const sideBySide = safeColumns >= WIDE_COLUMNS;
	if (!sideBySide || zoomed) {
		return {
			columns: safeColumns,
			rows: safeRows,
			mode: 'narrow',
			sideBySide,
			frameHeight,
			bodyHeight,
			categoryWidth: safeColumns,
			listWidth: safeColumns,
			readerWidth: safeColumns,
			...readerText(safeColumns),
		};
	}
	const categoryWidth = clamp(Math.round(safeColumns * CATEGORY_SHARE), MIN_CATEGORY_WIDTH, MAX_CATEGORY_WIDTH);
	const shared = safeColumns - categoryWidth - 2 * SEPARATOR_WIDTH;
	const readerWidth = Math.min(READER_MEASURE + READER_MARGIN, Math.floor(shared / 2));
	return {
		columns: safeColumns,
		rows: safeRows,
		mode: 'wide',
		sideBySide,
		frameHeight,
		bodyHeight,
		categoryWidth,
		listWidth: shared - readerWidth,
		readerWidth,
		...readerText(readerWidth),
	};
}

/** The text's width in a reader pane `paneWidth` wide, and the margin left of it. */
function readerText(paneWidth: number): {readerTextWidth: number; readerMargin: number} {
	if (paneWidth - READER_MARGIN < MIN_TEXT_WIDTH) return {readerTextWidth: paneWidth, readerMargin: 0};
	const readerTextWidth = Math.min(READER_MEASURE, paneWidth - READER_MARGIN);
	const spare = paneWidth - readerTextWidth;
	return {readerTextWidth, readerMargin: spare <= READER_MARGIN ? spare : Math.floor(spare / 2)};
}
