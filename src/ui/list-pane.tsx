// The article list: only the rows on screen are drawn, each exactly the pane's width (never wrapped).
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {ArticleMeta} from '../core/article/article.ts';
import {formatDay} from '../core/article/format.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {ArticleRow} from '../core/browser/selectors.ts';
import {displayWidth, padEnd} from '../core/text/width.ts';
import type {Theme} from './theme.ts';
import {cursorRowStyle, markerColumn} from './theme.ts';

export const UNREAD_MARK = '●';

export interface ListPaneProps {
	articles: readonly ArticleRow[];
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	/** Shown when the list is empty. */
	emptyText: string;
}

/** Below this many columns a row has no room for the author beside a useful part of the title. */
const MIN_WIDTH_WITH_AUTHOR = 48;
const MAX_AUTHOR_WIDTH = 16;

// Rows are formatted once per article and width: a key press re-draws rows, it does not re-measure them.
const formatted = new WeakMap<ArticleMeta, {width: number; text: string}>();

/** Date, title and (when there is room) author, exactly `width` columns. */
export function rowBody(meta: ArticleMeta, width: number): string {
	const known = formatted.get(meta);
	if (known?.width === width) return known.text;
	const title = sanitizeLine(meta.title) || meta.path;
	const author = sanitizeLine(meta.author);
	const day = formatDay(meta.date);
	let text: string;
	if (width < 30) {
		text = padEnd(title, width);
	} else {
		const dated = `${day.padEnd(10)} `;
		const room = width - dated.length;
		const authorWidth =
			width >= MIN_WIDTH_WITH_AUTHOR && author
				? Math.min(displayWidth(author), MAX_AUTHOR_WIDTH, Math.floor(room / 4))
				: 0;
		text =
			authorWidth > 0
				? dated + padEnd(title, room - authorWidth - 2) + '  ' + padEnd(author, authorWidth)
				: dated + padEnd(title, room);
	}
	formatted.set(meta, {width, text});
	return text;
}

/** Only the highlighted row needs its trailing spaces (to paint the bar): others are cheaper for Ink without. */
const rowText = (text: string, selected: boolean) => (selected ? text : text.trimEnd());

function ListPaneView({articles, width, height, focused, theme, emptyText}: ListPaneProps) {
	if (articles.length === 0) {
		return (
			<Box width={width} height={height} flexDirection="column">
				<Text wrap="truncate" dimColor>
					{padEnd(` ${emptyText}`, width)}
				</Text>
			</Box>
		);
	}
	const bodyWidth = Math.max(0, width - 3);
	return (
		<Box width={width} height={height} flexDirection="column">
			{articles.map(({meta, read, selected}, row) => (
				// Keyed by screen row: scrolling updates the texts of a fixed set of nodes.
				<Text
					key={row}
					wrap="truncate"
					bold={!read}
					dimColor={read && theme.color && !selected}
					{...cursorRowStyle(theme, selected, focused)}
				>
					{rowText(
						markerColumn(theme, selected, focused) + (read ? ' ' : UNREAD_MARK) + ' ' + rowBody(meta, bodyWidth),
						selected,
					)}
				</Text>
			))}
		</Box>
	);
}

export const ListPane = memo(ListPaneView);
