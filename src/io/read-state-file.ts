// The read-state file on disk, through conf: reading it without trusting it, keeping a bad one
// aside, and a short lock so two leaf instances never interleave their read-merge-write.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {isProcessRunning} from './processes.ts';

export const STATE_VERSION = 1;

/** Version 1 keeps read ids as a sorted array: an `{id: true}` map is 2.3x larger and 8x slower to write. */
export interface StateData {
	version: number;
	read: string[];
	/** Keys a later leaf may add are kept as they are. */
	[key: string]: unknown;
}

export type DiskState =
	| {kind: 'missing'}
	| {kind: 'ok'; data: StateData}
	| {kind: 'corrupt'; reason: string}
	| {kind: 'newer'; version: number};

export function parseState(text: string): DiskState {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {kind: 'corrupt', reason: `invalid JSON: ${(error as Error).message}`};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {kind: 'corrupt', reason: 'not a JSON object'};
	}
	const {version = STATE_VERSION, read = []} = value as Record<string, unknown>;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return {kind: 'corrupt', reason: '"version" is not a positive integer'};
	}
	if (version > STATE_VERSION) return {kind: 'newer', version};
	if (!Array.isArray(read) || !read.every((id) => typeof id === 'string')) {
		return {kind: 'corrupt', reason: '"read" is not a list of ids'};
	}
	return {kind: 'ok', data: {...value, version, read}};
}

/** A Conf that reads a missing file as empty without creating its folder, as conf's own getter does. */
class PeekingConf extends Conf<Record<string, unknown>> {
	override get store(): Record<string, unknown> {
		return fs.existsSync(this.path) ? super.store : {};
	}

	override set store(value: Record<string, unknown>) {
		super.store = value;
	}
}

const LOCK_WAIT_MS = 1000;
const LOCK_STALE_MS = 10_000;
const TEMP_STALE_MS = 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export class StateFile {
	readonly path: string;
	/** What the file held when opened. */
	readonly initial: DiskState;
	#found: DiskState = {kind: 'missing'};
	readonly #conf: Conf<Record<string, unknown>>;

	/** Throws what the filesystem throws (EACCES, EISDIR, a folder that cannot be created...). */
	constructor(options: {cwd?: string; readOnly: boolean}) {
		const Store = options.readOnly ? PeekingConf : Conf;
		this.#conf = new Store({
			projectName: 'leaf',
			projectSuffix: '',
			// Ids contain dots; dot-notation would nest them.
			accessPropertiesByDotNotation: false,
			...(options.cwd === undefined ? {} : {cwd: options.cwd}),
			// conf throws a SyntaxError from its constructor on a bad file, or with clearInvalidConfig
			// silently wipes it: note what was found instead and let the caller keep the file aside.
			deserialize: (text) => {
				this.#found = parseState(text);
				return this.#found.kind === 'ok' ? this.#found.data : {};
			},
		});
		this.path = this.#conf.path;
		this.initial = this.#found;
	}

	read(): DiskState {
		this.#found = {kind: 'missing'};
		void this.#conf.store;
		return this.#found;
	}

	/** Atomic: conf writes a temp file, fsyncs it and renames it over the old one. */
	write(data: StateData): void {
		this.#conf.store = data;
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
	 * Runs `action` holding `config.json.lock`. A lock left by a dead process is broken at once; one
	 * held longer than LOCK_WAIT_MS is ignored rather than freezing leaf, as is a folder that takes no lock.
	 */
	withLock<T>(action: () => T): T {
		const lock = `${this.path}.lock`;
		const deadline = Date.now() + LOCK_WAIT_MS;
		let held = false;
		while (!held) {
			try {
				fs.writeFileSync(lock, String(process.pid), {flag: 'wx'});
				held = true;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') break;
				if (isStaleLock(lock)) {
					fs.rmSync(lock, {force: true});
				} else if (Date.now() > deadline) {
					break;
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

	/** Temp files of writes that were killed midway (conf's `atomically` names them `config.json.tmp-<16>`). */
	removeStaleTemps(): void {
		const prefix = `${path.basename(this.path)}.tmp-`;
		const folder = path.dirname(this.path);
		for (const name of fs.readdirSync(folder)) {
			if (!name.startsWith(prefix) || !/^\d{10}[0-9a-f]{6}$/.test(name.slice(prefix.length))) continue;
			const file = path.join(folder, name);
			if (Date.now() - fs.statSync(file).mtimeMs > TEMP_STALE_MS) fs.rmSync(file, {force: true});
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
