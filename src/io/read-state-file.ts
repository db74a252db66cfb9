// The read-state file on disk: where it lives, reading it without trusting it (through conf, with
// parseState as its deserializer), writing it so that no failure destroys it (safe-write.ts, never conf's
// writer), the last good state kept as `config.json.bak`, a bad file kept aside, and a short lock so two
// leaf instances never interleave their read-merge-write.
import fs from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {isProcessRunning} from './processes.ts';
import {parseState} from './read-state-format.ts';
import type {DiskState, StateData} from './read-state-format.ts';
import {removeAbandonedTemporariesSync, writeFileSafelySync} from './safe-write.ts';

export {STATE_VERSION} from './read-state-format.ts';
export type {DiskState, StateData} from './read-state-format.ts';

const LOCK_WAIT_MS = 1000;
const LOCK_STALE_MS = 10_000;
/** How long a write that no later one follows waits: until a lock still held has gone stale and is broken. */
export const LAST_LOCK_WAIT_MS = LOCK_STALE_MS + LOCK_WAIT_MS;
const CONF_TEMP_STALE_MS = 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** A reading position, [fraction, time], which JSON.stringify sets out on four lines: on one, the file is a third smaller. */
const NUMBER_PAIR = /\[\n\t+(-?[\d.e+-]+),\n\t+(-?[\d.e+-]+)\n\t+\]/g;

/**
 * The folder of leaf's config: $XDG_CONFIG_HOME/leaf, else ~/.config/leaf. The XDG base directory spec:
 * a relative $XDG_CONFIG_HOME is invalid and ignored. Throws when not even a home folder is known.
 */
export function configFolder(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env.XDG_CONFIG_HOME;
	if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'leaf');
	const home = env.HOME || homedir();
	if (!home || !path.isAbsolute(home)) throw new Error('no home folder to keep the read state in');
	return path.join(home, '.config', 'leaf');
}

/** What conf throws from its getter when parseState finds the file unusable: the recovery is the caller's. */
class UnusableState extends Error {
	constructor(readonly state: DiskState) {
		super(state.kind);
	}
}

/** The instances whose constructor has returned: conf reads the file in its constructor, leaf only in read(). */
const built = new WeakSet<object>();

/**
 * conf over one state file, for its path and its reads only. Its writer (atomically) ignores a short write,
 * which once left config.json cut on a full disk: every write of it throws here, and safe-write.ts does them.
 * Its getter makes the folder (with the default mode) when the file is missing, even to read: a missing file
 * reads as empty here without that, so `leaf list` creates nothing and the first write makes the folder 0700.
 */
class StateConf extends Conf<Record<string, unknown>> {
	constructor(folder: string, fileExtension: string) {
		super({
			// Always given: configFolder() decides (conf's own choice would take a relative XDG_CONFIG_HOME,
			// and on macOS and Windows another folder than the one leaf has always used).
			cwd: folder,
			configName: 'config',
			fileExtension,
			accessPropertiesByDotNotation: false,
			// A bad file is thrown, never emptied: the caller restores the backup or sets the file aside.
			clearInvalidConfig: false,
			deserialize: (text) => {
				const state = parseState(text);
				if (state.kind !== 'ok') throw new UnusableState(state);
				return state.data;
			},
		});
		built.add(this);
	}

	override get store(): Record<string, unknown> {
		if (!built.has(this)) return {};
		try {
			fs.statSync(this.path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
			throw error;
		}
		return super.store;
	}

	override set store(_value: Record<string, unknown>) {
		throw new Error('the read state is written by safe-write.ts, never by conf');
	}

	/** What the file holds. Throws what the file system throws, but ENOENT (missing). */
	read(): DiskState {
		try {
			const store = this.store;
			// parseState gives every good state a version: an empty store is conf's reading of no file.
			return Object.hasOwn(store, 'version') ? {kind: 'ok', data: {...store} as StateData} : {kind: 'missing'};
		} catch (error) {
			if (error instanceof UnusableState) return error.state;
			throw error;
		}
	}
}

export class LockBusyError extends Error {
	readonly code = 'EBUSY';
}

export class StateFile {
	readonly path: string;
	readonly backup: string;
	readonly #main: StateConf;
	readonly #backup: StateConf;

	/** `folder`: where config.json is; default configFolder(). Nothing is touched until read or written. */
	constructor(folder?: string) {
		const where = folder ?? configFolder();
		this.#main = new StateConf(where, 'json');
		this.#backup = new StateConf(where, 'json.bak');
		this.path = this.#main.path;
		this.backup = this.#backup.path;
	}

	/** What is in the main file. Throws what the file system throws, but ENOENT (missing). */
	read(): DiskState {
		return this.#main.read();
	}

