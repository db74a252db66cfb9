// PLACEHOLDER (being replaced by the read-state helper): read marks kept with conf.

export interface ReadStore {
	isRead(id: string): boolean;
	/** Mark in memory; written by flush() (batched: conf re-reads its whole file on every call). */
	setRead(id: string, read: boolean): void;
	/** Merge with what is on disk and write atomically. Safe to call often; a no-op when nothing changed. */
	flush(): void;
	/** One line to show the user once (e.g. a corrupted state file was kept aside), or null. */
	readonly notice: string | null;
}

export interface ReadStoreOptions {
	/** Folder holding the state file; default: conf's user config folder for "leaf" (XDG_CONFIG_HOME honoured). */
	cwd?: string;
}

export function openReadStore(_options: ReadStoreOptions = {}): ReadStore {
	const read = new Set<string>();
	return {
		isRead: (id) => read.has(id),
		setRead: (id, value) => void (value ? read.add(id) : read.delete(id)),
		flush: () => {},
		notice: null,
	};
}
