// The links list (`L`): the open article's references, numbered as in its text, one per row with its URL;
// the selected row is the one Enter opens and y copies. Only the rows on screen are drawn.
import {Box, Text} from 'ink';
import type {Cursor} from '../core/browser/cursor.ts';
import type {Reference} from '../core/render/references.ts';
import {displayUrl} from '../core/render/references.ts';
import {padEnd, truncate} from '../core/text/width.ts';
import type {Theme} from './theme.ts';
import {markerColumn, selectionStyle} from './theme.ts';

const kindNotes: Readonly<Record<Reference['kind'], string>> = {
	link: '',
	image: ' (image)',
	cover: ' (cover image)',
	media: ' (video, audio or embed)',
};

/** One row: `[n] URL (image)`, exactly `width` columns. */
export function linkRow(reference: Reference, labelWidth: number, width: number): string {
	const label = `[${reference.number}]`.padEnd(labelWidth);
	return padEnd(truncate(`${label}${displayUrl(reference.url)}${kindNotes[reference.kind]}`, width), width);
}

export interface LinksOverlayProps {
	references: readonly Reference[];
	cursor: Cursor;
	width: number;
	height: number;
	theme: Theme;
}

export function LinksOverlay({references, cursor, width, height, theme}: LinksOverlayProps) {
	const rows = references.slice(cursor.scroll, cursor.scroll + Math.max(0, height - 1));
	const labelWidth = `[${references.length}] `.length;
	const heading = `Links (${references.length}): Enter opens, y copies, Esc closes`;
	return (
		<Box width={width} height={height} flexDirection="column">
			<Text wrap="truncate" bold>
				{padEnd(truncate(` ${heading}`, width), width)}
			</Text>
			{rows.map((reference, offset) => {
				const selected = cursor.scroll + offset === cursor.index;
				return (
					<Text key={offset} wrap="truncate" {...selectionStyle(selected, true)}>
						{markerColumn(theme, selected, true) + linkRow(reference, labelWidth, Math.max(0, width - 1))}
					</Text>
				);
			})}
		</Box>
	);
}
