// html-to-text formatters: every block wraps its own lines to the width left by its containers
// (see html-layout.ts), containers add their margin afterwards.
import type {DomNode, FormatCallback, FormatOptions, RecursiveCallback} from 'html-to-text';
import {inlineMarkOf} from './inline.ts';
import {
	closeContainer,
	finishBlock,
	hang,
	inheritedStyle,
	innerWidth,
	labelInline,
	mark,
	openContainer,
	quoteLines,
	stripMarks,
	type LayoutContext,
} from './layout.ts';
import type {LineStyle} from '../lines.ts';
import {sanitizeText} from '../../text/sanitize.ts';
import {displayWidth} from '../../text/width.ts';
import {hardWrap} from '../../text/wrap.ts';

export type Builder = Parameters<FormatCallback>[2];

export function layoutOf(builder: Builder): LayoutContext {
	return (builder as Builder & {metadata: LayoutContext}).metadata;
}

const breaks = (value: number | undefined, fallback: number) => value ?? fallback;

interface OpenBlock {
	leadingLineBreaks: number;
}

/**
 * Close the innermost block. html-to-text hands a block the leading breaks of its first child even
 * when they are fewer (a dl starting with a dt lost its blank line): the block keeps the larger.
 */
export function closeBlock(
	builder: Builder,
	leading: number,
	trailing: number,
	transform: (text: string) => string,
): void {
	const open = (builder as unknown as {_stackItem?: OpenBlock})._stackItem;
	if (open && typeof open.leadingLineBreaks === 'number')
		open.leadingLineBreaks = Math.max(open.leadingLineBreaks, leading);
	builder.closeBlock({trailingLineBreaks: trailing, blockTransform: transform});
}

/** A block in the inherited style: p, div, section, dt... */
export const formatBlock: FormatCallback = (elem, walk, builder, options) => {
	renderBlock(elem, walk, builder, options, inheritedStyle(layoutOf(builder)));
};

const HEADING_STYLES: Record<string, LineStyle> = {h1: 'heading1', h2: 'heading2'};

export const formatHeading: FormatCallback = (elem, walk, builder, options) => {
	renderBlock(elem, walk, builder, options, HEADING_STYLES[elem.name ?? ''] ?? 'heading3');
};

function renderBlock(
	elem: DomNode,
	walk: RecursiveCallback,
	builder: Builder,
	options: FormatOptions,
	style: LineStyle,
) {
	const layout = layoutOf(builder);
	const leading = breaks(options.leadingLineBreaks, 1);
	builder.openBlock({leadingLineBreaks: leading});
	layout.styles.push(style);
	walk(elem.children, builder);
	layout.styles.pop();
	const width = innerWidth(layout);
	closeBlock(builder, leading, breaks(options.trailingLineBreaks, 1), (text) =>
		finishBlock(text, width, style).join('\n'),
	);
}

const QUOTE_MARGIN = '│ ';

export const formatBlockquote: FormatCallback = (elem, walk, builder) => {
	const layout = layoutOf(builder);
	const style = inheritedStyle(layout);
	const reserved = openContainer(layout, displayWidth(QUOTE_MARGIN));
	builder.openBlock({leadingLineBreaks: 2});
	walk(elem.children, builder);
	const width = innerWidth(layout);
	closeContainer(layout);
	closeBlock(builder, 2, 2, (text) =>
		quoteLines(finishBlock(text, width, style), reserved ? QUOTE_MARGIN : '').join('\n'),
	);
};

/** A block indented by two spaces (dd). */
export const formatIndented: FormatCallback = (elem, walk, builder) => {
	const layout = layoutOf(builder);
	const style = inheritedStyle(layout);
	const indent = ' '.repeat(openContainer(layout, 2));
	builder.openBlock({leadingLineBreaks: 1});
	walk(elem.children, builder);
	const width = innerWidth(layout);
	closeContainer(layout);
	closeBlock(builder, 1, 1, (text) => hang(finishBlock(text, width, style), indent, indent).join('\n'));
};

/** Text of a <pre> as written: nested tags flattened, <br> kept, sanitised after entity decoding. */
export function codeText(pre: DomNode): string {
	let text = '';
	const pending: DomNode[] = [...(pre.children ?? [])].reverse();
	for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
		if (node.type === 'text') text += node.data ?? '';
		else if (node.type === 'tag' && node.name === 'br') text += '\n';
		else if (node.type === 'tag' && node.children)
			for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as DomNode);
	}
	// sanitizeText makes CRLF and a lone CR newlines.
	return stripMarks(sanitizeText(text));
}

/** What starts a continuation of a wrapped code line, drawn dim: it is no part of the code. */
export const CONTINUATION = '↪ ';
const continuationMark =
	inlineMarkOf('continuation', true) + CONTINUATION.trimEnd() + inlineMarkOf('continuation', false) + ' ';

