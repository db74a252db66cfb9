// Markdown bodies become HTML, then take the same path as HTML bodies (raw HTML passes through).
import {Marked} from 'marked';

const marked = new Marked({gfm: true, breaks: false});

/** HTML for a markdown body; the source itself if marked ever fails (it is then read as HTML). */
export function markdownToHtml(source: string): string {
	try {
		return marked.parse(source, {async: false});
	} catch {
		return source;
	}
}