	/** What is in the backup; anything but a good state reads as missing. */
	readBackup(): DiskState {
		try {
			const state = this.#backup.read();
			return state.kind === 'ok' ? state : {kind: 'missing'};
		} catch {
			return {kind: 'missing'};
		}
	}

	/** Writes `data` whole, or throws and leaves the file as it was. */
	write(data: StateData): void {
		fs.mkdirSync(path.dirname(this.path), {recursive: true, mode: 0o700});
		const text = JSON.stringify(data, null, '\t').replace(NUMBER_PAIR, '[$1, $2]');
		writeFileSafelySync(this.path, Buffer.from(`${text}\n`));
	}

	/**
	 * Before write(), when the main file was just read as good: it becomes config.json.bak. A hard link to it
	 * costs no space on a full disk; a file system without hard links gets a copy; when neither works, the
	 * older backup stays, which is still a good state.
	 */
	keepBackup(): void {
		const link = `${this.backup}.${process.pid}-link.tmp`;
		try {
			fs.rmSync(link, {force: true});
			try {
				fs.linkSync(this.path, link);
			} catch {
				fs.copyFileSync(this.path, link);
			}
			fs.renameSync(link, this.backup);
		} catch {
			fs.rmSync(link, {force: true});
		}
	}

	/** The error code that will stop a write to the folder, or null. A missing folder is made by the write. */
	unwritable(): string | null {
		try {
			fs.accessSync(path.dirname(this.path), fs.constants.W_OK);
			return null;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? 'error';
			return code === 'ENOENT' ? null : code;
		}
	}

	/** Renames the file to `config.json.corrupt-<time>` next to it; null when it is already gone. */
	keepAside(): string | null {
		const stamp = new Date().toISOString().replace(/[:.]/g, '-');
		for (let attempt = 0; ; attempt++) {
			const aside = `${this.path}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
			if (fs.existsSync(aside)) continue;
			try {
				fs.renameSync(this.path, aside);
				return aside;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		}
	}

	/**
	 * Runs `action` holding `config.json.lock`, making the folder first if it is not there yet (two leafs' first
	 * writes would otherwise both go unlocked, one losing the other's marks). A lock left by a dead process, or
	 * older than LOCK_STALE_MS, is broken; a folder that takes no lock is written without one. When another leaf
	 * keeps the lock past `waitMs` (it may win it again and again), this throws a LockBusyError instead of writing
	 * unlocked: the caller keeps its changes and tries again later.
	 */
	withLock<T>(action: () => T, waitMs = LOCK_WAIT_MS): T {
		const lock = `${this.path}.lock`;
		const deadline = Date.now() + waitMs;
		let held = false;
		let folderMade = false;
		while (!held) {
			try {
				fs.writeFileSync(lock, String(process.pid), {flag: 'wx'});
				held = true;
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'ENOENT' && !folderMade) {
					fs.mkdirSync(path.dirname(lock), {recursive: true, mode: 0o700});
					folderMade = true;
					continue;
				}
				if (code !== 'EEXIST') break;
				if (isStaleLock(lock)) {
					fs.rmSync(lock, {force: true});
				} else if (Date.now() > deadline) {
					throw new LockBusyError('the read state is being written by another leaf');
				} else {
					Atomics.wait(pause, 0, 0, 5);
				}
			}
		}
		try {
			return action();
		} finally {
			if (held) fs.rmSync(lock, {force: true});
		}
	}

	/** Temporary files of writes that were killed midway: ours (`config.json.<pid>-<random>.tmp`) and
	 * those of conf's writer, which leaf used before. */
	removeStaleTemps(): void {
		removeAbandonedTemporariesSync(this.path);
		removeAbandonedTemporariesSync(this.backup);
		const prefix = `${path.basename(this.path)}.tmp-`;
		const folder = path.dirname(this.path);
		let names: string[];
		try {
			names = fs.readdirSync(folder);
		} catch {
			// No folder yet: the first write makes it.
			return;
		}
		for (const name of names) {
			if (!name.startsWith(prefix) || !/^\d{10}[0-9a-f]{6}$/.test(name.slice(prefix.length))) continue;
			const file = path.join(folder, name);
			if (Date.now() - fs.statSync(file).mtimeMs > CONF_TEMP_STALE_MS) fs.rmSync(file, {force: true});
		}
	}
}

function isStaleLock(lock: string): boolean {
	try {
		const pid = Number(fs.readFileSync(lock, 'utf8'));
		if (Number.isInteger(pid) && pid > 0 && !isProcessRunning(pid)) return true;
		return Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS;
	} catch {
		// Removed between our attempt and this look: try again.
		return false;
	}
}
