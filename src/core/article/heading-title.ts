// The title of an article that has none in its front matter: its first heading, as a person would name it.
// Used by `leaf cat` (a README piped in is titled by its `# heading`, not `stdin`).
import {DomUtils, parseDocument} from 'htmlparser2';
import {sanitizeLine} from '../text/sanitize.ts';

export interface HeadingTitle {
	title: string;
	/** The body without that heading when it opened the body (so it is not shown twice), else the body. */
	body: string;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** Inline markdown that a title shows as plain text: emphasis, code spans, links, images. */
function plainMarkdown(text: string): string {
	return text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*{1,3}|_{1,3}|`+)(\S(?:.*?\S)?)\1/g, '$2')
		.replace(/<[^>]*>/g, '');
}

function markdownHeading(body: string): HeadingTitle | null {
	const lines = body.split('\n');
	let inFence = false;
	let first = true;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
		if (inFence || line.trim() === '') continue;
		const atx = ATX.exec(line);
		const next = lines[index + 1] ?? '';
		const setext = !atx && SETEXT.test(next) && !/^ {0,3}[-*+] /.test(line) ? line : null;
		const text = atx ? atx[2]! : setext;
		if (text !== null && text !== undefined) {
			const title = sanitizeLine(plainMarkdown(text));
			if (title === '') return null;
			const rest = lines.slice(index + (atx ? 1 : 2)).join('\n');
			return {title, body: first ? rest : body};
		}
		first = false;
	}
	return null;
}

function htmlHeading(body: string): HeadingTitle | null {
	const match = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i.exec(body);
	if (!match) return null;
	const title = sanitizeLine(DomUtils.textContent(parseDocument(match[2]!)));
	if (title === '') return null;
	const before = body.slice(0, match.index);
	const opens = DomUtils.textContent(parseDocument(before)).trim() === '' && !/<(img|iframe|video|pre)\b/i.test(before);
	return {title, body: opens ? before + body.slice(match.index + match[0].length) : body};
}

/** The first heading of a body, or null when it has none with text. */
export function headingTitle(body: string, format: 'html' | 'markdown'): HeadingTitle | null {
	return format === 'html' ? htmlHeading(body) : markdownHeading(body);
}
