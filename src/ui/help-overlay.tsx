// Every key, made from the key table (core/keymap.ts): what `?` shows cannot drift from what the keys do.
import {Box, Text} from 'ink';
import {helpView} from '../core/browser/help-lines.ts';
import {padEnd} from '../core/text/width.ts';

export interface HelpOverlayProps {
	scroll: number;
	width: number;
	height: number;
}

export function HelpOverlay({scroll, width, height}: HelpOverlayProps) {
	const {lines, footer} = helpView(scroll, width, height);
	return (
		<Box width={width} height={height} flexDirection="column">
			{lines.map((line, offset) => (
				<Text key={offset} wrap="truncate">
					{padEnd(line, width)}
				</Text>
			))}
			{footer === null ? null : (
				<Text wrap="truncate" dimColor>
					{padEnd(footer, width)}
				</Text>
			)}
		</Box>
	);
}
