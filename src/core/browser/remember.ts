// What a transition changed of what is kept across runs: the open article's reading position (positions.ts) and
// the session (session.ts). Described, not written: the caller hands them to the state store, which writes them
// in batches. Checked after every action, so it looks at the few parts of the state they come from first.
import type {ArticlePosition} from './positions.ts';
import {readerPosition} from './positions.ts';
import {sameSession, sessionOf} from './session.ts';
import type {BrowserState, Session} from './types.ts';

export interface RememberChange {
	/** The open article's position now (fraction 0: back at its top). */
	position?: ArticlePosition;
	session?: Session;
}

export function rememberChanges(previous: BrowserState, next: BrowserState): RememberChange | null {
	const change: RememberChange = {};
	if (next.reader !== previous.reader || next.library.items !== previous.library.items) {
		const position = readerPosition(next);
		const before = readerPosition(previous);
		if (position !== null && (before?.id !== position.id || before.fraction !== position.fraction))
			change.position = position;
	}
	const sessionMoved =
		next.restore !== previous.restore ||
		next.list !== previous.list ||
		next.rows !== previous.rows ||
		next.filter !== previous.filter ||
		next.find.query !== previous.find.query ||
		next.find.prompt !== previous.find.prompt ||
		next.focus !== previous.focus ||
		next.reader?.item !== previous.reader?.item ||
		next.library.sort !== previous.library.sort;
	if (sessionMoved) {
		const session = sessionOf(next);
		if (session !== null && !sameSession(session, sessionOf(previous))) change.session = session;
	}
	return change.position === undefined && change.session === undefined ? null : change;
}