/**
 * A code line cut where it passes `width` (kinsoku as in prose); every piece after the first starts with
 * CONTINUATION, so wrapped code never looks like a line of its own.
 */
function codeLines(line: string, width: number, wrapCode: boolean): string[] {
	if (!wrapCode || width === Number.POSITIVE_INFINITY || line === '') return [line];
	const [first = '', ...rest] = hardWrap(line, width);
	if (rest.length === 0) return [first];
	const room = Math.max(1, width - displayWidth(CONTINUATION));
	return [first, ...hardWrap(line.slice(first.length), room).map((piece) => continuationMark + piece)];
}

export const formatPre: FormatCallback = (elem, _walk, builder) => {
	const layout = layoutOf(builder);
	const lines = codeText(elem)
		.split('\n')
		.map((line) => line.trimEnd());
	while (lines.length > 0 && lines[0] === '') lines.shift();
	while (lines.length > 0 && lines.at(-1) === '') lines.pop();
	const width = innerWidth(layout);
	builder.openBlock({leadingLineBreaks: 2, isPre: true});
	builder.closeBlock({
		trailingLineBreaks: 2,
		blockTransform: () =>
			lines
				.flatMap((line) => codeLines(line, width, layout.wrapCode))
				.map((line) => mark('code', line))
				.join('\n'),
	});
};

export const formatRule: FormatCallback = (_elem, _walk, builder) => {
	const layout = layoutOf(builder);
	const width = innerWidth(layout);
	const length = width === Number.POSITIVE_INFINITY ? layout.nominalWidth : width;
	builder.openBlock({leadingLineBreaks: 2});
	builder.closeBlock({trailingLineBreaks: 2, blockTransform: () => mark('rule', '─'.repeat(length))});
};

const childItems = (list: DomNode) =>
	(list.children ?? []).filter((child) => child.type === 'tag' && child.name === 'li').length;
const MAX_START = 1e9;

function listStart(list: DomNode, items: number, reversed: boolean): number {
	const start = Number.parseInt(String(list.attribs?.start ?? ''), 10);
	if (Number.isFinite(start) && Math.abs(start) <= MAX_START) return start;
	return reversed ? items : 1;
}

function openList(elem: DomNode, walk: RecursiveCallback, builder: Builder, ordered: boolean) {
	const layout = layoutOf(builder);
	const items = childItems(elem);
	const reversed = ordered && elem.attribs?.reversed !== undefined;
	const start = listStart(elem, items, reversed);
	const step = reversed ? -1 : 1;
	const last = start + step * Math.max(0, items - 1);
	layout.lists.push({ordered, next: start, step, labelWidth: Math.max(`${start}.`.length, `${last}.`.length) + 1});
	const nested = elem.parent?.name === 'li';
	const style = inheritedStyle(layout);
	builder.openBlock({leadingLineBreaks: nested ? 1 : 2});
	walk(elem.children, builder);
	layout.lists.pop();
	const width = innerWidth(layout);
	closeBlock(builder, nested ? 1 : 2, nested ? 1 : 2, (text) => finishBlock(text, width, style).join('\n'));
}

export const formatUnorderedList: FormatCallback = (elem, walk, builder) => openList(elem, walk, builder, false);
export const formatOrderedList: FormatCallback = (elem, walk, builder) => openList(elem, walk, builder, true);

const BULLETS = ['•', '◦', '▪'];

function itemLabel(layout: LayoutContext, item: DomNode): string {
	const list = layout.lists.at(-1);
	if (!list?.ordered) return `${BULLETS[Math.max(0, layout.lists.length - 1) % BULLETS.length]} `;
	const value = Number.parseInt(String(item.attribs?.value ?? ''), 10);
	if (Number.isFinite(value) && Math.abs(value) <= MAX_START) list.next = value;
	const label = `${list.next}.`.padStart(list.labelWidth - 1) + ' ';
	list.next += list.step;
	return label;
}

export const formatListItem: FormatCallback = (elem, walk, builder) => {
	const layout = layoutOf(builder);
	const style = inheritedStyle(layout);
	const label = itemLabel(layout, elem);
	const labelWidth = displayWidth(label);
	const reserved = openContainer(layout, labelWidth);
	builder.openBlock({leadingLineBreaks: 1});
	walk(elem.children, builder);
	const width = innerWidth(layout);
	closeContainer(layout);
	closeBlock(builder, 1, 1, (text) => {
		const lines = finishBlock(text, width, style);
		if (reserved === 0) return labelInline(lines, label, width, style).join('\n');
		if (lines.length === 0) return mark(style, label.trimEnd());
		return hang(lines, label, ' '.repeat(labelWidth)).join('\n');
	});
};
