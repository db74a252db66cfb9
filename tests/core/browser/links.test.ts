import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseArticle} from '../../../src/core/article/article.ts';
import type {ArticleMeta} from '../../../src/core/article/article.ts';
import {onLinksCommand, openableUrl} from '../../../src/core/browser/links.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {renderArticle} from '../../../src/core/render/render.ts';
import {recordReferences} from '../../../src/core/render/references.ts';
import {bodyLines, meta, run, stateWith} from '../../helpers/browser-state.ts';

const source = `---
title: Links
link: https://example.com/posts/links.html
---
See [one](https://one.example/a?b=1&c=2), [two](../other.html) and ![pic](https://img.example/p.png).
Also [again](https://one.example/a?b=1&c=2), [mail](mailto:me@example.com), [file](file:///etc/passwd).
`;

/** The article opened in the reader with its lines rendered by the real pipeline. */
function opened(options: {link?: string | null; focus?: 'reader' | 'list'} = {}): BrowserState {
	const article = parseArticle(source, 'links.md');
	const item: ArticleMeta = {...meta('links.md'), link: options.link === undefined ? article.link : options.link};
	let state = run(stateWith([item, meta('plain.md', {date: '2020-01-01T00:00:00Z'})]), 'open');
	const width = state.layout.readerTextWidth;
	state = reducer(state, {type: 'readerLoaded', item: 0, width, lines: renderArticle(article, {width})});
	return options.focus === 'list' ? run(state, 'focusLeft') : state;
}

const press = (state: BrowserState, key: string) => reducer(state, {type: 'command', command: 'openReference', key});

test('openableUrl: web, mail and ftp links, relative ones against the source link; nothing else', () => {
	const cases: [string, string | null, string | null][] = [
		['https://a.example/x?y=1', null, 'https://a.example/x?y=1'],
		['http://a.example', null, 'http://a.example/'],
		['mailto:me@example.com', null, 'mailto:me@example.com'],
		['../other.html', 'https://example.com/posts/a.html', 'https://example.com/other.html'],
		['/root', 'https://example.com/posts/a.html', 'https://example.com/root'],
		['../other.html', null, null],
		['file:///etc/passwd', null, null],
		['data:text/html,<b>x</b>', null, null],
		['javascript:alert(1)', null, null],
		// The parser percent-encodes what a browser would: no space or quote reaches the opener raw.
		['https://a.example/a b"c', null, 'https://a.example/a%20b%22c'],
	];
	for (const [url, base, expected] of cases) assert.equal(openableUrl(url, base), expected, url);
});

test('digits in the reader open reference n; the same URL keeps its first number', () => {
	const state = opened();
	assert.deepEqual(press(state, '1').request, {
		kind: 'openUrl',
		url: 'https://one.example/a?b=1&c=2',
		label: '[1] https://one.example/a?b=1&c=2',
	});
	assert.deepEqual(press(state, '2').request, {
		kind: 'openUrl',
		url: 'https://example.com/other.html',
		label: '[2] https://example.com/other.html',
	});
	assert.deepEqual(press(state, '3').request, {
		kind: 'openUrl',
		url: 'https://img.example/p.png',
		label: '[3] https://img.example/p.png',
	});
	assert.deepEqual(press(state, '4').request, {
		kind: 'openUrl',
		url: 'mailto:me@example.com',
		label: '[4] mailto:me@example.com',
	});
	const file = press(state, '5');
	assert.equal(file.request, null);
	assert.equal(file.notice, '[5] file:///etc/passwd is not a web link: y copies it instead.');
	const missing = press(state, '9');
	assert.equal(missing.request, null);
	assert.equal(missing.notice, 'This article has no reference [9].');
	// In the list, digits do nothing.
	assert.equal(press(opened({focus: 'list'}), '1').request, null);
});

test('L lists the references; moving, Enter opening, y copying, a digit, Esc closing', () => {
	let state = run(opened(), 'links');
	assert.deepEqual(state.overlay, {kind: 'links', cursor: {index: 0, scroll: 0}});
	state = run(state, 'down', 'down');
	assert.equal(state.overlay?.kind === 'links' && state.overlay.cursor.index, 2);
	assert.deepEqual(run(state, 'open').request, {
		kind: 'openUrl',
		url: 'https://img.example/p.png',
		label: '[3] https://img.example/p.png',
	});
	assert.deepEqual(run(state, 'copyUrl').request, {
		kind: 'copyUrl',
		url: 'https://img.example/p.png',
		label: '[3] https://img.example/p.png',
	});
	const byDigit = reducer(state, {type: 'command', command: 'openReference', key: '1'});
	assert.equal(byDigit.request?.kind === 'openUrl' ? byDigit.request.url : null, 'https://one.example/a?b=1&c=2');
	assert.equal(byDigit.overlay?.kind === 'links' && byDigit.overlay.cursor.index, 0);
	assert.equal(run(state, 'bottom', 'bottom').overlay?.kind === 'links', true);
	assert.equal(run(state, 'back').overlay, null);
	assert.equal(run(state, 'links').overlay, null);
	assert.equal(run(state, 'quit').quit, false, 'q closes the list, it does not quit');
});

