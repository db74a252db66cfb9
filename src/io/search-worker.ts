// Worker thread entry (dist/search-worker.js in the bundle, see search-threads.ts): reads the files it is
// sent and answers which of them hold the needle in the text the reader shows.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parentPort, workerData} from 'node:worker_threads';
import {bodyMatches} from '../core/search/file-match.ts';
import type {Needle} from '../core/search/prefilter.ts';
import type {SearchReply, SearchRequest, SearchWorkerData} from './search-threads.ts';

const {root, needle} = workerData as SearchWorkerData & {needle: Needle};
const port = parentPort!;

port.on('message', (request: SearchRequest) => {
	port.postMessage({id: request.id, hits: matchingFiles(root, needle, request)} satisfies SearchReply);
});

function matchingFiles(root: string, needle: Needle, request: SearchRequest): number[] {
	const hits: number[] = [];
	request.paths.forEach((path, index) => {
		let source: string;
		try {
			source = readFileSync(join(root, path), 'utf8');
		} catch {
			return; // Gone or unreadable since the library was read: it cannot be shown either.
		}
		if (bodyMatches(source, needle)) hits.push(request.items[index]!);
	});
	return hits;
}
