// Worker thread entry (dist/scan-worker.js in the bundle, see scan-threads.ts): walks the library
// when asked, then reads the front matter of the files it is sent. The parser (gray-matter,
// js-yaml) is loaded on the first parse request, so the walk starts without waiting for it.
import {parentPort, workerData} from 'node:worker_threads';
import {walkLibrary} from './library-walk.ts';
import type {ScanReply, ScanRequest, ScanWorkerData} from './scan-threads.ts';

const {root} = workerData as ScanWorkerData;
const port = parentPort!;
let parser: Promise<typeof import('./scan-head.ts')> | undefined;

const reply = (message: ScanReply) => port.postMessage(message);

port.on('message', (request: ScanRequest) => {
	handle(request).catch((error: unknown) =>
		reply({type: 'failed', message: error instanceof Error ? error.message : String(error)}),
	);
});

async function handle(request: ScanRequest): Promise<void> {
	if (request.type === 'walk') {
		let warnings: string[] = [];
		for (const batch of walkLibrary(root, (line) => warnings.push(line))) {
			port.postMessage({type: 'found', batch, warnings} satisfies ScanReply, [batch.stats.buffer as ArrayBuffer]);
			warnings = [];
		}
		reply({type: 'walked', warnings});
		return;
	}
	parser ??= import('./scan-head.ts');
	const {parseFound} = await parser;
	reply({type: 'parsed', id: request.id, ...parseFound(root, request.paths)});
}
