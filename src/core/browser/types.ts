// The browser's state and the actions the reducer takes, in a module of their own so that the reducer's
// pieces (cursor, library, outside events, overlays) can share them without importing the reducer.
import type {ArticleMeta} from '../article/article.ts';
import type {Line} from '../render/lines.ts';
import type {Cursor} from './cursor.ts';
import type {Command} from './keymap.ts';
import type {Layout} from './layout.ts';
import type {Library, Rows, ViewFilter} from './library.ts';

export type Focus = 'categories' | 'list' | 'reader';

export interface ReaderState {
	/** The open article (its arrival index). */
	item: number;
	/** `partial`: the beginning of a long article is shown while the whole is rendered. */
	status: 'loading' | 'partial' | 'ready' | 'failed';
	/** Rendered at `width` columns; re-rendered when the pane's width changes. */
	lines: readonly Line[];
	width: number;
	scroll: number;
	message: string | null;
}

/** Lines rendered ahead for the article under the list cursor: opening it with them shows them at once. */
export interface PreparedLines {
	item: number;
	width: number;
	lines: readonly Line[];
	/** Only the beginning of a long article (the whole is rendered once it is open). */
	partial: boolean;
}

export type Overlay = {kind: 'help'; scroll: number} | {kind: 'confirm'; count: number} | null;

export interface Progress {
	done: number;
	total: number;
}

export interface Loading extends Progress {
	finished: boolean;
}

export interface ReadChange {
	id: string;
	read: boolean;
}

/** How long a notice stays (core/browser/notices.ts). */
export type NoticeWeight = 'minor' | 'loss';

export interface StandingNotice {
	text: string;
	/** What ends it besides dismissal; null: only dismissal. */
	key: string | null;
}

export interface Notices {
	/** Oldest first; the newest is shown. */
	standing: readonly StandingNotice[];
	/** Minor notices that came while one stood, oldest first. */
	queued: readonly string[];
}

export interface BrowserState {
	library: Library;
	filter: ViewFilter;
	/**
	 * The list's rows (arrival indices, library order). Taken when the filter is applied: with "unread only",
	 * an article read since stays listed until the filter is applied again, so the list does not jump.
	 */
	rows: Rows;
	list: Cursor;
	/** Over the category rows: 0 is `All`, then `library.tree`. */
	categories: Cursor;
	focus: Focus;
	reader: ReaderState | null;
	overlay: Overlay;
	/** The notice on screen (the newest standing one, else a minor one), or null. */
	notice: string | null;
	notices: Notices;
	loading: Loading;
	layout: Layout;
	/** The marks changed by the transition that made this state (a new array only then). */
	readChanges: readonly ReadChange[];
	quit: boolean;
}

export type Action =
	/** `prepared`: lines rendered ahead (for the article under the cursor), used if this command opens their article. */
	| {type: 'command'; command: Command; prepared?: PreparedLines | null}
	| {type: 'articlesAdded'; articles: readonly ArticleMeta[]; readIds?: ReadonlySet<string>; progress?: Progress}
	/** Articles gone or changed since the index was written (`removedIds`), and changed or new ones (`articles`). */
	| {
			type: 'articlesChanged';
			removedIds: readonly string[];
			articles: readonly ArticleMeta[];
			readIds?: ReadonlySet<string>;
			progress?: Progress;
	  }
	| {type: 'loadingFinished'}
	| {type: 'resized'; columns: number; rows: number}
	| {type: 'readerLoaded'; item: number; width: number; lines: readonly Line[]; partial?: boolean}
	| {type: 'readerFailed'; item: number; message: string}
	/** `loss`: stays until `noticeEnded` with its `key` (if any) or dismissed; `minor` (the default): until a key. */
	| {type: 'noticeShown'; text: string; weight?: NoticeWeight; key?: string}
	| {type: 'noticeEnded'; key: string};
