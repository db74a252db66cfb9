// Placeholder until the browser lands: the list, as in a pipe.
import {listLibrary} from './list.ts';

export async function browse(options: {root: string}): Promise<number> {
	await listLibrary(options.root, {json: false, unread: false});
	return 0;
}
