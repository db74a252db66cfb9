// What the render pipeline gives: lines already wrapped to a width, each with one style.
export const LINE_STYLES = ['title', 'meta', 'heading', 'body', 'quote', 'code', 'rule', 'reference'] as const;

export type LineStyle = (typeof LINE_STYLES)[number];

/** One terminal line, never wider than the width it was rendered for. */
export interface Line {
	text: string;
	style: LineStyle;
}
