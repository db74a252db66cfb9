// What a search compares: the typed query and the text of an article, both lower-cased with every run of
// white space (any Unicode space, line breaks included) read as one space. The text of a block never runs
// into the next: blocks are joined by a line break, which a query (typed on one line) cannot contain.

/** The query as searched: lower case, white space collapsed, trimmed ('' searches nothing). */
export function normalizeQuery(query: string): string {
	return query.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** One block's text as searched: lower case, white space collapsed. */
export function normalizeText(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ');
}

/** Whether `text` (as it is shown) holds the normalised `needle`. */
export function textContains(text: string, needle: string): boolean {
	return needle !== '' && normalizeText(text).includes(needle);
}
