// Formatters for what sits inside a line: styled text, links, images and <wbr>; and embedded media, which
// stand on lines of their own.
import type {DomNode, FormatCallback} from 'html-to-text';
import {layoutOf} from './formatters.ts';
import {inlineMarkOf} from './inline.ts';
import {stripMarks} from './layout.ts';
import type {InlineStyle} from '../lines.ts';
import {referenceTarget} from '../references.ts';
import {sanitizeLine} from '../../text/sanitize.ts';

/** The inline style of each tag that has one. */
export const INLINE_TAGS: Readonly<Record<string, InlineStyle>> = {
	strong: 'bold',
	b: 'bold',
	em: 'italic',
	i: 'italic',
	cite: 'italic',
	var: 'italic',
	code: 'code',
	samp: 'code',
	tt: 'code',
	kbd: 'kbd',
	del: 'strike',
	s: 'strike',
	strike: 'strike',
	mark: 'mark',
};

/** Text in an inline style: marks around the children (see inline.ts); they take no columns. */
export const formatInline: FormatCallback = (elem, walk, builder) => {
	const style = INLINE_TAGS[elem.name ?? ''];
	if (style === undefined) return walk(elem.children, builder);
	builder.addLiteral(inlineMarkOf(style, true));
	walk(elem.children, builder);
	builder.addLiteral(inlineMarkOf(style, false));
};

/** Lazy-loading pages keep the real image in a data attribute and a placeholder in src. */
const IMAGE_SOURCES = ['data-original-src', 'data-original', 'data-src', 'data-actualsrc', 'src'];

export const formatImage: FormatCallback = (elem, _walk, builder) => {
	const attribs: Record<string, string> = elem.attribs ?? {};
	let target: string | null = null;
	for (const name of IMAGE_SOURCES) {
		target = referenceTarget(attribs[name]);
		if (target !== null) break;
	}
	// `srcset="a.png 1x, b.png 2x"`: the first candidate.
	target ??= referenceTarget(attribs.srcset?.trim().split(/[\s,]+/)[0]);
	const alt = stripMarks(sanitizeLine(attribs.alt ?? ''));
	const number = target === null ? null : layoutOf(builder).references.add(target, 'image');
	const label = number === null ? 'image' : `image ${number}`;
	builder.addLiteral(alt === '' ? `[${label}]` : `[${label}: ${alt}]`);
};

/** The text, then `[n]`; no number for a missing href, a #fragment or script. */
export const formatAnchor: FormatCallback = (elem, walk, builder) => {
	walk(elem.children, builder);
	const target = referenceTarget(elem.attribs?.href);
	if (target === null) return;
	builder.addLiteral(`[${layoutOf(builder).references.add(target, 'link')}]`);
};

const attribute = (elem: DomNode, name: string) => stripMarks(sanitizeLine(elem.attribs?.[name] ?? ''));

const EMBED_KINDS: Readonly<Record<string, string>> = {video: 'video', audio: 'audio', source: 'media'};

/** The address of an embed: its own, else that of its first <source> child with one. */
function embedTarget(elem: DomNode): string | null {
	for (const name of ['src', 'data-src', 'data', 'href']) {
		const target = referenceTarget(elem.attribs?.[name]);
		if (target !== null) return target;
	}
	for (const child of elem.children ?? []) {
		if (child.type === 'tag' && child.name === 'source') {
			const target = referenceTarget(child.attribs?.src);
			if (target !== null) return target;
		}
	}
	return null;
}

/**
 * <iframe>, <video>, <audio>, <embed>, <object> and a <source> outside them: `[video 5: title]`, with the address
 * in References (numbered with the links and images). Their fallback content is not shown.
 */
export const formatEmbed: FormatCallback = (elem, _walk, builder) => {
	// A <picture>'s sources are other sizes of its <img>.
	if (elem.name === 'source' && elem.parent?.name === 'picture') return;
	const target = embedTarget(elem);
	const title = attribute(elem, 'title') || attribute(elem, 'aria-label') || attribute(elem, 'alt');
	const kind = EMBED_KINDS[elem.name ?? ''] ?? 'embed';
	const number = target === null ? null : layoutOf(builder).references.add(target, 'media');
	const label = number === null ? kind : `${kind} ${number}`;
	// A line of its own, as the player stood on the page.
	builder.openBlock({leadingLineBreaks: 1});
	builder.addLiteral(title === '' ? `[${label}]` : `[${label}: ${title}]`);
	builder.closeBlock({trailingLineBreaks: 1});
};

/** <wbr>: a zero-width space, where wrapLine may break. */
export const formatWordBreak: FormatCallback = (_elem, _walk, builder) => {
	builder.addLiteral('\u200b');
};
