// What a load tells its onProgress listener: the indexed articles at once, then what the walk finds
// different from them. The reporter remembers what it has said (by id), so that an article the walk
// confirms unchanged is not said again, a changed one is said as removed + added, and whatever was
// said but not confirmed by the end of the walk is said removed.
import type {ArticleMeta} from '../core/article/article.ts';
import type {LoadOptions} from './scan-types.ts';

/** Articles per onProgress call (fewer only at the end of the walk and of the load). */
const PROGRESS_BATCH = 250;

export class Reporter {
	private added: ArticleMeta[] = [];
	private removed: string[] = [];
	/** What the listener has been told, by id (only kept when there is a listener). */
	private readonly told = new Map<string, ArticleMeta>();
	private last = '';

	constructor(
		private readonly onProgress: LoadOptions['onProgress'],
		/** Once aborted, nothing more is reported (work already under way may still finish). */
		private readonly signal: AbortSignal | undefined,
	) {}

	/**
	 * The articles of the index, before the walk has checked them. The index after its head: an article the head
	 * told is not told again (the walk compares with the index's object from here on).
	 */
	announce(metas: readonly ArticleMeta[], total: number): void {
		if (!this.onProgress) return;
		for (const meta of metas) {
			const told = this.told.get(meta.id);
			if (told !== undefined && told !== meta && sameMeta(told, meta)) this.told.set(meta.id, meta);
			else this.add(meta);
		}
		this.flush(0, total, true);
	}

	/** An article the walk found: new, changed, or (the very object announced) unchanged. */
	add(meta: ArticleMeta): void {
		if (!this.onProgress) return;
		const told = this.told.get(meta.id);
		if (told === meta) return;
		if (told !== undefined) this.removed.push(meta.id);
		this.told.set(meta.id, meta);
		this.added.push(meta);
	}

	/** At the end of the walk: every article told but not among `kept` is gone. */
	settle(kept: readonly ArticleMeta[]): void {
		if (!this.onProgress || this.told.size === kept.length) return;
		const keptIds = new Set(kept.map((meta) => meta.id));
		for (const id of this.told.keys()) {
			if (keptIds.has(id)) continue;
			this.told.delete(id);
			this.removed.push(id);
		}
	}

	flush(done: number, total: number, force: boolean): void {
		const pending = this.added.length + this.removed.length;
		if (!this.onProgress || this.signal?.aborted || (!force && pending < PROGRESS_BATCH)) return;
		const counts = `${done}/${total}`;
		if (pending === 0 && counts === this.last) return;
		this.last = counts;
		const {added, removed} = this;
		this.added = [];
		this.removed = [];
		this.onProgress({done, total, added, removed});
	}
}

/** Whether two reads of an article say the same (every field is plain data, a date or null). */
const sameMeta = (a: ArticleMeta, b: ArticleMeta) => JSON.stringify(a) === JSON.stringify(b);
