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
