// A library's walk on the calling thread, a batch per turn of the event loop, and the source a load reads from
// when everything stays on that thread (scan-threads.ts decides); with the shapes both kinds of source share.
import {setImmediate as yieldToEventLoop} from 'node:timers/promises';
import type {FoundBatch} from './library-walk.ts';
import {walkLibrary} from './library-walk.ts';
import type {ParsedFiles} from './scan-head.ts';

/** Called for every batch of files the walk finds, and once more (with no files) when it ends. */
export type FoundHandler = (batch: FoundBatch, warnings: string[]) => void;

export const noFiles: FoundBatch = {paths: [], stats: new Float64Array(0)};

export interface ScanSource {
	/** Whether worker threads did any of the work so far. */
	readonly threaded: boolean;
	/** Resolves once the walk has ended and every batch was handed over. */
	readonly walked: Promise<void>;
	/** The front matter of the files at these relative paths. */
	parse(paths: string[]): Promise<ParsedFiles>;
	/** Ends the workers; harmless to call twice. */
	close(): void;
}

/** Files parsed between two yields to the event loop when parsing on the calling thread. */
const INLINE_CHUNK = 64;

/**
 * The walk on the calling thread, yielding to the event loop between batches (of `chunk` files at most); then the
 * empty batch.
 */
export async function walkHere(
	root: string,
	onFound: FoundHandler,
	closed: () => boolean,
	chunk?: number,
): Promise<void> {
	await yieldToEventLoop();
	let warnings: string[] = [];
	for (const batch of walkLibrary(root, (line) => warnings.push(line), {chunk})) {
		if (closed()) return;
		onFound(batch, warnings);
		warnings = [];
		await yieldToEventLoop();
	}
	if (!closed()) onFound(noFiles, warnings);
}

/** Everything on the calling thread, yielding to the event loop between batches. */
export function inlineSource(root: string, onFound: FoundHandler): ScanSource {
	let closed = false;
	const walked = walkHere(root, onFound, () => closed);
	walked.catch(() => undefined);
	return {
		threaded: false,
		walked,
		async parse(paths) {
			// The front-matter parsers are loaded when a file needs reading: an unchanged library needs none.
			const {parseFound} = await import('./scan-head.ts');
			const metas: ParsedFiles['metas'] = [];
			const warnings: string[] = [];
			for (let start = 0; start < paths.length && !closed; start += INLINE_CHUNK) {
				await yieldToEventLoop();
				const parsed = parseFound(root, paths.slice(start, start + INLINE_CHUNK));
				metas.push(...parsed.metas);
				warnings.push(...parsed.warnings);
			}
			return {metas, warnings};
		},
		close() {
			closed = true;
		},
	};
}
