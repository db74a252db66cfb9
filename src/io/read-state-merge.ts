// One per-article yes/no field of a library (read; later starred) as this instance sees it: the values, and
// the changes made here since the last write. A write takes what is on disk (another leaf may have written
// since) and replays only our own changes on it, so two instances keep each other's marks.
//
// Reading positions, a value per article, are merged the same way with a time each (read-state-remember.ts).

export class SetField {
	readonly #values = new Set<string>();
	readonly #added = new Set<string>();
	readonly #removed = new Set<string>();

	constructor(initial: Iterable<string> = []) {
		for (const id of initial) this.#values.add(id);
	}

	has(id: string): boolean {
		return this.#values.has(id);
	}

	/** Whether this instance un-set `id` since the last write. */
	wasRemoved(id: string): boolean {
		return this.#removed.has(id);
	}

	set(id: string, value: boolean): void {
		if (this.#values.has(id) === value) return;
		// The latest explicit action wins at the merge, even over an earlier change of our own.
		if (value) {
			this.#values.add(id);
			this.#removed.delete(id);
			this.#added.add(id);
		} else {
			this.#values.delete(id);
			this.#added.delete(id);
			this.#removed.add(id);
		}
	}

	values(): IterableIterator<string> {
		return this.#values.values();
	}

	/** Changes not yet written. */
	get pending(): number {
		return this.#added.size + this.#removed.size;
	}

	/** The disk's ids with our changes replayed on them, sorted; our values become those. */
	rebase(disk: readonly string[]): string[] {
		this.#values.clear();
		for (const id of disk) this.#values.add(id);
		for (const id of this.#added) this.#values.add(id);
		for (const id of this.#removed) this.#values.delete(id);
		return [...this.#values].sort();
	}

	/** After a successful write of rebase()'s result. */
	written(): void {
		this.#added.clear();
		this.#removed.clear();
	}
}
