// Read marks of one library (and its stars, reading positions and session), kept in the user's config folder ($XDG_CONFIG_HOME/leaf/config.json, else
// ~/.config/leaf/config.json) next to those of every other library (read-state-format.ts). The marks live
// in memory and the file is touched only at open and at flush. A flush merges this instance's own changes
// into what is on disk, so two leaf instances on one file keep each other's marks; a flush that fails
// leaves the file as it was and the changes in memory, for the next flush to try again.
import fs from 'node:fs';
import path from 'node:path';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {LAST_LOCK_WAIT_MS, STATE_VERSION, StateFile} from './read-state-file.ts';
import type {DiskState, StateData} from './read-state-file.ts';
import {SAMPLE_SIZE, findLibrary, legacyArticleId, mergeSample} from './read-state-library.ts';
import {SetField} from './read-state-merge.ts';
import {RememberedFields} from './read-state-remember.ts';
import type {ReadStore, ReadStoreOptions, StoreNoticeWeight} from './read-state-types.ts';

export type {ArticleKey, ReadStore, ReadStoreOptions, StoreNoticeWeight} from './read-state-types.ts';

/** Errors after which writing again is pointless. */
const PERMANENT = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR']);

const emptyState = (): StateData => ({version: STATE_VERSION, libraries: {}});

