// The browser's keys for going back, suspending, zooming and focus, and the reader's preview.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Command} from '../../../src/core/browser/keymap.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {previewLines} from '../../../src/core/browser/selectors.ts';
import {run, sampleArticles, stateWith} from '../../helpers/browser-state.ts';

test('q goes back a level (help, prompt, reader) and quits from the list or categories; Q and Ctrl-C quit from anywhere', () => {
	const state = stateWith(sampleArticles());
	const help = run(state, 'help');
	assert.equal(help.overlay?.kind, 'help');
	assert.equal(run(help, 'quit').overlay, null);
	assert.equal(run(help, 'quit').quit, false);
	assert.equal(run(help, 'back').overlay, null);
	assert.equal(run(help, 'help').overlay, null);
	assert.equal(run(help, 'quit', 'quit').quit, true);
	assert.equal(run(help, 'forceQuit').quit, true);
	assert.equal(run(state, 'markAllRead', 'forceQuit').quit, true);
	const prompt = run(state, 'markAllRead', 'quit');
	assert.equal(prompt.overlay, null, 'q closes the prompt');
	assert.equal(prompt.quit, false);
	const reading = run(state, 'open');
	const back = run(reading, 'quit');
	assert.equal(back.quit, false, 'q in the reader goes back to the list');
	assert.equal(back.focus, 'list');
	assert.equal(back.reader, null, 'the article is closed');
	assert.equal(run(reading, 'back').reader, null, 'Esc closes it too');
	assert.equal(run(reading, 'back', 'back').quit, false, 'Esc never quits');
	assert.equal(run(reading, 'quit', 'quit').quit, true);
	assert.equal(run(reading, 'forceQuit').quit, true);
	assert.equal(run(state, 'focusCategories', 'quit').quit, true);
	const small = run(stateWith(sampleArticles(), {rows: 8}), 'help');
	const bottom = run(small, 'bottom').overlay;
	assert.ok(bottom?.kind === 'help' && bottom.scroll > 0, 'help scrolls when it does not fit');
	assert.deepEqual(run(small, 'down', 'down', 'up').overlay, {kind: 'help', scroll: 1});
	assert.deepEqual(run(small, 'bottom', 'down').overlay, bottom, 'not past its end');
	assert.equal(run(small, 'bottom', 'top').overlay?.kind, 'help');
});

test('Ctrl-Z asks to suspend from anywhere (help, prompt), changing nothing else', () => {
	const state = stateWith(sampleArticles());
	for (const before of [state, run(state, 'help'), run(state, 'markAllRead'), run(state, 'open')]) {
		const after = run(before, 'suspend');
		assert.equal(after.suspends, before.suspends + 1);
		assert.deepEqual({...after, suspends: before.suspends}, before);
	}
});

test('an unknown key says so until the next key', () => {
	const state = stateWith(sampleArticles());
	const unknown = reducer(state, {type: 'unknownKey', key: 'x'});
	assert.equal(unknown.keyHint, 'x: no such key, ? for help');
	assert.equal(reducer(state, {type: 'unknownKey', key: 'ctrl-o'}).keyHint, 'Ctrl-O: no such key, ? for help');
	const next = run(unknown, 'down');
	assert.equal(next.keyHint, null);
	assert.equal(next.list.index, 1);
	assert.equal(run(unknown, 'up').keyHint, null, 'even a key that changes nothing else');
});

test('z zooms the focused pane to the whole width and back; on a narrow terminal it says why not', () => {
	const state = stateWith(sampleArticles(), {columns: 200, rows: 40});
	assert.equal(state.layout.mode, 'wide');
	const zoomed = run(state, 'zoom');
	assert.equal(zoomed.layout.mode, 'narrow');
	assert.equal(zoomed.layout.listWidth, 200);
	assert.equal(zoomed.layout.readerTextWidth, 80, 'the text keeps its measure');
	assert.equal(zoomed.layout.readerMargin, 60, 'and is centred');
	assert.equal(run(zoomed, 'zoom').layout.mode, 'wide');
	assert.equal(
		reducer(zoomed, {type: 'resized', columns: 160, rows: 40}).layout.mode,
		'narrow',
		'zoom outlives a resize',
	);
	const narrow = run(stateWith(sampleArticles(), {columns: 60, rows: 24}), 'zoom');
	assert.equal(narrow.layout.mode, 'narrow');
	assert.match(narrow.keyHint ?? '', /^z: one pane fills the screen already/);
});

test('the reader previews the article under the cursor while none is open, marking nothing read', () => {
	const state = stateWith(sampleArticles());
	const width = state.layout.readerTextWidth;
	const lines = [{text: 'first line', style: 'body' as const}];
	const under = state.rows[0] ?? -1;
	const previewed = reducer(state, {type: 'previewLoaded', prepared: {item: under, width, lines, partial: false}});
	assert.equal(previewLines(previewed)?.lines, lines);
	assert.equal(previewed.readChanges, state.readChanges, 'nothing marked read');
	assert.equal(previewed.library, state.library);
	const elsewhere = reducer(state, {
		type: 'previewLoaded',
		prepared: {item: state.rows[1] ?? -1, width, lines, partial: false},
	});
	assert.equal(elsewhere, state, 'lines for an article no longer under the cursor are dropped');
	assert.equal(previewLines(run(previewed, 'down')), null, 'the cursor moved on');
	const opened = run(previewed, 'open');
	assert.equal(opened.reader?.status, 'ready', 'opening starts from the previewed lines');
	assert.equal(opened.reader?.lines, lines);
	assert.equal(previewLines(opened), null, 'an open article is shown, not the preview');
	assert.equal(previewLines(run(opened, 'quit'))?.lines, lines, 'back in the list, the preview again');
});

test('focus: Tab cycles the panes (the reader once an article is open), arrows go left and right, Esc goes back', () => {
	const state = stateWith(sampleArticles());
	const cases: [Command[], string][] = [
		[['focusNext'], 'categories'],
		[['focusNext', 'focusNext'], 'list'],
		[['focusPrevious'], 'categories'],
		[['focusRight'], 'list'],
		[['focusLeft'], 'categories'],
		[['focusLeft', 'focusRight'], 'list'],
		[['open'], 'reader'],
		[['open', 'back'], 'list'],
		[['open', 'focusNext'], 'categories'],
		[['open', 'focusLeft', 'focusPrevious', 'focusPrevious'], 'reader'],
		[['open', 'back', 'focusPrevious', 'focusPrevious'], 'list'],
		[['open', 'focusLeft'], 'list'],
		[['open', 'focusLeft', 'focusRight'], 'reader'],
		[['focusCategories', 'back'], 'list'],
	];
	for (const [commands, focus] of cases) assert.equal(run(state, ...commands).focus, focus, commands.join(' '));
});

test('Tab into the category pane puts its cursor back on the category shown', () => {
	const moved = run(stateWith(sampleArticles()), 'focusCategories', 'down', 'down', 'focusRight');
	assert.equal(moved.focus, 'list');
	assert.equal(moved.categories.index, 2, 'left on Tech, not chosen');
	const back = run(moved, 'focusPrevious');
	assert.equal(back.focus, 'categories');
	assert.equal(back.categories.index, 0, 'All, the category shown');
});
