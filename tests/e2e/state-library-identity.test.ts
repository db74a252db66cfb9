// Read state that is never lost, through the real `bin/leaf.js` (run `npm run build` first) in tmux:
// marks follow a library folder that moves, and never pass between two libraries holding the same paths.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import {
	home,
	isMarkedUnread,
	listJson,
	makeLibrary,
	openArticle,
	quit,
	readTitles,
	startBrowser,
	waitForMarks,
} from './state-harness.ts';

test('a moved library folder keeps its read marks', {timeout: 60_000}, async () => {
	const library = makeLibrary();
	const config = mkdtempSync(join(home, 'config-'));
	const pane = await startBrowser(library, config);
	await openArticle(pane, 'Charlie note');
	await quit(pane);

	const moved = join(home, `moved-${library.slice(-6)}`, 'renamed library');
	mkdirSync(join(moved, '..'));
	renameSync(library, moved);
	assert.deepEqual(readTitles(listJson(moved, config)), ['Charlie note']);

	const again = await startBrowser(moved, config);
	const lines = (await waitForMarks(again, {'Charlie note': true})).split('\n');
	assert.ok(isMarkedUnread(lines, 'Alpha note') && isMarkedUnread(lines, 'Bravo note'), lines.join('\n'));
	await quit(again);
});

test('two libraries holding the same paths never share a mark (issue 11, finding 2)', {timeout: 60_000}, async () => {
	const first = makeLibrary();
	const second = makeLibrary();
	const config = mkdtempSync(join(home, 'config-'));
	const pane = await startBrowser(first, config);
	await openArticle(pane, 'Charlie note');
	await quit(pane);
	assert.deepEqual(readTitles(listJson(first, config)), ['Charlie note']);
	assert.deepEqual(readTitles(listJson(second, config)), [], 'a library never opened has no marks');
});
