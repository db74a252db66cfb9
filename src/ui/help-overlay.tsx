// Every key, made from the key table (core/keymap.ts): what `?` shows cannot drift from what the keys do.
import {Box, Text} from 'ink';
import {keyLabel, keymap} from '../core/browser/keymap.ts';
import {padEnd} from '../core/text/width.ts';

const KEYS_WIDTH = 22;

/** One line per binding: its keys, then what they do. */
export function helpLines(width: number): string[] {
	return keymap.map((binding) =>
		padEnd(`  ${padEnd(binding.keys.map(keyLabel).join(' '), KEYS_WIDTH - 2)}${binding.help}`, width),
	);
}

export interface HelpOverlayProps {
	scroll: number;
	width: number;
	height: number;
}

export function HelpOverlay({scroll, width, height}: HelpOverlayProps) {
	const lines = helpLines(width).slice(scroll, scroll + Math.max(0, height));
	return (
		<Box width={width} height={height} flexDirection="column">
			{lines.map((line, offset) => (
				<Text key={offset} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
