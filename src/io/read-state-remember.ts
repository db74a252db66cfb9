// Reading positions and the session (core/browser/positions.ts, session.ts) in the state file, beside each
// library's read marks: `positions` maps an article id to [fraction, time set (ms)], `session` is where leaf was
// left. Neither is worth losing a read mark over: a bad value is dropped on load (the rest of the file, marks
// included, is read as usual), never a reason to set the file aside.
//
// Positions merge per article, the newest wins (two leaf instances, each replaying what it set over what is on
// disk), and only the POSITIONS_KEPT most recent are kept, so the file stays small however much is read. The
// session is one value: the last leaf to write one wins.
import type {Session} from '../core/browser/types.ts';
import type {SortOrder} from '../core/browser/sort.ts';

/** Positions kept per library: the most recently set; older ones go. */
export const POSITIONS_KEPT = 1000;

/** Article id -> [fraction of its lines above the reader's top line (0 < f < 1), when it was set (ms since 1970)]. */
export type StoredPositions = Record<string, [number, number]>;

const SORTS: readonly SortOrder[] = ['newest', 'oldest', 'title'];
/** Longer strings than these in a session are not what leaf wrote. */
const MAX_ID = 256;
const MAX_QUERY = 1000;
const MAX_DEPTH = 64;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The good entries of a `positions` value, the newest POSITIONS_KEPT; a time in the future counts as `now`. */
export function cleanPositions(value: unknown, now: number): Map<string, [number, number]> {
	const positions = new Map<string, [number, number]>();
	if (!isObject(value)) return positions;
	for (const [id, entry] of Object.entries(value)) {
		if (id === '' || id.length > MAX_ID || !Array.isArray(entry) || entry.length !== 2) continue;
		const [fraction, time] = entry as unknown[];
		if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) continue;
		if (typeof time !== 'number' || !Number.isSafeInteger(time) || time < 0) continue;
		positions.set(id, [fraction, Math.min(time, now)]);
	}
	return newest(positions);
}

/** The POSITIONS_KEPT most recently set of `positions` (all of them when there are no more). */
function newest(positions: Map<string, [number, number]>): Map<string, [number, number]> {
	if (positions.size <= POSITIONS_KEPT) return positions;
	const kept = [...positions].sort(([, a], [, b]) => b[1] - a[1]).slice(0, POSITIONS_KEPT);
	return new Map(kept);
}

const idOrNull = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' && value.length <= MAX_ID ? value : null;

/** A session as leaf wrote it, each field checked on its own (a bad one takes its default); not an object: null. */
export function cleanSession(value: unknown): Session | null {
	if (!isObject(value)) return null;
	const {category, starred, query, cursor, open, focus, sort} = value;
	const path =
		Array.isArray(category) &&
		category.length <= MAX_DEPTH &&
		category.every((name) => typeof name === 'string' && name.length <= MAX_ID)
			? (category as string[])
			: [];
	return {
		category: path,
		starred: starred === true,
		query: typeof query === 'string' && query.length <= MAX_QUERY ? query : '',
		cursor: idOrNull(cursor),
		open: idOrNull(open),
		focus: focus === 'reader' ? 'reader' : 'list',
		sort: SORTS.includes(sort as SortOrder) ? (sort as SortOrder) : 'newest',
	};
}

/**
 * One library's positions and session as this instance sees them: what was loaded, and what was set here since the
 * last write (a position set to 0, back at the top, is a removal that also carries its time).
 */
export class RememberedFields {
	#positions = new Map<string, [number, number]>();
	readonly #changed = new Map<string, [number, number]>();
	#session: Session | null = null;
	#sessionChanged = false;

	/** From the file as loaded (already cleaned by parseState). */
	load(entry: {positions?: StoredPositions; session?: Session} | undefined): void {
		this.#positions = new Map(Object.entries(entry?.positions ?? {}));
		this.#session = entry?.session ?? null;
	}

	/** Article id -> fraction. */
	positions(): Map<string, number> {
		return new Map([...this.#positions].map(([id, [fraction]]) => [id, fraction]));
	}

	setPosition(id: string, fraction: number, now: number): void {
		const known = this.#positions.get(id)?.[0] ?? 0;
		if (known === fraction) return;
		if (fraction > 0 && fraction < 1) this.#positions.set(id, [fraction, now]);
		else this.#positions.delete(id);
		this.#changed.set(id, [fraction, now]);
	}

	session(): Session | null {
		return this.#session;
	}

	setSession(session: Session): void {
		// The session found again at start, unchanged: nothing to write.
		if (JSON.stringify(session) === JSON.stringify(this.#session)) return;
		this.#session = session;
		this.#sessionChanged = true;
	}

	get pending(): number {
		return this.#changed.size + (this.#sessionChanged ? 1 : 0);
	}

	/**
	 * The fields to write over `disk` (the library's entry as now on disk): its positions with ours replayed where
	 * ours are newer, capped; our session if we set one, else the disk's. Our view becomes that.
	 */
	rebase(disk: {positions?: StoredPositions; session?: Session} | undefined): {
		positions?: StoredPositions;
		session?: Session;
	} {
		const merged = new Map(Object.entries(disk?.positions ?? {}));
		for (const [id, [fraction, time]] of this.#changed) {
			const theirs = merged.get(id);
			if (theirs !== undefined && theirs[1] > time) continue;
			if (fraction > 0 && fraction < 1) merged.set(id, [fraction, time]);
			else merged.delete(id);
		}
		this.#positions = newest(merged);
		if (!this.#sessionChanged) this.#session = disk?.session ?? this.#session;
		const ids = [...this.#positions.keys()].sort();
		return {
			positions: ids.length === 0 ? undefined : Object.fromEntries(ids.map((id) => [id, this.#positions.get(id)!])),
			session: this.#session ?? undefined,
		};
	}

	/** After a successful write of rebase()'s result. */
	written(): void {
		this.#changed.clear();
		this.#sessionChanged = false;
	}
}
