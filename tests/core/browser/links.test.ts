import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseArticle} from '../../../src/core/article/article.ts';
import type {ArticleMeta} from '../../../src/core/article/article.ts';
import {openableUrl} from '../../../src/core/browser/links.ts';
import type {BrowserState} from '../../../src/core/browser/types.ts';
import {reducer} from '../../../src/core/browser/reducer.ts';
import {renderArticle} from '../../../src/core/render/render.ts';
import {meta, run, stateWith} from '../../helpers/browser-state.ts';

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
