// THE pipeline from an article to terminal lines, used by `leaf cat` and the reader pane.
//
// Design
//   body --(markdown only: marked)--> HTML --(html-to-text: parse, decode entities, walk)--> lines
//   header (title, author · date · categories) + body lines + References.
// html-to-text runs with wordwrap off and is used for parsing and block structure only: it
// measures in UTF-16 units and cannot wrap Chinese. Every word it adds passes our sanitiser
// (after entity decoding, so `&#27;` cannot smuggle an ESC). Our formatters do the layout:
//   - a stack of inner widths: containers (blockquote `│ `, list items `• `/`1. `, dd) push their
//     width minus the margin around walk() and pop it after; the margin is dropped (the label goes
//     inline) when it would leave less than half the width, so deep nesting still fits;
//   - each block's blockTransform wraps its own raw lines to the current inner width with wrapLine
//     (UAX #14 + kinsoku, display columns) and tags them with a style mark (html-layout.ts);
//     containers then add their margin; already wrapped lines are never measured again;
//   - <pre> is taken verbatim from the DOM and hard-wrapped; tables are measured and either
//     aligned or stacked (html-table.ts); links and images get numbers from one ReferenceTable.
// The marks are turned into Line.style at the end, so no line carries escape codes and the
// Ink reader can style lines without wrapping them again.
//
// Decisions: a link without href, with a `#fragment` or `javascript:` gets no number (its text
// stays). The same URL always has the same number, links and images share the numbering. The
// cover image is numbered after the body (or keeps its number when the body shows it too).
import type {Article} from '../article/article.ts';
import {categoryLabel, formatDate} from '../article/format.ts';
import {htmlToLines} from './html/html-to-lines.ts';
import {stripMarks} from './html/layout.ts';
import {markdownToHtml} from './markdown.ts';
import {displayUrl, recordReferences, ReferenceTable, referenceTarget} from './references.ts';
import {sanitizeLine} from '../text/sanitize.ts';
import {displayWidth} from '../text/width.ts';
import {wrapLine} from '../text/wrap.ts';
import {pushAll} from '../arrays.ts';
import type {Line} from './lines.ts';

export interface RenderOptions {
	/** Display columns, 20 to 300. */
	width: number;
	/** false: one line per paragraph (for `--no-wrap`). */
	wrap?: boolean;
	/**
	 * false: code lines are kept whole, never cut or marked, even when prose is wrapped (plain `leaf cat`, so that
	 * copied code is the code). Default true: cut at the width, continuations marked with `↪`.
	 */
	wrapCode?: boolean;
}

/** Widths below this cannot hold the margins and a CJK character; the supported range is 20 to 300. */
const MIN_WIDTH = 8;
const blank: Line = {text: '', style: 'body'};

const cleanField = (text: string) => stripMarks(sanitizeLine(text));

function linesOf(text: string, style: Line['style'], width: number, wrap: boolean): Line[] {
	return (wrap ? wrapLine(text, width) : [text]).map((piece) => ({text: piece, style}));
}

const SEPARATOR = ' · ';

/**
 * `author · date · categories`, broken only at the separators (a line never starts with `·`); a part wider
 * than the line is wrapped like prose.
 */
function metaLines(parts: string[], width: number, wrap: boolean): Line[] {
	if (!wrap) return [{text: parts.join(SEPARATOR), style: 'meta'}];
	const lines: string[] = [];
	let current = '';
	for (const part of parts) {
		const joined = current === '' ? part : current + SEPARATOR + part;
		if (displayWidth(joined) <= width) {
			current = joined;
			continue;
		}
		if (current !== '') lines.push(current);
		const pieces = wrapLine(part, width);
		current = pieces.pop() ?? '';
		pushAll(lines, pieces);
	}
	if (current !== '') lines.push(current);
	return lines.map((text) => ({text, style: 'meta'}));
}

/** Title, then `author · date · categories`, then a blank line. */
export function renderHeader(article: Article, width: number, wrap = true): Line[] {
	const title = cleanField(article.title);
	const categories = article.categories.map((path) => path.map(cleanField).filter((name) => name !== ''));
	const meta = [
		cleanField(article.author),
		formatDate(article.date).trimEnd(),
		categoryLabel(categories.filter((path) => path.length > 0)),
	].filter((part) => part !== '');
	const lines = title === '' ? [] : linesOf(title, 'title', width, wrap);
	if (meta.length > 0) pushAll(lines, metaLines(meta, width, wrap));
	if (lines.length > 0) lines.push(blank);
	return lines;
}

/** `[n] URL` per reference, URLs wrapped under themselves. */
export function renderReferences(references: ReferenceTable, width: number, wrap: boolean): Line[] {
	const list = references.list();
	if (list.length === 0) return [];
	const labelWidth = `[${list.length}] `.length;
	const lines: Line[] = [{text: 'References', style: 'heading2'}, blank];
	for (const {number, url, kind} of list) {
		const target = displayUrl(url) + (kind === 'cover' ? ' (cover image)' : '');
		const pieces = wrap ? wrapLine(target, Math.max(1, width - labelWidth)) : [target];
		pieces.forEach((piece, index) => {
			const label = index === 0 ? `[${number}]`.padEnd(labelWidth) : ' '.repeat(labelWidth);
			lines.push({text: label + piece, style: 'reference'});
		});
	}
	return lines;
}

/** Header (title, author · date · categories), body and the References list. */
export function renderArticle(article: Article, options: RenderOptions): Line[] {
	const width = Number.isFinite(options.width) ? Math.max(MIN_WIDTH, Math.floor(options.width)) : 80;
	const wrap = options.wrap !== false;
	const references = new ReferenceTable();
	const html = article.format === 'markdown' ? markdownToHtml(article.body) : article.body;
	const lines = renderHeader(article, width, wrap);
	pushAll(lines, htmlToLines(html, {width, wrap, references, wrapCode: options.wrapCode}));
	const cover = referenceTarget(article.image ?? undefined);
	if (cover !== null) references.add(cover, 'cover');
	const referenceLines = renderReferences(references, width, wrap);
	if (referenceLines.length > 0) {
		if (lines.length > 0 && lines.at(-1)?.text !== '') lines.push(blank);
		pushAll(lines, referenceLines);
	}
	while (lines.length > 0 && lines.at(-1)?.text === '') lines.pop();
	recordReferences(lines, references.list());
	return lines;
}
