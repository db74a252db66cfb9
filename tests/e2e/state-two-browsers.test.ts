// Read state that is never lost, through the real `bin/leaf.js` (run `npm run build` first) in tmux:
// two browsers on one state file keep each other's marks, whichever quits first.
// (SIGTERM/SIGHUP right after opening an article are in browser.test.ts.)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {join} from 'node:path';
import type {Pane} from './tmux.ts';
import {
	down,
	home,
	listJson,
	makeLibrary,
	openArticle,
	quit,
	readTitles,
	startBrowser,
	waitForMarks,
} from './state-harness.ts';

const quitOrders = ['A first', 'B first', 'both at once'] as const;

/** Quits both instances in the given order; each flushes its marks on the way out. */
async function quitBoth(a: Pane, b: Pane, order: (typeof quitOrders)[number]): Promise<void> {
	if (order === 'both at once') {
		a.keys('Q');
		b.keys('Q');
		assert.deepEqual(await Promise.all([a.waitForExit(), b.waitForExit()]), [0, 0]);
		a.close();
		b.close();
	} else {
		const [first, second] = order === 'A first' ? [a, b] : [b, a];
		await quit(first);
		await quit(second);
	}
}

for (const order of quitOrders) {
	test(`two browsers on one state file keep each other's marks (quitting ${order})`, {timeout: 90_000}, async () => {
		const library = makeLibrary();
		const config = mkdtempSync(join(home, 'config-'));

		// Both start before either has written anything.
		let [a, b] = [await startBrowser(library, config), await startBrowser(library, config)];
		await openArticle(a, 'Alpha note');
		await openArticle(b, 'Bravo note');
		await quitBoth(a, b, order);
		assert.deepEqual(readTitles(listJson(library, config)), ['Alpha note', 'Bravo note']);

		[a, b] = [await startBrowser(library, config), await startBrowser(library, config)];
		for (const pane of [a, b])
			await waitForMarks(pane, {'Alpha note': true, 'Bravo note': true, 'Charlie note': false});
		// Both start where the last to quit was (its article open): back to the list, at the top.
		for (const pane of [a, b]) pane.keys('Escape', 'g');
		a.keys('m');
		b.keys(...down['Charlie note'], 'm');
		await waitForMarks(a, {'Alpha note': false});
		await waitForMarks(b, {'Charlie note': true});
		await quitBoth(a, b, order);
		assert.deepEqual(readTitles(listJson(library, config)), ['Bravo note', 'Charlie note']);
	});
}
