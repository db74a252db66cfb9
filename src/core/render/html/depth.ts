// html-to-text walks the DOM recursively, so it stops at a depth limit and prints '…' for what lies deeper,
// and a scraped page with unclosed tags nests everything after them. Before it sees such a body, the tags
// nested past the limit are taken out of the source (their text stays), so no text is lost.
import {Parser} from 'htmlparser2';

/** A body with fewer tags than this cannot be nested that deep, and is not parsed twice. */
function tagCount(html: string): number {
	let count = 0;
	for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) count++;
	return count;
}

/** `html` with every tag nested deeper than `maxDepth` removed (replaced by a space); the text is kept. */
export function flattenDeepNesting(html: string, maxDepth: number): string {
	if (tagCount(html) <= maxDepth) return html;
	const pieces: string[] = [];
	let copiedUpTo = 0;
	// Whether each open element's tags were removed, innermost last.
	const removed: boolean[] = [];
	let depth = 0;
	const cut = (start: number, end: number) => {
		pieces.push(html.slice(copiedUpTo, start), ' ');
		copiedUpTo = end + 1;
	};
	const parser = new Parser({
		onopentag() {
			depth++;
			const tooDeep = depth > maxDepth;
			removed.push(tooDeep);
			if (tooDeep) cut(parser.startIndex, parser.endIndex);
		},
		onclosetag(_name, isImplied) {
			depth--;
			if (removed.pop() === true && !isImplied) cut(parser.startIndex, parser.endIndex);
		},
	});
	parser.end(html);
	if (copiedUpTo === 0) return html;
	pieces.push(html.slice(copiedUpTo));
	return pieces.join('');
}
