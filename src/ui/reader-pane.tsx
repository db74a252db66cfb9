// The reader: lines rendered by core/render.ts at exactly this pane's width, each drawn as one truncated
// line so Ink never wraps anything itself. Only the lines on screen are drawn.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Line} from '../core/render/lines.ts';
import {lookOf, type Look} from '../core/render/theme.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {ReaderState} from '../core/browser/types.ts';
import {padEnd} from '../core/text/width.ts';
import type {Theme} from './theme.ts';
import type {MatchRange, ReaderMatches} from '../core/browser/matches.ts';
import {Highlighted} from './reader-highlight.tsx';

export interface ReaderPaneProps {
	reader: ReaderState | null;
	/** Shown while no article is open: the beginning of the article under the list cursor. */
	preview?: readonly Line[] | null;
	width: number;
	/** Columns the lines were rendered for. */
	textWidth: number;
	/** Blank columns left of the text (default: what `width` has beyond `textWidth`). */
	margin?: number;
	height: number;
	theme: Theme;
	/** The search's matches in the open article, and the one the reader is on (reader-highlight.tsx). */
	matches?: ReaderMatches | null;
	currentMatch?: MatchRange | null;
}

/** Ink's props for a look of the one theme (core/render/theme.ts), which `leaf cat --color` uses too. */
function inkProps(look: Look) {
	return {
		bold: look.bold,
		italic: look.italic,
		underline: look.underline,
		dimColor: look.dim,
		inverse: look.inverse,
		strikethrough: look.strikethrough,
		color: look.color,
	};
}

/** One rendered line, span by span; the text is exactly the line's, so no column is added or lost. */
function StyledLine({line, theme}: {line: Line; theme: Theme}) {
	if (line.text === '') return <Text> </Text>;
	if (!line.spans) return <Text {...inkProps(lookOf(line.style, [], theme.color))}>{line.text}</Text>;
	return (
		<>
			{line.spans.map((span, index) => (
				<Text key={index} {...inkProps(lookOf(line.style, span.styles, theme.color))}>
					{span.text}
				</Text>
			))}
		</>
	);
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

function ReaderPaneView({
	reader,
	preview,
	width,
	textWidth,
	margin: marginWidth,
	height,
	theme,
	matches,
	currentMatch = null,
}: ReaderPaneProps) {
	const margin = ' '.repeat(Math.max(0, Math.min(width - textWidth, marginWidth ?? width)));
	if (!reader) {
		if (!preview) return <Message text="" width={width} height={height} />;
		reader = {item: -1, status: 'ready', lines: preview, width: textWidth, scroll: 0, message: null};
	}
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
					{matches?.byLine.has(reader.scroll + offset) ? (
						<Text {...inkProps(lookOf(line.style, [], theme.color))}>
							<Highlighted
								text={line.text}
								ranges={matches.byLine.get(reader.scroll + offset)!}
								current={currentMatch?.line === reader.scroll + offset ? currentMatch : null}
							/>
						</Text>
					) : (
						<StyledLine line={line} theme={theme} />
					)}
				</Text>
			))}
		</Box>
	);
}

export const ReaderPane = memo(ReaderPaneView);
