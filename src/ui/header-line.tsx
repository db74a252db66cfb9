// The top line: a header over each pane on screen (the categories, the list with its count, the article in the
// reader), the focused pane's standing out; and a notice, when there is one, over the right part of the line.
import {Box, Text} from 'ink';
import {SEPARATOR_WIDTH} from '../core/browser/layout.ts';
import type {Focus} from '../core/browser/types.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {displayWidth, padEnd, truncate} from '../core/text/width.ts';
import type {Theme} from './theme.ts';
import {headerMarker, headerStyle} from './theme.ts';

export interface PaneHeader {
	pane: Focus;
	text: string;
	width: number;
}

export interface HeaderLineProps {
	/** The headers of the panes on screen, left to right. */
	headers: readonly PaneHeader[];
	focus: Focus;
	notice: string | null;
	/** The notice means data will be lost and stays until dismissed: drawn so that it is not missed. */
	standing?: boolean;
	width: number;
	theme: Theme;
}

/** The notice never leaves the first pane's header shorter than this. */
const MIN_HEADER_ROOM = 12;

function Header({header, focused, theme}: {header: PaneHeader; focused: boolean; theme: Theme}) {
	const text = headerMarker(theme, focused) + sanitizeLine(header.text);
	return (
		<Text wrap="truncate" {...headerStyle(theme, focused)}>
			{padEnd(truncate(text, header.width), header.width)}
		</Text>
	);
}

export function HeaderLine({headers, focus, notice, standing = false, width, theme}: HeaderLineProps) {
	let shown = headers;
	let noticeWidth = 0;
	if (notice !== null) {
		// Over the panes right of the first one; in one pane, over what its header leaves (but at least half).
		const first = headers[0];
		const keep =
			headers.length > 1 && first
				? first.width
				: Math.min(Math.max(MIN_HEADER_ROOM, displayWidth(first?.text ?? '') + 2), Math.floor(width / 2));
		shown = first ? [{...first, width: Math.min(first.width, keep)}] : [];
		noticeWidth = width - (shown[0]?.width ?? 0) - (headers.length > 1 ? SEPARATOR_WIDTH : 0);
	}
	return (
		<Box width={width} height={1} flexDirection="row">
			{shown.map((header, index) => (
				<Box key={header.pane} width={header.width + (index > 0 ? SEPARATOR_WIDTH : 0)} height={1}>
					{index > 0 ? <Text dimColor>{'│'}</Text> : null}
					<Header header={header} focused={header.pane === focus} theme={theme} />
				</Box>
			))}
			{notice !== null && noticeWidth > 0 ? (
				<Box width={noticeWidth} height={1}>
					{headers.length > 1 ? <Text dimColor>{'│'}</Text> : null}
					<Text
						wrap="truncate"
						bold
						color={theme.color ? (standing ? 'red' : 'yellow') : undefined}
						inverse={standing || !theme.color}
					>
						{padEnd(
							truncate(` ${sanitizeLine(notice)}`, noticeWidth - (headers.length > 1 ? SEPARATOR_WIDTH : 0)),
							noticeWidth - (headers.length > 1 ? SEPARATOR_WIDTH : 0),
						)}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
