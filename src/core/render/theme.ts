// The one theme: how each line style and inline style looks. `leaf cat --color` (cli/output.ts) and the
// reader pane (ui/reader-pane.tsx) both draw from it, so they never disagree. Pure data and a merge.
import type {InlineStyle, LineStyle} from './lines.ts';

export type ThemeColor = 'cyan' | 'green' | 'yellow' | 'magenta' | 'blue' | 'gray';

/** Terminal attributes of a piece of text; every field is optional and off by default. */
export interface Look {
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	dim?: boolean;
	inverse?: boolean;
	strikethrough?: boolean;
	color?: ThemeColor;
}

// Heading levels stay apart without colour too: h1 underlined, h2 bold, h3+ bold italic.
export const LINE_LOOKS: Readonly<Record<LineStyle, Look>> = {
	title: {bold: true, color: 'cyan'},
	meta: {dim: true},
	heading1: {bold: true, underline: true, color: 'green'},
	heading2: {bold: true, color: 'green'},
	heading3: {bold: true, italic: true},
	body: {},
	quote: {color: 'gray'},
	code: {color: 'yellow'},
	rule: {dim: true},
	reference: {dim: true},
};

// Inline code is coloured like code blocks; kbd is a key cap (inverse video), so the two differ without colour.
export const INLINE_LOOKS: Readonly<Record<InlineStyle, Look>> = {
	bold: {bold: true},
	italic: {italic: true},
	code: {color: 'yellow'},
	kbd: {inverse: true, bold: true},
	strike: {strikethrough: true},
	mark: {inverse: true, color: 'yellow'},
	continuation: {dim: true, color: 'gray'},
};

/**
 * The look of a span: the line's look with each inline style laid over it (attributes add up, the innermost
 * colour wins). Without `color` (NO_COLOR) the attributes stay and the colours go.
 */
export function lookOf(style: LineStyle, inline: readonly InlineStyle[], color: boolean): Look {
	const look: Look = {...LINE_LOOKS[style]};
	for (const name of inline) {
		const over = INLINE_LOOKS[name];
		for (const key of ['bold', 'italic', 'underline', 'dim', 'inverse', 'strikethrough'] as const)
			if (over[key]) look[key] = true;
		if (over.color) look.color = over.color;
	}
	if (!color) delete look.color;
	return look;
}
