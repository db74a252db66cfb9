// The library read again (`R`, and after the editor closes): what is gone goes, what changed comes back changed,
// what is new arrives — as articlesChanged (library-changes.ts) does it, so arrival indices never change and the
// cursor stays on its article. The open article is always taken as changed, so the reader reads and renders it
// again (its text may have changed with nothing in its front matter), keeping the lines on screen until then and
// the reading position after. What is gone falls back quietly: a deleted category to All, a deleted open article's
// reader to the list.
import type {ArticleMeta} from '../article/article.ts';
import {onArticlesChanged} from './library-changes.ts';
import {buildView} from './view.ts';
import {fitCursor, topCursor} from './cursor.ts';
import type {BrowserState} from './types.ts';

function sameMeta(a: ArticleMeta, b: ArticleMeta): boolean {
	return (
		a.title === b.title &&
		(a.date?.getTime() ?? null) === (b.date?.getTime() ?? null) &&
		a.author === b.author &&
		a.image === b.image &&
		a.link === b.link &&
		a.warning === b.warning &&
		JSON.stringify(a.categories) === JSON.stringify(b.categories) &&
		JSON.stringify(a.tags) === JSON.stringify(b.tags)
	);
}

export function onLibraryReplaced(
	state: BrowserState,
	articles: readonly ArticleMeta[],
	readIds: ReadonlySet<string>,
): BrowserState {
	const {library} = state;
	const current = new Map<string, ArticleMeta>();
	for (const item of library.order) {
		const meta = library.items[item];
		if (meta) current.set(meta.id, meta);
	}
	const openId = state.reader ? library.items[state.reader.item]?.id : undefined;
	const found = new Set<string>();
	const removedIds: string[] = [];
	const changed: ArticleMeta[] = [];
	for (const meta of articles) {
		found.add(meta.id);
		const known = current.get(meta.id);
		if (known && sameMeta(known, meta) && meta.id !== openId) continue;
		if (known) removedIds.push(meta.id);
		changed.push(meta);
	}
	for (const id of current.keys()) if (!found.has(id)) removedIds.push(id);
	let next = onArticlesChanged(state, removedIds, changed, readIds, undefined);

	const {category} = next.filter;
	if (category !== null && (next.library.categoryTotals[category] ?? 0) === 0) {
		const filter = {...next.filter, category: null};
		const rows = buildView(next.library, filter);
		next = {...next, filter, rows, list: fitCursor(topCursor, rows.length, next.layout.bodyHeight)};
	}
	// A deleted open article was taken out with its reader by onArticlesChanged; a reader still open is of an article
	// that is still there, read again. One with lines on screen keeps them (partial) until then; one still loading
	// (or failed) loads, so that its first lines mark it read as any opened article's do.
	if (next.reader) {
		const shown = next.reader.status === 'partial' || next.reader.status === 'ready';
		next = {...next, reader: {...next.reader, status: shown ? 'partial' : 'loading'}};
	}
	return next;
}
