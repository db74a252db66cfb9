// What the read-state store (read-state.ts) offers, in a module of its own so that it stays one idea.
import type {Session} from '../core/browser/types.ts';

/** What a read mark is asked about: the id the article has in its library, and its path there. */
export interface ArticleKey {
	id: string;
	path: string;
}

/**
 * How long a notice should stay: `minor` until the next key, `lasting` until dismissed, `until-saved` until
 * onSaved() (the marks are written) or dismissed.
 */
export type StoreNoticeWeight = 'minor' | 'lasting' | 'until-saved';

export interface ReadStore {
	isRead(article: ArticleKey): boolean;
	/** Mark in memory; written by flush(). */
	setRead(id: string, read: boolean): void;
	isStarred(id: string): boolean;
	/** Star in memory; written by flush() with the read marks. */
	setStarred(id: string, starred: boolean): void;
	/** Every starred id of this library. */
	starredIds(): string[];
	/** Reading positions kept: article id -> fraction (read-state-remember.ts). */
	positions(): Map<string, number>;
	/** Kept in memory, written by flush() (0: back at the top, no position kept). */
	setPosition(id: string, fraction: number): void;
	/** Where leaf was left in this library, or null. */
	session(): Session | null;
	setSession(session: Session): void;
	/** Every article of the library was asked about: version 1's marks are not consulted for it again. */
	libraryListed(): void;
	/**
	 * Merge with what is on disk and write. Safe to call often; a no-op when nothing changed. Never throws.
	 * `last`: no flush follows (leaf is exiting), so another leaf's lock is waited for until it is let go or
	 * goes stale, rather than given up on after a moment.
	 */
	flush(last?: boolean): void;
	/** The last notice, or null. */
	readonly notice: string | null;
	/** The state file, or null when not even its place could be worked out. */
	readonly path: string | null;
	/** False when marks live in memory only: a read-only store, or a state file that cannot be written. */
	readonly saving: boolean;
	/** Changes not yet written. */
	readonly pendingChanges: number;
	/** One line for stderr at quit when changes were not saved, else null. */
	unsaved(): string | null;
}

export interface ReadStoreOptions {
	/** The library folder whose marks these are. */
	library: string;
	/** Folder holding the state file; default: $XDG_CONFIG_HOME/leaf (an absolute one), else ~/.config/leaf. */
	cwd?: string;
	/** For `leaf list`: read the marks, never create, rename or write anything. */
	readOnly?: boolean;
	/** Called with each new notice, for a UI that shows them as they come. */
	onNotice?: (text: string, weight: StoreNoticeWeight) => void;
	/** Called when a flush succeeds after one failed: an `until-saved` notice may go. */
	onSaved?: () => void;
	/** The clock of positions (ms since 1970); tests set it. */
	now?: () => number;
}
