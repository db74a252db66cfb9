// HTML body -> styled lines of at most `width` columns. html-to-text parses and walks the DOM;
// our formatters (html-formatters.ts, html-table.ts) do all layout, see html-layout.ts.
import {compile, type FormatCallback, type HtmlToTextOptions, type SelectorDefinition} from 'html-to-text';
import {
	formatBlock,
	formatBlockquote,
	formatHeading,
	formatIndented,
	formatListItem,
	formatOrderedList,
	formatPre,
	formatRule,
	formatUnorderedList,
} from './formatters.ts';
import {
	formatAnchor,
	formatEmbed,
	formatImage,
	formatInline,
	formatWordBreak,
	INLINE_TAGS,
} from './inline-formatters.ts';
import {spansOfMarked} from './inline.ts';
import {createLayout, finishBlock, styleOf, stripMarks, unmark} from './layout.ts';
import {flattenDeepNesting} from './depth.ts';
import {formatTable} from './table.ts';
import type {Line} from '../lines.ts';
import type {ReferenceTable} from '../references.ts';
import {sanitizeText, stripInvisible} from '../../text/sanitize.ts';

/**
 * html-to-text's recursion limit (deeper elements would become '…'): 20,000 nested tags must not overflow the
 * stack. Tags nested past half of it are taken out beforehand, so the limit is never reached and no text is lost.
 */
export const MAX_DEPTH = 400;
const FLATTEN_DEPTH = MAX_DEPTH / 2;

const formatters: Record<string, FormatCallback> = {
	leafAnchor: formatAnchor,
	leafBlock: formatBlock,
	leafBlockquote: formatBlockquote,
	leafEmbed: formatEmbed,
	leafInline: formatInline,
	leafHeading: formatHeading,
	leafImage: formatImage,
	leafIndented: formatIndented,
	leafListItem: formatListItem,
	leafOrderedList: formatOrderedList,
	leafPre: formatPre,
	leafRule: formatRule,
	leafTable: formatTable,
	leafUnorderedList: formatUnorderedList,
	leafWordBreak: formatWordBreak,
};

const block = (selector: string, breaks: number): SelectorDefinition => ({
	selector,
	format: 'leafBlock',
	options: {leadingLineBreaks: breaks, trailingLineBreaks: breaks},
});

/** Blocks that a browser sets on their own lines without a gap. */
const LINE_BLOCKS = [
	'address',
	'article',
	'aside',
	'caption',
	'center',
	'details',
	'dialog',
	'div',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'header',
	'hgroup',
	'legend',
	'main',
	'nav',
	'section',
	'summary',
	'td',
	'th',
	'tr',
];

const selectors: SelectorDefinition[] = [
	...LINE_BLOCKS.map((tag) => block(tag, 1)),
	block('p', 2),
	block('dl', 2),
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
		selector,
		format: 'leafHeading',
		options: {leadingLineBreaks: 2, trailingLineBreaks: 2},
	})),
	{selector: 'a', format: 'leafAnchor'},
	{selector: 'img', format: 'leafImage'},
	{selector: 'blockquote', format: 'leafBlockquote'},
	{selector: 'dd', format: 'leafIndented'},
	{selector: 'pre', format: 'leafPre'},
	{selector: 'hr', format: 'leafRule'},
	{selector: 'ul', format: 'leafUnorderedList'},
	{selector: 'menu', format: 'leafUnorderedList'},
	{selector: 'ol', format: 'leafOrderedList'},
	{selector: 'li', format: 'leafListItem'},
	{selector: 'table', format: 'leafTable'},
	{selector: 'wbr', format: 'leafWordBreak'},
	...Object.keys(INLINE_TAGS).map((selector) => ({selector, format: 'leafInline'})),
	...['iframe', 'video', 'audio', 'embed', 'object', 'source'].map((selector) => ({selector, format: 'leafEmbed'})),
	...['script', 'style', 'noscript', 'template', 'head', 'title', 'frame', 'frameset'].map((selector) => ({
		selector,
		format: 'skip',
	})),
];

/** Every word of text, after html-to-text decoded its entities: control characters and our marks out. */
const sanitizeWord = (word: string): string => stripMarks(sanitizeText(word));

const options: HtmlToTextOptions = {
	wordwrap: false,
	// U+200B is text (a break opportunity for wrapLine), not a space to print.
	whitespaceCharacters: ' \t\r\n\f',
	// html-to-text applies a function here to every word it adds (typed as a dictionary only).
	encodeCharacters: sanitizeWord as unknown as Record<string, string>,
	baseElements: {selectors: [], returnDomByDefault: true},
	limits: {maxDepth: MAX_DEPTH, ellipsis: '…', maxInputLength: undefined},
	formatters,
	selectors,
};

let converter: ((html: string, layout: unknown) => string) | undefined;

export interface HtmlLayoutOptions {
	width: number;
	/** false: no wrapping, one line per paragraph. */
	wrap: boolean;
	/** Receives every link and image target, numbered in order of appearance. */
	references: ReferenceTable;
	/** false: code lines are kept whole even when wrapping (default true). */
	wrapCode?: boolean;
}

/** A finished line as a Line: plain text, and spans when some of it is styled. */
function toLine(marked: string): Line {
	const style = styleOf(marked);
	if (style === null) return {text: '', style: 'body'};
	const spans = spansOfMarked(unmark(marked), stripInvisible);
	const text = spans.map((span) => span.text).join('');
	return spans.some((span) => span.styles.length > 0) ? {text, style, spans} : {text, style};
}

/** The lines of an HTML body: no blank line first or last, never two blank lines in a row. */
export function htmlToLines(html: string, {width, wrap, references, wrapCode}: HtmlLayoutOptions): Line[] {
	converter ??= compile(options) as (html: string, layout: unknown) => string;
	const layout = createLayout(width, wrap, references, wrapCode !== false);
	const text = converter(flattenDeepNesting(html, FLATTEN_DEPTH), layout);
	return finishBlock(text, wrap ? width : Number.POSITIVE_INFINITY, 'body').map(toLine);
}
