// Tells when a library folder's articles may have changed: new, edited, renamed or deleted files, new and deleted
// folders. One fs.watch (inotify on Linux) per folder, ours rather than Node's `recursive: true`, whose Linux
// version is JavaScript that also watches every file (100,000 watches for 100,000 articles). A burst of events
// (an editor's save, a sync tool's batch) becomes one call: `onChange` comes after a quiet moment, and at the
// latest `maxWaitMs` after the first event, so a steady stream of writes cannot hold it back forever.
//
// When the system gives no more watches (inotify's max_user_watches, or no descriptors left), it falls back
// to comparing the folders' modification times every `pollMs`: a few hundred stats, which sees files
// added, renamed and deleted, but not a file edited in place (`R` reads those).
import type {FSWatcher, WatchListener} from 'node:fs';
import {watch as fsWatch} from 'node:fs';
import {readdir, stat} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import type {ChangedFolders} from './library-rescan.ts';
import {isArticleName} from './library-walk.ts';

export interface WatchOptions {
	/** Called once per burst of changes, with where they were (null: anywhere, read it all). */
	onChange: (changed: ChangedFolders | null) => void;
	/** The quiet time that ends a burst. */
	quietMs?: number;
	/** The longest a burst holds back its call. */
	maxWaitMs?: number;
	/** How often the fallback compares folder times. */
	pollMs?: number;
	/** Test seam: fs.watch, or a stand-in that fails as a system out of watches does. */
	watch?: (path: string, listener: WatchListener<string>) => FSWatcher;
}

export interface LibraryWatch {
	/** 'events': the system tells of changes; 'polling': folder times are compared (see `reason`). */
	readonly mode: 'events' | 'polling';
	/** Why watching fell back to polling, for the status line; null while events come. */
	readonly reason: string | null;
	/** Folders watched or polled. */
	readonly folders: number;
	close(): void;
}

const QUIET_MS = 150;
const MAX_WAIT_MS = 800;
const POLL_MS = 2000;

/** Hidden entries and node_modules are no part of a library (as in library-walk.ts). */
function isSkipped(name: string): boolean {
	return name.startsWith('.') || name === 'node_modules';
}

/** The folders below `root` (itself first), as the library walk sees them; unreadable ones are left out. */
async function foldersUnder(root: string): Promise<string[]> {
	const found: string[] = [];
	const pending = [root];
	while (pending.length > 0) {
		const folder = pending.pop()!;
		found.push(folder);
		let entries;
		try {
			entries = await readdir(folder, {withFileTypes: true});
		} catch {
			continue;
		}
		for (const entry of entries)
			if (entry.isDirectory() && !isSkipped(entry.name)) pending.push(join(folder, entry.name));
	}
	return found;
}

function isOutOfWatches(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	return code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE';
}

