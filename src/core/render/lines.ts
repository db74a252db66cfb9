// What the render pipeline gives: lines already wrapped to a width, each with a line style and, where the
// article has inline formatting, styled spans. `text` is always the plain line (what width checks, search and
// plain output use); spans only say how to draw pieces of it and never add columns.

/** heading1 for h1, heading2 for h2 and the References heading, heading3 for h3 to h6 and table headers. */
export const LINE_STYLES = [
	'title',
	'meta',
	'heading1',
	'heading2',
	'heading3',
	'body',
	'quote',
	'code',
	'rule',
	'reference',
] as const;

export type LineStyle = (typeof LINE_STYLES)[number];

/** Inline formatting; `continuation` is the `↪` that marks a wrapped code line. At most 8 (see html/layout.ts). */
export const INLINE_STYLES = ['bold', 'italic', 'code', 'kbd', 'strike', 'mark', 'continuation'] as const;

export type InlineStyle = (typeof INLINE_STYLES)[number];

/** A piece of a line drawn with the inline styles it is inside of (none: the line's own style). */
export interface Span {
	text: string;
	styles: readonly InlineStyle[];
}

/** One terminal line, never wider than the width it was rendered for. */
export interface Line {
	text: string;
	style: LineStyle;
	/** Present only when some of the line is styled; the spans' texts joined are exactly `text`. */
	spans?: readonly Span[];
}

/** The spans of a line: its own, or the whole text as one unstyled span. */
export function spansOf(line: Line): readonly Span[] {
	return line.spans ?? [{text: line.text, styles: []}];
}
