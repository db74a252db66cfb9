// The walk as the scan workers share it (the worker entry, scan-worker.ts, only wires these to its
// port): the walking worker hands full batches of files to a helper to stat while it walks on, as
// long as the helper keeps up; the helper answers each batch as found. Thread-agnostic, so the
// tests drive both ends on one thread.
import type {MessagePort} from 'node:worker_threads';
import {receiveMessageOnPort} from 'node:worker_threads';
import {statFiles, walkLibrary} from './library-walk.ts';
import type {HelperMessage, ScanReply} from './scan-threads.ts';

/** Sends a reply to the main thread, handing over the listed buffers. */
export type Post = (reply: ScanReply, transfer: ArrayBuffer[]) => void;

/** Batches handed to the helper and not answered yet: one being statted, one waiting behind it. */
const HELPER_IN_FLIGHT = 2;

/**
 * Walks the tree. Once the helper has said 'ready' on `helper`, full batches go to it, unless two
 * are still unanswered; its answers are read without leaving the synchronous walk.
 */
export function walkShared(root: string, helper: MessagePort | undefined, post: Post, chunk?: number): void {
	let ready = false;
	let inFlight = 0;
	let handedOff = 0;
	const handOff = (relatives: string[]): boolean => {
		for (let received; helper && (received = receiveMessageOnPort(helper));) {
			if (received.message === 'ready') ready = true;
			else inFlight--;
		}
		if (!helper || !ready || inFlight >= HELPER_IN_FLIGHT) return false;
		helper.postMessage(relatives satisfies HelperMessage);
		inFlight++;
		handedOff++;
		return true;
	};
	let warnings: string[] = [];
	for (const batch of walkLibrary(root, (line) => warnings.push(line), {chunk, handOff})) {
		post({type: 'found', batch, warnings}, [batch.stats.buffer as ArrayBuffer]);
		warnings = [];
	}
	helper?.postMessage('end' satisfies HelperMessage);
	post({type: 'walked', warnings, handedOff}, []);
}

/** Stats the batches the walking worker hands over on `walker`, each answered as found, until 'end'. */
export function helpWalk(root: string, walker: MessagePort, post: Post): void {
	walker.on('message', (message: HelperMessage) => {
		if (typeof message === 'string') {
			walker.close();
			return;
		}
		const warnings: string[] = [];
		const batch = statFiles(root, message, (line) => warnings.push(line));
		post({type: 'found', batch, warnings, helped: true}, [batch.stats.buffer as ArrayBuffer]);
		walker.postMessage('done' satisfies HelperMessage);
	});
	walker.postMessage('ready' satisfies HelperMessage);
}
