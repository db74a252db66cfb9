// The reader: lines rendered by core/render.ts at exactly this pane's width, each drawn as one truncated
// line so Ink never wraps anything itself. Only the lines on screen are drawn.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Line, LineStyle} from '../core/render/lines.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {ReaderState} from '../core/browser/types.ts';
import {padEnd} from '../core/text/width.ts';
import type {Theme} from './theme.ts';

export interface ReaderPaneProps {
	reader: ReaderState | null;
	width: number;
	/** Columns the lines were rendered for; what is left of `width` is a margin on the left. */
	textWidth: number;
	height: number;
	theme: Theme;
}

interface LineLook {
	bold?: boolean;
	dimColor?: boolean;
	italic?: boolean;
	color?: string;
}

const looks: Readonly<Record<LineStyle, {plain: LineLook; color: LineLook}>> = {
	title: {plain: {bold: true}, color: {bold: true, color: 'cyan'}},
	meta: {plain: {dimColor: true}, color: {dimColor: true}},
	heading: {plain: {bold: true}, color: {bold: true, color: 'green'}},
	body: {plain: {}, color: {}},
	quote: {plain: {italic: true}, color: {italic: true, color: 'gray'}},
	code: {plain: {}, color: {color: 'yellow'}},
	rule: {plain: {dimColor: true}, color: {dimColor: true}},
	reference: {plain: {dimColor: true}, color: {dimColor: true}},
};

function lookOf(style: LineStyle, theme: Theme): LineLook {
	const look = looks[style] ?? looks.body;
	return theme.color ? look.color : look.plain;
}

function Message({text, width, height}: {text: string; width: number; height: number}) {
	return (
		<Box width={width} height={height} flexDirection="column">
			<Text wrap="truncate" dimColor>
				{padEnd(text, width)}
			</Text>
		</Box>
	);
}

function ReaderPaneView({reader, width, textWidth, height, theme}: ReaderPaneProps) {
	const margin = ' '.repeat(Math.max(0, width - textWidth));
	if (!reader)
		return <Message text=" No article open: Enter opens the one under the cursor." width={width} height={height} />;
	if (reader.status === 'failed')
		return (
			<Message
				text={` ${sanitizeLine(reader.message ?? 'This article could not be read.')}`}
				width={width}
				height={height}
			/>
		);
	if (reader.status === 'loading' || reader.lines.length === 0)
		return <Message text={reader.status === 'loading' ? ' loading…' : ' (empty)'} width={width} height={height} />;
	const visible: readonly Line[] = reader.lines.slice(reader.scroll, reader.scroll + Math.max(0, height));
	return (
		<Box width={width} height={height} flexDirection="column">
			{visible.map((line, offset) => (
				// Keyed by screen row: scrolling updates the texts of a fixed set of nodes.
				<Text key={offset} wrap="truncate">
					{margin}
					<Text {...lookOf(line.style, theme)}>{line.text === '' ? ' ' : line.text}</Text>
				</Text>
			))}
		</Box>
	);
}

export const ReaderPane = memo(ReaderPaneView);
