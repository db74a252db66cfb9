// node:worker_threads, loaded when a worker is first started rather than with the modules that start workers:
// importing it costs about 4 ms of every start, and a small library, or a session with no full-text search,
// never starts one.
import {createRequire} from 'node:module';

type WorkerThreads = typeof import('node:worker_threads');

let loaded: WorkerThreads | undefined;

export function workerThreads(): WorkerThreads {
	return (loaded ??= createRequire(import.meta.url)('node:worker_threads') as WorkerThreads);
}