/** Starts watching `root`; resolves once every folder is watched (or polled). */
export async function watchLibrary(root: string, options: WatchOptions): Promise<LibraryWatch> {
	const watchFolder = options.watch ?? ((path, listener) => fsWatch(path, {persistent: false}, listener));
	const quietMs = options.quietMs ?? QUIET_MS;
	const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
	const pollMs = options.pollMs ?? POLL_MS;

	let closed = false;
	let mode: LibraryWatch['mode'] = 'events';
	let reason: string | null = null;
	const watchers = new Map<string, FSWatcher>();
	/** Polling: each folder's last modification time. */
	const times = new Map<string, number>();
	let poller: NodeJS.Timeout | undefined;

	let timer: NodeJS.Timeout | undefined;
	let firstEvent = 0;
	// Where the burst's changes were, relative to the library; null once one could be anywhere.
	let folders: Set<string> | null = new Set();
	let trees: Set<string> | null = new Set();
	const inLibrary = (path: string) => relative(root, path).split(sep).join('/');
	/** `where`: a folder whose files changed, or a folder that came or went (`tree`); none: anywhere. */
	const changed = (where?: {folder: string} | {tree: string}) => {
		if (closed) return;
		if (where === undefined) folders = trees = null;
		else if ('folder' in where) folders?.add(inLibrary(where.folder));
		else trees?.add(inLibrary(where.tree));
		const now = Date.now();
		if (timer === undefined) firstEvent = now;
		else clearTimeout(timer);
		timer = setTimeout(
			() => {
				timer = undefined;
				const burst = folders && trees ? {folders: [...folders], trees: [...trees]} : null;
				folders = new Set();
				trees = new Set();
				if (!closed) options.onChange(burst);
			},
			Math.max(0, Math.min(quietMs, firstEvent + maxWaitMs - now)),
		);
	};

	const unwatchUnder = (folder: string) => {
		for (const [path, watcher] of watchers)
			if (path === folder || path.startsWith(folder + sep)) {
				watcher.close();
				watchers.delete(path);
			}
	};

	/** A name that is no article came and went in `folder`: a folder, maybe, to watch or to forget. */
	const checkEntry = async (path: string) => {
		let isFolder = false;
		try {
			isFolder = (await stat(path)).isDirectory();
		} catch {
			// Gone: if it was a watched folder, its articles went with it.
		}
		if (closed) return;
		if (isFolder && !watchers.has(path)) {
			await addFolders(await foldersUnder(path));
			changed({tree: path});
		} else if (!isFolder && watchers.has(path)) {
			unwatchUnder(path);
			changed({tree: path});
		}
	};

	const addFolders = async (folders: readonly string[]) => {
		for (const folder of folders) {
			if (closed || mode === 'polling') return;
			if (watchers.has(folder)) continue;
			try {
				const watcher = watchFolder(folder, (_event, name) => {
					if (name === null || name === undefined) return changed();
					if (isSkipped(name)) return;
					if (isArticleName(name)) return changed({folder});
					void checkEntry(join(folder, name));
				});
				// The folder itself deleted or moved away: its parent's event says so.
				watcher.on('error', () => {
					watcher.close();
					if (watchers.get(folder) === watcher) watchers.delete(folder);
				});
				watchers.set(folder, watcher);
			} catch (error) {
				if (isOutOfWatches(error)) return startPolling(error);
				// A folder that vanished or cannot be read between listing and watching: nothing to watch there.
			}
		}
	};

	const pollOnce = async () => {
		const folders = await foldersUnder(root);
		if (closed) return;
		let differs = folders.length !== times.size;
		const next = new Map<string, number>();
		await Promise.all(
			folders.map(async (folder) => {
				try {
					next.set(folder, (await stat(folder)).mtimeMs);
				} catch {
					differs = true;
				}
			}),
		);
		for (const [folder, time] of next) if (times.get(folder) !== time) differs = true;
		const first = times.size === 0;
		times.clear();
		for (const [folder, time] of next) times.set(folder, time);
		if (differs && !first && !closed) changed();
	};

	const startPolling = async (error: unknown) => {
		if (mode === 'polling') return;
		mode = 'polling';
		const code = (error as NodeJS.ErrnoException).code ?? 'an error';
		reason = `the system has no file watches left (${code})`;
		for (const watcher of watchers.values()) watcher.close();
		watchers.clear();
		await pollOnce();
		if (closed) return;
		const tick = () => {
			void pollOnce().finally(() => {
				if (!closed) poller = setTimeout(tick, pollMs).unref();
			});
		};
		poller = setTimeout(tick, pollMs).unref();
	};

	await addFolders(await foldersUnder(root));
	return {
		get mode() {
			return mode;
		},
		get reason() {
			return reason;
		},
		get folders() {
			return mode === 'events' ? watchers.size : times.size;
		},
		close() {
			closed = true;
			clearTimeout(timer);
			clearTimeout(poller);
			for (const watcher of watchers.values()) watcher.close();
			watchers.clear();
		},
	};
}
