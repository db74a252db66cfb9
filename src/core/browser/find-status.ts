// What the status line says about finding: the prompt being typed in, the kept filter with its count,
// the search with what it found and how far it has got, and the match the reader is on.
import {readerMatches} from './matches.ts';
import type {BrowserState} from './types.ts';

const grouped = new Intl.NumberFormat('en-US');

/** The prompt line, while the find prompt is open (`_` stands for the cursor). */
export function findPromptText(state: BrowserState): string | null {
	const prompt = state.find.prompt;
	if (!prompt) return null;
	if (prompt.kind === 'filter')
		return `Filter: ${prompt.text}_   ${grouped.format(state.rows.length)} listed · Enter keeps · Esc cancels`;
	return `Search the text of every article: ${prompt.text}_   Enter searches · Esc cancels`;
}

export function findStatus(state: BrowserState): string | null {
	const {search, query} = state.find;
	const parts: string[] = [];
	if (search) {
		const progress =
			search.status === 'running'
				? ` · ${grouped.format(search.done)} / ${grouped.format(search.total)}`
				: search.status === 'stopped'
					? ' (stopped)'
					: '';
		parts.push(`search "${search.query}": ${grouped.format(search.found)} found${progress}`);
		const matches = readerMatches(state);
		const reader = state.reader;
		if (matches && reader && matches.list.length > 0) {
			const at = state.find.match?.item === reader.item ? state.find.match.index + 1 : 0;
			parts.push(`match ${at}/${matches.list.length}`);
		}
	}
	if (query !== '' && !state.find.prompt) parts.push(`filter "${query}": ${grouped.format(state.rows.length)}`);
	return parts.length === 0 ? null : parts.join(' · ');
}
