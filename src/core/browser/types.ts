// The browser's state and the actions the reducer takes, in a module of their own so that the reducer's
// pieces (cursor, library, outside events, overlays) can share them without importing the reducer.
import type {ArticleMeta} from '../article/article.ts';
import type {Line} from '../render/lines.ts';
import type {Cursor} from './cursor.ts';
import type {FindState} from './find-types.ts';
import type {Command, KeyName} from './keymap.ts';
import type {Layout} from './layout.ts';
import type {Library, Rows} from './library.ts';
import type {ViewFilter} from './view.ts';
import type {Request} from './requests.ts';
import type {SortOrder} from './sort.ts';

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
	/** Where the article was left (a fraction of its lines, core/browser/positions.ts): applied once it is whole. */
	resume?: number;
	/** Opened by the start to where leaf was left (core/browser/session.ts): a failed read closes it quietly. */
	restored?: boolean;
}

/**
 * Where the reader was, kept across runs per library (core/browser/session.ts). Articles by id and the category
 * by its path, since arrival indices and category ordinals are of one run only.
 */
export interface Session {
	/** The category shown, by path; [] for All. */
	category: readonly string[];
	/** The `★ Starred` view was shown. */
	starred: boolean;
	/** The kept title filter ('' for none). */
	query: string;
	/** The article under the list cursor, and the one open in the reader. */
	cursor: string | null;
	open: string | null;
	/** Whether the reader (with the open article) had the keys. */
	focus: 'list' | 'reader';
	sort: SortOrder;
}

/** Lines rendered ahead for the article under the list cursor: opening it with them shows them at once. */
export interface PreparedLines {
	item: number;
	width: number;
	lines: readonly Line[];
	/** Only the beginning of a long article (the whole is rendered once it is open). */
	partial: boolean;
}

export type Overlay =
	| {kind: 'help'; scroll: number}
	| {kind: 'confirm'; count: number}
	/** The open article's references (core/browser/links.ts). */
	| {kind: 'links'; cursor: Cursor}
	/** A line of text being typed on the status line (core/browser/text-prompt.ts). */
	| {kind: 'input'; purpose: 'pipe'; text: string}
	| null;

export interface Progress {
	done: number;
	total: number;
}

export interface Loading extends Progress {
	finished: boolean;
}

/** A read mark set or cleared, or a star (core/browser/stars.ts): both are kept by the same store. */
export type ReadChange =
	{id: string; read: boolean; starred?: undefined} | {id: string; starred: boolean; read?: undefined};

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
	/**
	 * Lines rendered ahead for the article under the list cursor: the reader pane shows them while no article is
	 * open (a preview, which marks nothing read), and opening that article starts from them.
	 */
	preview: PreparedLines | null;
	/** The focused pane fills the screen (on a terminal wide enough for the panes side by side). */
	zoomed: boolean;
	overlay: Overlay;
	/** The notice on screen (the newest standing one, else a minor one), or null. */
	notice: string | null;
	/** What the last key did not do (`x: no such key, ? for help`); gone with the next key. */
	keyHint: string | null;
	notices: Notices;
	loading: Loading;
	layout: Layout;
	/** The marks changed by the transition that made this state (a new array only then). */
	readChanges: readonly ReadChange[];
	/** What the transition that made this state asks the outside world to do (core/browser/requests.ts). */
	request: Request | null;
	quit: boolean;
	/** The title filter, the full-text search and their prompt (core/browser/find.ts). */
	find: FindState;
	/** Counts the requests to suspend leaf (Ctrl-Z): the caller hands the terminal to the shell on each new one. */
	suspends: number;
	/**
	 * The screen was wiped behind the views' back (leaf took the terminal back after a hand-over): one empty frame
	 * is drawn, then the whole frame again. Ink writes only what changed since its last frame, and that frame is gone.
	 */
	repainting: boolean;
	/** Reading positions kept from earlier (article id -> fraction of its lines at the top of the reader). */
	positions: ReadonlyMap<string, number>;
	/** The last session, applied as its articles arrive until loading ends or a key is pressed. */
	restore: Session | null;
}

export type Action =
	/** `prepared`: lines rendered ahead (for the article under the cursor), used if this command opens their article. */
	/** `key`: the key that gave the command, for the commands whose keys differ in meaning (digits). */
	| {type: 'command'; command: Command; prepared?: PreparedLines | null; key?: string}
	/** Text typed into the prompt on the status line. */
	| {type: 'typed'; text: string}
	/** The whole library read again (`R`): what is gone goes, what changed is shown changed. */
	| {type: 'libraryReplaced'; articles: readonly ArticleMeta[]; readIds?: ReadonlySet<string>}
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
	/** The ids starred when leaf started (core/browser/stars.ts). */
	| {type: 'starsLoaded'; ids: readonly string[]}
	/** Where leaf was left, and the reading positions, from the state store (core/browser/session.ts). */
	| {type: 'remembered'; session: Session | null; positions: ReadonlyMap<string, number>}
	| {type: 'resized'; columns: number; rows: number}
	| {type: 'readerLoaded'; item: number; width: number; lines: readonly Line[]; partial?: boolean}
	| {type: 'readerFailed'; item: number; message: string}
	/** Lines rendered ahead for the article under the list cursor (see `preview`). */
	| {type: 'previewLoaded'; prepared: PreparedLines}
	| {type: 'repaint'}
	| {type: 'repainted'}
	/** A key bound to nothing (named as in the key table). */
	| {type: 'unknownKey'; key: string}
	/** `loss`: stays until `noticeEnded` with its `key` (if any) or dismissed; `minor` (the default): until a key. */
	| {type: 'noticeShown'; text: string; weight?: NoticeWeight; key?: string}
	| {type: 'noticeEnded'; key: string}
	/** A key typed while the find prompt is open. */
	| {type: 'promptKey'; key: KeyName}
	/** Search results (arrival indices) and progress, for the search `id`. */
	| {type: 'searchFound'; id: number; items: readonly number[]; done: number; total: number; finished: boolean};
