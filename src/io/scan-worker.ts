// Worker thread entry (dist/scan-worker.js in the bundle, see scan-threads.ts): walks the library
// when asked, or stats the files the walking worker hands it (scan-walker.ts), then reads the front
// matter of the files it is sent. The parser (gray-matter, js-yaml) is loaded on the first parse
// request, so the walk starts without waiting for it.
import {parentPort, workerData} from 'node:worker_threads';
import type {ScanReply, ScanRequest, ScanWorkerData} from './scan-threads.ts';
import type {Post} from './scan-walker.ts';
import {helpWalk, walkShared} from './scan-walker.ts';

const {root} = workerData as ScanWorkerData;
const port = parentPort!;
let parser: Promise<typeof import('./scan-head.ts')> | undefined;

const post: Post = (message, transfer) => port.postMessage(message, transfer);
const reply = (message: ScanReply) => port.postMessage(message);

port.on('message', (request: ScanRequest) => {
	handle(request).catch((error: unknown) =>
		reply({type: 'failed', message: error instanceof Error ? error.message : String(error)}),
	);
});

async function handle(request: ScanRequest): Promise<void> {
	switch (request.type) {
		case 'walk':
			walkShared(root, request.helper, post);
			return;
		case 'help':
			helpWalk(root, request.port, post);
			return;
		case 'parse': {
			parser ??= import('./scan-head.ts');
			const {parseFound} = await parser;
			reply({type: 'parsed', id: request.id, ...parseFound(root, request.paths)});
		}
	}
}
