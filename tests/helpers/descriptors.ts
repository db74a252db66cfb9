// Open file descriptors, for tests that check nothing is left open. Counting all of the process's descriptors is
// racy (the runtime opens and closes its own at any time), so only those on files under a test's own folder count.
import {readdirSync, readlinkSync} from 'node:fs';

/** The files under `dir` this process holds open (a deleted one ends in " (deleted)"). */
export function descriptorsUnder(dir: string): string[] {
	const open: string[] = [];
	for (const fd of readdirSync('/proc/self/fd')) {
		let target: string;
		try {
			target = readlinkSync(`/proc/self/fd/${fd}`);
		} catch {
			continue; // closed since the listing (readdir's own descriptor among them)
		}
		if (target.startsWith(`${dir}/`)) open.push(target);
	}
	return open;
}
