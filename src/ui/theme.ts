// How the views may style text. NO_COLOR keeps bold and inverse but drops colours; a terminal that shows
// no attributes at all (TERM=dumb) gets a `>` marking the cursor row instead of inverse video.

export interface Theme {
	/** Colours allowed (not NO_COLOR). */
	color: boolean;
	/** Mark the cursor row with a character, for terminals that show no inverse video. */
	cursorMarker: boolean;
}

export const defaultTheme: Theme = {color: true, cursorMarker: false};

/** The first column of a row: where the text cursor marker goes when the theme asks for one. */
export function markerColumn(theme: Theme, selected: boolean, focused: boolean): string {
	if (!theme.cursorMarker || !selected) return ' ';
	return focused ? '>' : '-';
}

/** Text props of a row under the cursor: inverse in the focused pane, underlined elsewhere. */
export function selectionStyle(selected: boolean, focused: boolean): {inverse?: boolean; underline?: boolean} {
	if (!selected) return {};
	return focused ? {inverse: true} : {underline: true};
}

/** Text props of a pane's header line: the focused pane's stands out (inverse and bold, cyan with colours). */
export function headerStyle(
	theme: Theme,
	focused: boolean,
): {inverse?: boolean; bold?: boolean; color?: string; dimColor?: boolean} {
	if (focused) return theme.color ? {inverse: true, bold: true, color: 'cyan'} : {inverse: true, bold: true};
	return theme.color ? {dimColor: true} : {};
}

/** The first column of a header: a `>` for the focused pane when the terminal shows no attributes. */
export function headerMarker(theme: Theme, focused: boolean): string {
	return theme.cursorMarker && focused ? '>' : ' ';
}

/**
 * Text props of a row under the cursor. In the focused pane it stands out like the pane's header (inverse, and
 * cyan with colours); in another pane (the list while the reader has the focus) it is only underlined.
 */
export function cursorRowStyle(
	theme: Theme,
	selected: boolean,
	focused: boolean,
): {inverse?: boolean; underline?: boolean; color?: string} {
	if (!selected) return {};
	if (!focused) return {underline: true};
	return theme.color ? {inverse: true, color: 'cyan'} : {inverse: true};
}

/** The mark of the category the list shows, in the first column of its row. */
export const APPLIED_CATEGORY_MARK = '✓';
