// Notices by weight. A notice that means data will be lost (read marks that cannot be saved) stands: it stays
// on screen until its condition ends (`noticeEnded` with its key) or the user dismisses it (Esc in the list),
// and minor notices that come meanwhile wait behind it instead of replacing it. Without a standing notice, a
// minor one shows until the next key, and a newer one replaces it (the answer to a key comes at once).
import type {BrowserState, NoticeWeight, Notices} from './types.ts';

export const noNotices: Notices = Object.freeze({standing: Object.freeze([]), queued: Object.freeze([])});

/** Minor notices kept waiting: beyond that the oldest go (a flood of them is no news). */
const MAX_QUEUED = 5;

export function showNotice(
	state: BrowserState,
	text: string,
	weight: NoticeWeight = 'minor',
	key: string | null = null,
): BrowserState {
	const {standing, queued} = state.notices;
	if (weight === 'loss') {
		const others = standing.filter((notice) => (key === null ? notice.text !== text : notice.key !== key));
		return withNotices(state, {standing: [...others, {text, key}], queued});
	}
	if (standing.length === 0) return {...state, notice: text};
	if (queued.includes(text)) return state;
	return withNotices(state, {standing, queued: [...queued, text].slice(-MAX_QUEUED)});
}

/** The condition behind a standing notice is over. */
export function endNotice(state: BrowserState, key: string): BrowserState {
	const standing = state.notices.standing.filter((notice) => notice.key !== key);
	if (standing.length === state.notices.standing.length) return state;
	return nextShown(state, {...state.notices, standing});
}

/** The user dismissed what is shown: the newest standing notice, else the minor one. */
export function dismissNotice(state: BrowserState): BrowserState {
	const {standing} = state.notices;
	if (standing.length === 0) return state.notice === null ? state : nextShown(state, state.notices);
	return nextShown(state, {...state.notices, standing: standing.slice(0, -1)});
}

/** A key was pressed: a minor notice has been seen and goes (the next queued one shows); a standing one stays. */
export function afterKey(state: BrowserState): BrowserState {
	if (state.notices.standing.length > 0 || state.notice === null) return state;
	return nextShown(state, state.notices);
}

/** Whether what is shown is a standing notice (drawn more loudly). */
export function isNoticeStanding(state: BrowserState): boolean {
	return state.notices.standing.length > 0;
}

function withNotices(state: BrowserState, notices: Notices): BrowserState {
	const shown = notices.standing.at(-1)?.text ?? state.notice;
	return {...state, notices, notice: shown};
}

/** Shows the newest standing notice, else the first queued minor one, else nothing. */
function nextShown(state: BrowserState, notices: Notices): BrowserState {
	const top = notices.standing.at(-1);
	if (top !== undefined) return {...state, notices, notice: top.text};
	const [first = null, ...rest] = notices.queued;
	return {...state, notices: rest.length === 0 ? noNotices : {standing: [], queued: rest}, notice: first};
}
