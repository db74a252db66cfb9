// Waiting for a condition with a deadline: tests never sleep a fixed time, and a wait that runs out fails the test.
import {setTimeout as delay} from 'node:timers/promises';

/** Polls `condition` every `intervalMs`; throws, naming `what`, when it is still false after `timeoutMs`. */
export async function waitFor(
	condition: () => boolean,
	what: string,
	timeoutMs = 20_000,
	intervalMs = 5,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await delay(intervalMs);
	}
}
