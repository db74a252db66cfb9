// Other leaf processes: their lock files and temporary files are left alone while they run.

/** Whether a process with this id is running (ours or another user's). Ids below 1 name no one process. */
export function isProcessRunning(pid: number): boolean {
	if (!Number.isInteger(pid) || pid < 1) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
