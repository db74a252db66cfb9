// The text the reader shows of an HTML body, for searching: text nodes and image descriptions, never tags,
// attributes or link targets; what the renderer skips (scripts, styles, frames...) is skipped here too.
// Blocks are separated by line breaks so that a match never joins two paragraphs. Much cheaper than
// rendering: one pass of htmlparser2, no layout, no wrapping.
import {Parser} from 'htmlparser2';
import {sanitizeText} from '../text/sanitize.ts';

/** Elements whose content the renderer never shows (core/render/html/html-to-lines.ts). */
const SKIPPED = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'head', 'title', 'frame', 'frameset']);

/** Elements that start a line of their own in the reader. */
const BLOCKS = new Set(
	(
		'address article aside blockquote br caption center dd details dialog div dl dt fieldset figcaption figure ' +
		'footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre section summary table ' +
		'td th tr ul'
	).split(' '),
);

/**
 * Words as the renderer cleans them (html-to-text splits on these five, and leaf sanitises each word and drops
 * its own layout marks, U+FDD0-U+FDEF); a word's line breaks become spaces, as in the reader's paragraphs.
 */
const cleanWords = (text: string): string =>
	text.replace(/[^ \t\r\n\f]+/g, (word) =>
		sanitizeText(word)
			.replace(/[\ufdd0-\ufdef]/g, '')
			.replace(/\n/g, ' '),
	);

/** The searchable text of `html`: blocks joined by '\n'. */
export function htmlText(html: string): string {
	const pieces: string[] = [];
	let skipping = 0;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (SKIPPED.has(name)) skipping++;
				else if (skipping > 0) return;
				else if (BLOCKS.has(name)) pieces.push('\n');
				else if (name === 'img' && attributes.alt) pieces.push(' ', cleanWords(attributes.alt), ' ');
			},
			onclosetag(name) {
				if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
				else if (skipping === 0 && BLOCKS.has(name)) pieces.push('\n');
			},
			ontext(text) {
				if (skipping === 0) pieces.push(cleanWords(text.replace(/[\r\n\f]/g, ' ')));
			},
		},
		{decodeEntities: true, lowerCaseTags: true},
	);
	parser.end(html);
	return pieces.join('');
}
