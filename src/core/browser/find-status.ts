// What the status line says about finding: the prompt being typed in, the kept filter with its count,
// the search with what it found and how far it has got, and the match the reader is on.
import {readerMatches} from './matches.ts';
import {groupDigits} from '../text/numbers.ts';
import type {BrowserState} from './types.ts';

/** The prompt line, while the find prompt is open (`_` stands for the cursor). */
export function findPromptText(state: BrowserState): string | null {
	const prompt = state.find.prompt;
	if (!prompt) return null;
	if (prompt.kind === 'filter')
		return `Filter: ${prompt.text}_   ${groupDigits(state.rows.length)} listed · Enter keeps · Esc cancels`;
	return `Search the text of every article: ${prompt.text}_   Enter searches · Esc cancels`;
}

export function findStatus(state: BrowserState): string | null {
	const {search, query} = state.find;
	const parts: string[] = [];
	if (search) {
		const progress =
			search.status === 'running'
				? ` · ${groupDigits(search.done)} / ${groupDigits(search.total)}`
				: search.status === 'stopped'
					? ' (stopped)'
					: '';
		parts.push(`search "${search.query}": ${groupDigits(search.found)} found${progress}`);
		const matches = readerMatches(state);
		const reader = state.reader;
		if (matches && reader && matches.list.length > 0) {
			const at = state.find.match?.item === reader.item ? state.find.match.index + 1 : 0;
			parts.push(`match ${at}/${matches.list.length}`);
		}
	}
	if (query !== '' && !state.find.prompt) parts.push(`filter "${query}": ${groupDigits(state.rows.length)}`);
	return parts.length === 0 ? null : parts.join(' · ');
}
