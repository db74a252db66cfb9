// Worker thread entry (dist/search-worker.js in the bundle, see search-threads.ts): answers each batch it is sent
// with the files that hold the needle (search-match.ts).
import {parentPort, workerData} from 'node:worker_threads';
import type {Needle} from '../core/search/prefilter.ts';
import {matchingFiles} from './search-match.ts';
import type {SearchReply, SearchRequest, SearchWorkerData} from './search-threads.ts';

const {root, needle} = workerData as SearchWorkerData & {needle: Needle};
const port = parentPort!;

port.on('message', (request: SearchRequest) => {
	const hits = matchingFiles(root, needle, request.paths, request.items, request.sizes);
	port.postMessage({id: request.id, hits} satisfies SearchReply);
});
