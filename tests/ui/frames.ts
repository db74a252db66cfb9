// Helpers for rendered-frame tests.
import {displayWidth} from '../../src/core/text/width.ts';

/** Lines of a frame (Ink drops trailing spaces). */
export function frameLines(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

/** The widest line of a frame, in terminal columns. */
export function widestLine(frame: string | undefined): number {
	return Math.max(0, ...frameLines(frame).map(displayWidth));
}

/** Resolves once `condition` holds, polling between turns of the event loop; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, describe: () => string, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting: ${describe()}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