test('L with no article open, or an article without links, says so', () => {
	assert.equal(run(stateWith([meta('a.md')]), 'links').notice, 'Open an article first: L lists its links.');
	let state = run(stateWith([meta('a.md')]), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: [{text: 'no links', style: 'body'}]});
	assert.equal(run(state, 'links').notice, 'This article has no links.');
	assert.equal(run(state, 'links').overlay, null);
});

test('o opens the source link, else the first reference; y copies the source link', () => {
	assert.deepEqual(run(opened(), 'openSource').request, {
		kind: 'openUrl',
		url: 'https://example.com/posts/links.html',
		label: 'source https://example.com/posts/links.html',
	});
	assert.deepEqual(run(opened({link: null}), 'openSource').request, {
		kind: 'openUrl',
		url: 'https://one.example/a?b=1&c=2',
		label: '[1] https://one.example/a?b=1&c=2',
	});
	assert.deepEqual(run(opened(), 'copyUrl').request, {
		kind: 'copyUrl',
		url: 'https://example.com/posts/links.html',
		label: 'source https://example.com/posts/links.html',
	});
	const none = run(opened({link: null}), 'copyUrl');
	assert.equal(none.request, null);
	assert.equal(none.notice, 'This article has no source link: L lists its links to copy.');
	// From the list, o acts on the article under the cursor: here one never opened, without a source link.
	const list = run(opened({focus: 'list'}), 'down', 'openSource');
	assert.equal(list.request, null);
	assert.equal(list.notice, 'No source link: open the article for its links.');
});

test('openableUrl opens ftp links too', () => {
	assert.equal(openableUrl('ftp://files.example/pub/a.txt', null), 'ftp://files.example/pub/a.txt');
});

/** An article of `count` references, `https://r.example/1`…, open in the reader of a 12-row terminal. */
function manyLinks(count: number): BrowserState {
	let state = run(stateWith([meta('many.md')], {rows: 12}), 'open');
	const lines = bodyLines(3);
	recordReferences(
		lines,
		Array.from({length: count}, (_, index) => ({
			number: index + 1,
			url: `https://r.example/${index + 1}`,
			kind: 'link' as const,
		})),
	);
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines});
	return run(state, 'links');
}

const cursorOf = (state: BrowserState) => (state.overlay?.kind === 'links' ? state.overlay.cursor : null);

test('the links list moves by line and by page, its cursor keeping its row on a page move', () => {
	const top = manyLinks(20);
	assert.equal(top.layout.bodyHeight, 9, 'a list of 8 rows under its heading');
	assert.deepEqual(cursorOf(run(top, 'down')), {index: 1, scroll: 0});
	const overlay = top.overlay?.kind === 'links' ? top.overlay : assert.fail('the links list is open');
	assert.equal(onLinksCommand(top, overlay, 'up', undefined), top, 'nothing to move: the same state');
	const page = run(top, 'pageDown');
	assert.deepEqual(cursorOf(page), {index: 8, scroll: 8});
	const last = run(page, 'pageDown');
	assert.deepEqual(cursorOf(last), {index: 16, scroll: 12});
	const back = run(last, 'pageUp');
	assert.deepEqual(cursorOf(back), {index: 8, scroll: 4});
	assert.deepEqual(cursorOf(run(back, 'up')), {index: 7, scroll: 4});
	assert.deepEqual(cursorOf(run(back, 'top')), {index: 0, scroll: 0});
	const bottom = run(top, 'bottom');
	assert.deepEqual(cursorOf(bottom), {index: 19, scroll: 12});
	// A smaller terminal keeps the cursor on screen.
	const resized = reducer(bottom, {type: 'resized', columns: 120, rows: 8});
	assert.deepEqual(cursorOf(resized), {index: 19, scroll: 16});
	assert.deepEqual(run(bottom, 'open').request, {
		kind: 'openUrl',
		url: 'https://r.example/20',
		label: '[20] https://r.example/20',
	});
});

