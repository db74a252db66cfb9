// Read marks, kept with conf in the user's config folder ($XDG_CONFIG_HOME/leaf/config.json, else
// ~/.config/leaf/config.json). conf re-reads and re-parses its whole file on every get and set, so
// the marks live in memory and conf is touched only at open and at flush. A flush merges this
// instance's own changes into what is on disk, so two leaf instances on one file keep each other's marks.
import path from 'node:path';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {STATE_VERSION, StateFile} from './read-state-file.ts';
import type {DiskState, StateData} from './read-state-file.ts';

export interface ReadStore {
	isRead(id: string): boolean;
	/** Mark in memory; written by flush() (batched: conf re-reads its whole file on every call). */
	setRead(id: string, read: boolean): void;
	/** Merge with what is on disk and write atomically. Safe to call often; a no-op when nothing changed. Never throws. */
	flush(): void;
	/** One line to show the user once (e.g. a corrupted state file was kept aside), or null. A flush may set it too. */
	readonly notice: string | null;
	/** The state file, or null when not even its place could be worked out. */
	readonly path: string | null;
	/** False when marks live in memory only: a read-only store, or a state file that cannot be written. */
	readonly saving: boolean;
	/** Marks changed since the last successful flush. */
	readonly pendingChanges: number;
}

export interface ReadStoreOptions {
	/** Folder holding the state file; default: conf's user config folder for "leaf" (XDG_CONFIG_HOME honoured). */
	cwd?: string;
	/** For `leaf list`: read the marks, never create, rename or write anything. */
	readOnly?: boolean;
	/** Called with each new notice, for a UI that shows them as they come. */
	onNotice?: (notice: string) => void;
}

/** Errors after which writing again is pointless (and would spin: conf's writer retries EACCES for a second). */
const PERMANENT = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR']);

export function openReadStore(options: ReadStoreOptions = {}): ReadStore {
	const readOnly = options.readOnly ?? false;
	const read = new Set<string>();
	const added = new Set<string>();
	const removed = new Set<string>();
	let notice: string | null = null;
	let saving = !readOnly;
	let file: StateFile | null = null;

	const say = (line: string): void => {
		const clean = sanitizeLine(line);
		if (clean === notice) return;
		notice = clean;
		options.onNotice?.(clean);
	};
	const stopSaving = (why: string): void => {
		saving = false;
		say(`${why}; read marks will not be saved.`);
	};
	const cannotUse = (why: string): void => {
		if (readOnly) say(`${why}; showing every article as unread.`);
		else stopSaving(why);
	};
	const replaceMarks = (ids: Iterable<string>): void => {
		read.clear();
		for (const id of ids) read.add(id);
	};

	/** A bad file is renamed, never overwritten; true when it is out of the way. */
	const setAside = (state: DiskState & {kind: 'corrupt'}, file: StateFile): boolean => {
		try {
			const aside = file.keepAside();
			// What happened and where the old file went come first: the browser shows this on one line, cut to its width.
			if (aside !== null)
				say(`Read state kept aside as ${path.basename(aside)}, starting afresh: it was unreadable (${state.reason}).`);
			return true;
		} catch (error) {
			stopSaving(
				`Read state ${file.path} is unreadable (${state.reason}) and could not be moved aside (${errorText(error)})`,
			);
			return false;
		}
	};

	/** Takes in what was on disk at open. */
	const adopt = (state: DiskState, file: StateFile): void => {
		if (state.kind === 'ok') {
			replaceMarks(state.data.read);
		} else if (state.kind === 'newer') {
			cannotUse(`Read state ${file.path} is from a newer leaf (version ${state.version})`);
		} else if (state.kind === 'corrupt') {
			if (readOnly) {
				cannotUse(`Read state ${file.path} is unreadable (${state.reason})`);
			} else {
				// Under the lock, look again: another leaf may have set it aside and written a good one.
				file.withLock(() => {
					const again = file.read();
					if (again.kind === 'corrupt') setAside(again, file);
					else adopt(again, file);
				});
			}
		}
	};

	try {
		file = new StateFile({cwd: options.cwd, readOnly});
		adopt(file.initial, file);
		if (saving) {
			const code = file.unwritable();
			if (code === null) file.removeStaleTemps();
			else stopSaving(`Cannot write to ${path.dirname(file.path)} (${code})`);
		}
	} catch (error) {
		cannotUse(`Cannot open the read state (${errorText(error)})`);
	}

	const writeMerged = (file: StateFile): void => {
		const disk = file.read();
		let base: StateData;
		if (disk.kind === 'newer') {
			stopSaving(`Read state ${file.path} was replaced by a newer leaf (version ${disk.version})`);
			return;
		}
		if (disk.kind === 'ok') {
			// Their marks, plus our own changes since the last flush: an id only we un-marked goes.
			base = disk.data;
			replaceMarks(base.read);
			for (const id of added) read.add(id);
			for (const id of removed) read.delete(id);
		} else {
			// Gone or garbage: nothing to merge with, so everything we know is written.
			if (disk.kind === 'corrupt' && !setAside(disk, file)) return;
			base = {version: STATE_VERSION, read: []};
		}
		file.write({...base, version: STATE_VERSION, read: [...read].sort()});
		added.clear();
		removed.clear();
	};

	return {
		isRead: (id) => read.has(id),
		setRead(id, value) {
			if (read.has(id) === value) return;
			// The latest explicit action wins at the merge, even over an earlier change of our own.
			if (value) {
				read.add(id);
				removed.delete(id);
				added.add(id);
			} else {
				read.delete(id);
				added.delete(id);
				removed.add(id);
			}
		},
		flush() {
			if (!saving || file === null || added.size + removed.size === 0) return;
			const target = file;
			try {
				const code = target.unwritable();
				if (code !== null) throw Object.assign(new Error(`cannot write to ${path.dirname(target.path)}`), {code});
				target.withLock(() => writeMerged(target));
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code ?? '';
				if (PERMANENT.has(code)) stopSaving(`Cannot save the read state (${errorText(error)})`);
				else say(`Could not save read marks (${errorText(error)}); will try again.`);
			}
		},
		get notice() {
			return notice;
		},
		get path() {
			return file?.path ?? null;
		},
		get saving() {
			return saving;
		},
		get pendingChanges() {
			return added.size + removed.size;
		},
	};
}

function errorText(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	return code === undefined || message.startsWith(code) ? message : `${code}: ${message}`;
}
