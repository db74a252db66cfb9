// Where the panes go for a terminal size. Every frame is one row shorter than the terminal: Ink clears
// the whole screen on every render once a frame reaches the terminal's height, which flickers.
import {clamp} from './cursor.ts';

export type LayoutMode = 'tooSmall' | 'narrow' | 'wide';

export interface Layout {
	columns: number;
	rows: number;
	mode: LayoutMode;
	/** Rows of the frame Ink draws (title + panes + status line). */
	frameHeight: number;
	/** Rows of the panes between the title line and the status line. */
	bodyHeight: number;
	/** Pane widths in wide mode (separators excluded); each is the full width in narrow mode. */
	categoryWidth: number;
	listWidth: number;
	readerWidth: number;
	/** Columns the article is rendered at: the reader pane less its left margin. */
	readerTextWidth: number;
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

export function computeLayout(columns: number, rows: number): Layout {
	const safeColumns = Math.max(0, Math.floor(columns) || 0);
	const safeRows = Math.max(0, Math.floor(rows) || 0);
	if (safeColumns < MIN_COLUMNS || safeRows < MIN_ROWS) {
		return {
			columns: safeColumns,
			rows: safeRows,
			mode: 'tooSmall',
			frameHeight: 1,
			bodyHeight: 0,
			categoryWidth: 0,
			listWidth: 0,
			readerWidth: 0,
			readerTextWidth: 0,
		};
	}
	const frameHeight = safeRows - 1;
	const bodyHeight = frameHeight - 2;
	if (safeColumns < WIDE_COLUMNS) {
		return {
			columns: safeColumns,
			rows: safeRows,
			mode: 'narrow',
			frameHeight,
			bodyHeight,
			categoryWidth: safeColumns,
			listWidth: safeColumns,
			readerWidth: safeColumns,
			readerTextWidth: textWidth(safeColumns),
		};
	}
	const categoryWidth = clamp(Math.round(safeColumns * 0.16), 16, 30);
	const listWidth = clamp(Math.round(safeColumns * 0.34), 30, 64);
	const readerWidth = safeColumns - categoryWidth - listWidth - 2 * SEPARATOR_WIDTH;
	return {
		columns: safeColumns,
		rows: safeRows,
		mode: 'wide',
		frameHeight,
		bodyHeight,
		categoryWidth,
		listWidth,
		readerWidth,
		readerTextWidth: textWidth(readerWidth),
	};
}

function textWidth(paneWidth: number): number {
	return paneWidth - READER_MARGIN >= MIN_TEXT_WIDTH ? paneWidth - READER_MARGIN : paneWidth;
}
