// Loaded into leaf with `node --import` by the e2e test of quitting while indexing: the last step of writing an
// index (the rename of its temporary file) takes 1.5 s, as on a slow disk, so that the test sees whether quitting
// waits for the stopped indexing to save what it read.
import fsp from 'node:fs/promises';
import {syncBuiltinESMExports} from 'node:module';

const rename = fsp.rename;
fsp.rename = async (from, to) => {
	if (/index-[0-9a-f]+\.bin$/.test(String(to))) await new Promise((resolve) => setTimeout(resolve, 1500));
	return rename(from, to);
};
syncBuiltinESMExports();
