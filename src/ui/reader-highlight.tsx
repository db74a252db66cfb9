// The search's matches drawn over a reader line: the line's text cut at the match ranges, the matches in
// reverse video (the current one also bold and underlined). An overlay: it needs only the line's text.
import {Text} from 'ink';
import type {MatchRange} from '../core/browser/matches.ts';

export interface HighlightProps {
	text: string;
	ranges: readonly MatchRange[];
	/** The match `]` / `[` is on, if it is on this line. */
	current: MatchRange | null;
}

export function Highlighted({text, ranges, current}: HighlightProps) {
	const pieces = [];
	let at = 0;
	for (const [index, range] of ranges.entries()) {
		if (range.start > at) pieces.push(text.slice(at, range.start));
		const isCurrent = current !== null && current.start === range.start;
		pieces.push(
			<Text key={index} inverse bold={isCurrent} underline={isCurrent}>
				{text.slice(Math.max(at, range.start), range.end)}
			</Text>,
		);
		at = Math.max(at, range.end);
	}
	if (at < text.length) pieces.push(text.slice(at));
	return <>{pieces}</>;
}