test('in the links list, a digit moves to its reference and opens it; an unknown one says so', () => {
	const state = manyLinks(5);
	const third = press(state, '3');
	assert.deepEqual(cursorOf(third), {index: 2, scroll: 0});
	assert.deepEqual(third.request, {kind: 'openUrl', url: 'https://r.example/3', label: '[3] https://r.example/3'});
	const missing = press(state, '9');
	assert.equal(missing.notice, 'This article has no reference [9].');
	assert.equal(missing.request, null);
	const none = reducer(state, {type: 'command', command: 'openReference'});
	assert.equal(none.notice, 'This article has no reference [].');
});

test('in the links list, q closes it, ? opens the help, other keys do nothing', () => {
	const state = manyLinks(3);
	const closed = run(state, 'quit');
	assert.equal(closed.overlay, null);
	assert.equal(closed.quit, false);
	assert.deepEqual(run(state, 'help').overlay, {kind: 'help', scroll: 0});
	assert.deepEqual(run(state, 'focusLeft').overlay, state.overlay);
	assert.equal(run(state, 'focusLeft').focus, state.focus);
});

test('a links cursor past the references (the article changed under it) opens and copies nothing', () => {
	const state = {...manyLinks(3), overlay: {kind: 'links' as const, cursor: {index: 7, scroll: 0}}};
	assert.equal(run(state, 'open').request, null);
	assert.equal(run(state, 'copyUrl').request, null);
	assert.deepEqual(run(state, 'open').overlay, state.overlay);
});

test('y in the links list copies a reference resolved when it can be, else as written', () => {
	let state = run(opened(), 'links', 'down');
	assert.deepEqual(run(state, 'copyUrl').request, {
		kind: 'copyUrl',
		url: 'https://example.com/other.html',
		label: '[2] ../other.html',
	});
	state = run(opened({link: null}), 'links');
	assert.deepEqual(run(state, 'copyUrl').request, {
		kind: 'copyUrl',
		url: 'https://one.example/a?b=1&c=2',
		label: '[1] https://one.example/a?b=1&c=2',
	});
	assert.deepEqual(run(state, 'down', 'copyUrl').request, {
		kind: 'copyUrl',
		url: '../other.html',
		label: '[2] ../other.html',
	});
});

test('y copies an absolute reference normalised, even without a source link', () => {
	let state = run(stateWith([meta('bare.md')]), 'open');
	const lines = bodyLines(1);
	recordReferences(lines, [{number: 1, url: 'http://bare.example', kind: 'link'}]);
	state = run(reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines}), 'links');
	assert.deepEqual(run(state, 'copyUrl').request, {
		kind: 'copyUrl',
		url: 'http://bare.example/',
		label: '[1] http://bare.example',
	});
});

test('L waits while the article loads; a partly rendered article lists its links', () => {
	const loading = run(stateWith([meta('a.md')]), 'open');
	assert.equal(loading.reader?.status, 'loading');
	const pressed = run(loading, 'links');
	assert.equal(pressed.overlay, null);
	assert.equal(pressed.notice, null);
	const lines = bodyLines(2);
	recordReferences(lines, [{number: 1, url: 'https://a.example/', kind: 'link'}]);
	const partial = reducer(loading, {type: 'readerLoaded', item: 0, width: 60, lines, partial: true});
	assert.equal(partial.reader?.status, 'partial');
	assert.deepEqual(run(partial, 'links').overlay, {kind: 'links', cursor: {index: 0, scroll: 0}});
});

test('o and y in an empty library do nothing', () => {
	const empty = stateWith([]);
	for (const command of ['openSource', 'copyUrl'] as const) {
		const after = run(empty, command);
		assert.equal(after.request, null);
		assert.equal(after.notice, null);
	}
});

test('o: a source link that is no web link gives way to the first reference', () => {
	const state = opened({link: 'file:///home/me/links.html'});
	assert.deepEqual(run(state, 'openSource').request, {
		kind: 'openUrl',
		url: 'https://one.example/a?b=1&c=2',
		label: '[1] https://one.example/a?b=1&c=2',
	});
});

test('o with the reader focused acts on its article, not on the one under the list cursor', () => {
	const state = {...opened(), list: {index: 1, scroll: 0}};
	assert.equal(state.focus, 'reader');
	assert.deepEqual(run(state, 'openSource').request, {
		kind: 'openUrl',
		url: 'https://example.com/posts/links.html',
		label: 'source https://example.com/posts/links.html',
	});
});

test('o without a source link: in the list with nothing open, or on an open article without links', () => {
	const list = run(stateWith([meta('a.md')]), 'openSource');
	assert.equal(list.notice, 'No source link: open the article for its links.');
	let state = run(stateWith([meta('a.md')]), 'open');
	state = reducer(state, {type: 'readerLoaded', item: 0, width: 60, lines: bodyLines(2)});
	const open = run(state, 'openSource');
	assert.equal(open.request, null);
	assert.equal(open.notice, 'This article has no links.');
});
