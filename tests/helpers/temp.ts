// Temporary folders for tests, removed when the test file ends, and libraries written into them.
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after} from 'node:test';

/** A function that makes a fresh temporary folder each call; all of them are removed after the file's tests. */
export function tempFolders(prefix: string): () => string {
	const made: string[] = [];
	after(() => {
		for (const dir of made) {
			// A test may have taken the write bit away; as root rmSync would not care, as a user it would.
			chmodSync(dir, 0o755);
			rmSync(dir, {recursive: true, force: true});
		}
	});
	return () => {
		const dir = mkdtempSync(join(tmpdir(), prefix));
		made.push(dir);
		return dir;
	};
}

/** Write `files` (relative path -> text) under `root`, making folders as needed; returns `root`. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): string {
	mkdirSync(root, {recursive: true});
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), {recursive: true});
		writeFileSync(join(root, path), text);
	}
	return root;
}