export function openReadStore(options: ReadStoreOptions): ReadStore {
	const readOnly = options.readOnly ?? false;
	const rootReal = realOrResolved(options.library);
	const read = new SetField();
	const starred = new SetField();
	const remembered = new RememberedFields();
	const now = options.now ?? Date.now;
	const sample: string[] = [];
	const sampled = new Set<string>();
	let legacy: ReadonlySet<string> = new Set();
	let key = '';
	let movedFrom: string | null = null;
	let migrating = false;
	/** Writes owed besides mark changes: a moved root, a finished migration, a state restored from the backup. */
	let owed = false;
	let listed = false;
	let notice: string | null = null;
	let saving = !readOnly;
	let failing: string | null = null;
	let file: StateFile | null = null;

	const say = (line: string, weight: StoreNoticeWeight): void => {
		const clean = sanitizeLine(line);
		if (clean === notice) return;
		notice = clean;
		options.onNotice?.(clean, weight);
	};
	const stopSaving = (why: string): void => {
		saving = false;
		failing = why;
		say(`${why}; read marks will not be saved.`, 'lasting');
	};
	const cannotUse = (why: string): void => {
		if (readOnly) say(`${why}; showing every article as unread.`, 'minor');
		else stopSaving(why);
	};

	/** A bad file is renamed, never overwritten; true when it is out of the way. */
	const setAside = (state: DiskState & {kind: 'corrupt'}, file: StateFile, restored: boolean): boolean => {
		try {
			const aside = file.keepAside();
			const what = restored ? `restored the last good state from ${path.basename(file.backup)}` : 'starting afresh';
			// What happened and where the old file went come first: the browser shows this on one line, cut to its width.
			if (aside !== null)
				say(
					`Read state kept aside as ${path.basename(aside)}, ${what}: it was unreadable (${state.reason}).`,
					'lasting',
				);
			return true;
		} catch (error) {
			stopSaving(
				`Read state ${file.path} is unreadable (${state.reason}) and could not be moved aside (${errorText(error)})`,
			);
			return false;
		}
	};

	/** What the state is: a damaged main file gives way to the backup before it is set aside. */
	const load = (file: StateFile): StateData | null => {
		const state = file.read();
		if (state.kind === 'ok') return state.data;
		if (state.kind === 'missing') return emptyState();
		if (state.kind === 'newer') {
			cannotUse(`Read state ${file.path} is from a newer leaf (version ${state.version})`);
			return null;
		}
		const backup = file.readBackup();
		if (readOnly) {
			if (backup.kind === 'ok') return backup.data;
			cannotUse(`Read state ${file.path} is unreadable (${state.reason})`);
			return null;
		}
		// Under the lock, look again: another leaf may have set it aside and written a good one.
		return file.withLock(() => {
			const again = file.read();
			if (again.kind !== 'corrupt')
				return again.kind === 'ok' ? again.data : again.kind === 'missing' ? emptyState() : null;
			const restored = backup.kind === 'ok';
			if (!setAside(again, file, restored)) return null;
			owed = restored;
			return restored ? backup.data : emptyState();
		});
	};

	try {
		file = new StateFile(options.cwd);
		const data = load(file);
		if (data !== null) {
			const found = findLibrary(data, rootReal);
			key = found.key;
			for (const id of found.entry?.read ?? []) read.set(id, true);
			read.written();
			for (const id of found.entry?.starred ?? []) starred.set(id, true);
			starred.written();
			remembered.load(found.entry ?? undefined);
			legacy = new Set(data.legacyRead ?? []);
			migrating = legacy.size > 0 && found.entry?.migrated !== true;
			movedFrom = found.movedFrom;
			if (movedFrom !== null) owed = true;
		}
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
		if (disk.kind === 'newer') {
			stopSaving(`Read state ${file.path} was replaced by a newer leaf (version ${disk.version})`);
			return;
		}
		let base: StateData;
		if (disk.kind === 'ok') {
			base = disk.data;
		} else if (disk.kind === 'corrupt') {
			const backup = file.readBackup();
			if (!setAside(disk, file, backup.kind === 'ok')) return;
			base = backup.kind === 'ok' ? backup.data : emptyState();
		} else {
			base = emptyState();
		}
		const current = base.libraries[key];
		// Our key taken meanwhile by another library (one created at the path this one was moved from).
		if (current !== undefined && current.root !== rootReal && current.root !== movedFrom)
			key = findLibrary(base, rootReal).key;
		const entry = base.libraries[key];
		const stars = starred.rebase(
			disk.kind === 'ok' ? (entry?.starred ?? []) : [...(entry?.starred ?? []), ...starred.values()],
		);
		const libraries = {
			...base.libraries,
			[key]: {
				...entry,
				root: rootReal,
				sample: mergeSample(sample, entry?.sample ?? []),
				// A file gone or damaged since we read it: all we know is written, over what the backup holds.
				read: read.rebase(disk.kind === 'ok' ? (entry?.read ?? []) : [...(entry?.read ?? []), ...read.values()]),
				...(listed || entry?.migrated ? {migrated: true} : {}),
				// Written only once something was starred: a file without stars stays as an older leaf wrote it.
				starred: stars.length > 0 || entry?.starred !== undefined ? stars : undefined,
				...remembered.rebase(entry),
			},
		};
		if (disk.kind === 'ok') file.keepBackup();
		file.write({...base, version: STATE_VERSION, libraries});
		read.written();
		starred.written();
		remembered.written();
		owed = false;
		listed = false;
	};

	const pending = (): number => read.pending + starred.pending + remembered.pending + (owed || listed ? 1 : 0);

	return {
		isRead({id, path: relative}) {
			if (sample.length < SAMPLE_SIZE && !sampled.has(relative)) {
				sampled.add(relative);
				sample.push(relative);
			}
			if (read.has(id)) return true;
			if (migrating && !read.wasRemoved(id) && legacy.has(legacyArticleId(relative))) {
				read.set(id, true);
				return true;
			}
			return false;
		},
		setRead: (id, value) => read.set(id, value),
		isStarred: (id) => starred.has(id),
		setStarred: (id, value) => starred.set(id, value),
		starredIds: () => [...starred.values()],
		positions: () => remembered.positions(),
		setPosition: (id, fraction) => remembered.setPosition(id, fraction, now()),
		session: () => remembered.session(),
		setSession: (session) => remembered.setSession(session),
		libraryListed() {
			if (!migrating) return;
			migrating = false;
			listed = true;
		},
		flush(last = false) {
			if (!saving || file === null || pending() === 0) return;
			const target = file;
			try {
				const code = target.unwritable();
				if (code !== null) throw Object.assign(new Error(`cannot write to ${path.dirname(target.path)}`), {code});
				// Another leaf writing (two quit at once, on a slow disk): the last write waits its turn.
				target.withLock(() => writeMerged(target), last ? LAST_LOCK_WAIT_MS : undefined);
				if (failing !== null && pending() === 0) {
					failing = null;
					notice = null;
					options.onSaved?.();
				}
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code ?? '';
				failing = errorText(error);
				if (PERMANENT.has(code)) stopSaving(`Cannot save the read state (${failing})`);
				else say(`Read marks NOT saved (${failing}); leaf keeps them and tries again.`, 'until-saved');
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
			return pending();
		},
		unsaved() {
			const changes = read.pending + starred.pending;
			if (readOnly || changes === 0) return null;
			const count = changes === 1 ? '1 read mark change was' : `${changes} read mark changes were`;
			const where = file === null ? '' : ` to ${file.path}`;
			return `${count} not saved${where}${failing === null ? '' : ` (${failing})`}`;
		},
	};
}

function realOrResolved(folder: string): string {
	try {
		return fs.realpathSync(folder);
	} catch {
		return path.resolve(folder);
	}
}

function errorText(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	return code === undefined || message.startsWith(code) ? message : `${code}: ${message}`;
}
