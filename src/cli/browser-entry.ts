// The browser's entry in its own bundle, dist/browser.cjs (with dist/browser-later.cjs for what it imports later:
// scripts/build.mjs), which main.ts runs through src/io/browser-script.ts (under tsx it imports this module). Only
// plain values cross from one bundle to the other: each has its own copy of the modules both use, so an error class
// of one is not the other's.
// First: yoga's WebAssembly then compiles (on another thread) while the rest of the script is evaluated.
import '../ui/layout-engine.ts';
import {browse} from './browse.ts';
import {LibraryError, assertLibraryFolder} from '../io/library.ts';

/** How the browser ended: its exit code, or the reason the folder is no library to browse. */
export type BrowserOutcome = {exitCode: number} | {refused: string};

export async function runBrowser(root: string): Promise<BrowserOutcome> {
	try {
		await assertLibraryFolder(root);
	} catch (error) {
		if (error instanceof LibraryError) return {refused: error.message};
		throw error;
	}
	return {exitCode: await browse({root})};
}
