// The user's seed and the real corpus live beside the checkout, in ../shared, and are never copied into the
// project. Tests over them skip with one line when it is absent; CI sets LEAF_REQUIRE_CORPUS=1, under which a
// missing corpus is a failure instead.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** The checkout's root folder, ending in a slash. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shared = new URL('../../../shared/', import.meta.url);

/** The user's own example article. */
export const seedPath = fileURLToPath(new URL('seeds/000_3f1e52e898d63139.md', shared));
/** 65 real articles of the seed's kind. */
export const corpusDir = fileURLToPath(new URL('corpus/real/', shared));

/**
 * The `skip` option for a test over `path`: false when it exists; else the reason to skip, or, when the corpus is
 * required, a thrown error that fails the file.
 */
export function skipUnlessShared(path: string): false | string {
	if (existsSync(path)) return false;
	const reason = `${path} is absent (the shared seed and corpus sit beside the checkout)`;
	if (process.env.LEAF_REQUIRE_CORPUS === '1') throw new Error(`LEAF_REQUIRE_CORPUS=1 but ${reason}`);
	return reason;
}
