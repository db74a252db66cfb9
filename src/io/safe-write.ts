// Writing a file so that no failure can destroy what was there: the new bytes go to a temporary file next
// to it, every byte is accounted for (a short write or a full disk is an error, never a shorter file), the
// temporary file is flushed to the disk and only then renamed over the old one. conf's writer (atomically)
// took a short write for a whole one and renamed a cut file over the read marks.
import fs from 'node:fs';
import {open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {isProcessRunning} from './processes.ts';

/** Thrown when the file system took fewer bytes than it was given (a full disk, a quota). */
export class ShortWriteError extends Error {
	readonly code = 'ENOSPC';
}

/** `file.<pid>-<random>.tmp`: the pid tells a live writer's file from one left by a killed leaf. */
export function temporaryName(file: string): string {
	return `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
}

/** Writes `bytes` whole to `file` (see the top of this module). Throws; the old file is then untouched. */
export function writeFileSafelySync(file: string, bytes: Buffer, mode = 0o600): void {
	const temporary = temporaryName(file);
	let fd: number | null = fs.openSync(temporary, 'wx', mode);
	try {
		let written = 0;
		while (written < bytes.length) {
			const count = fs.writeSync(fd, bytes, written, bytes.length - written);
			if (!(count > 0)) throw new ShortWriteError(`only ${written} of ${bytes.length} bytes could be written`);
			written += count;
		}
		fs.fsyncSync(fd);
		// The size the file system reports, not the count it returned: a write that says more than it did is caught.
		const size = fs.fstatSync(fd).size;
		if (size !== bytes.length) throw new ShortWriteError(`only ${size} of ${bytes.length} bytes reached the disk`);
		fs.closeSync(fd);
		fd = null;
		fs.renameSync(temporary, file);
	} catch (error) {
		if (fd !== null) fs.closeSync(fd);
		fs.rmSync(temporary, {force: true});
		throw error;
	}
	syncFolder(dirname(file));
}

/**
 * The same, without blocking: for the index, which is written while the browser runs. `durable` false: not synced
 * before the rename, for a file that checks itself (a crash may then leave it damaged, never half of an old one).
 */
export async function writeFileSafely(
	file: string,
	parts: readonly Buffer[],
	{mode = 0o600, durable = true}: {mode?: number; durable?: boolean} = {},
): Promise<void> {
	const temporary = temporaryName(file);
	const total = parts.reduce((sum, part) => sum + part.length, 0);
	try {
		const handle = await open(temporary, 'wx', mode);
		try {
			for (const part of parts) {
				let written = 0;
				while (written < part.length) {
					const {bytesWritten} = await handle.write(part, written, part.length - written);
					if (!(bytesWritten > 0)) throw new ShortWriteError(`short write after ${written} bytes`);
					written += bytesWritten;
				}
			}
			if (durable) await handle.sync();
			const {size} = await handle.stat();
			if (size !== total) throw new ShortWriteError(`only ${size} of ${total} bytes reached the disk`);
		} finally {
			await handle.close();
		}
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, {force: true}).catch(() => undefined);
		throw error;
	}
}

/** The rename itself reaches the disk only with its folder; some file systems refuse to sync a folder. */
function syncFolder(folder: string): void {
	try {
		const fd = fs.openSync(folder, 'r');
		try {
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		// Best effort: the data itself is already on the disk.
	}
}

/** Removes `file.<pid>-<random>.tmp` files of processes that are gone; a running leaf's are left alone. */
export function removeAbandonedTemporariesSync(file: string): void {
	const prefix = `${basename(file)}.`;
	let names: string[];
	try {
		names = fs.readdirSync(dirname(file));
	} catch {
		return;
	}
	for (const name of names) {
		if (isAbandoned(name, prefix)) fs.rmSync(join(dirname(file), name), {force: true});
	}
}

export function isAbandoned(name: string, prefix: string): boolean {
	if (!name.startsWith(prefix)) return false;
	const pid = Number(/^(\d+)-[a-z0-9]*\.tmp$/.exec(name.slice(prefix.length))?.[1]);
	return Number.isInteger(pid) && !isProcessRunning(pid);
}
