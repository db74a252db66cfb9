// Whether another leaf is still running, by its process id: its lock and temporary files are left alone while it is.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {isProcessRunning} from '../../src/io/processes.ts';
import {runUnprivileged, skipUnlessPermissionsHold, sourceUrl} from '../helpers/unprivileged.ts';

test('a running process is running; an id no process can have is not', () => {
	assert.equal(isProcessRunning(process.pid), true);
	assert.equal(isProcessRunning(process.ppid), true);
	// Process 1 (init) always runs.
	assert.equal(isProcessRunning(1), true);
	// Above Linux's largest process id (2^22).
	assert.equal(isProcessRunning(2 ** 22 + 1), false);
});

test('ids that name no one process are not running: 0 and -1 (a group, everyone), fractions, NaN', () => {
	for (const pid of [0, -1, -process.pid, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
		assert.equal(isProcessRunning(pid), false, String(pid));
});

test("another user's process is running (the system says EPERM)", {skip: skipUnlessPermissionsHold()}, () => {
	const seen = runUnprivileged(`
		import {isProcessRunning} from ${sourceUrl('src/io/processes.ts')};
		console.log(JSON.stringify([isProcessRunning(1), isProcessRunning(${2 ** 22 + 1})]));
	`);
	assert.deepEqual(seen, [true, false]);
});
