// The category pane: `All`, then the hexo category tree (children indented), each with its unread count.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {Cursor} from '../core/browser/cursor.ts';
import type {CategoryRow} from '../core/browser/selectors.ts';
import {displayWidth, padEnd} from '../core/text/width.ts';
import type {Theme} from './theme.ts';
import {APPLIED_CATEGORY_MARK, cursorRowStyle, markerColumn} from './theme.ts';

export interface CategoryPaneProps {
	/** Every row (`All` first); only those on screen are drawn. */
	categories: readonly CategoryRow[];
	cursor: Cursor;
	/** The category the list shows (null: All; `starred`: the starred articles). */
	active: number | null | 'starred';
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Indented name and unread count, exactly `width` columns. */
export function categoryText(row: CategoryRow, width: number): string {
	const shown = row.starred ? row.total : row.unread;
	const count = shown > 0 ? String(shown) : '';
	const label = '  '.repeat(row.depth) + sanitizeLine(row.name);
	if (count === '') return padEnd(label, width);
	const room = width - displayWidth(count) - 1;
	if (room < 4) return padEnd(label, width);
	return `${padEnd(label, room)} ${count}`;
}

function CategoryPaneView({categories, cursor, active, width, height, focused, theme}: CategoryPaneProps) {
	const visible = categories.slice(cursor.scroll, cursor.scroll + Math.max(0, height));
	return (
		<Box width={width} height={height} flexDirection="column">
			{visible.map((row, offset) => {
				// The cursor is this pane's only while it has the focus; the category shown has a mark of its own.
				const selected = focused && cursor.scroll + offset === cursor.index;
				const isActive = row.starred ? active === 'starred' : row.ordinal === active;
				const marker = markerColumn(theme, selected, focused);
				return (
					<Text
						key={offset}
						wrap="truncate"
						bold={isActive}
						color={isActive && theme.color && !selected ? 'green' : undefined}
						{...cursorRowStyle(theme, selected, focused)}
					>
						{(marker === ' ' && isActive ? APPLIED_CATEGORY_MARK : marker) + categoryText(row, Math.max(0, width - 1))}
					</Text>
				);
			})}
		</Box>
	);
}

export const CategoryPane = memo(CategoryPaneView);
