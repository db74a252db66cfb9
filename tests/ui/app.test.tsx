import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import type {Article, ArticleMeta} from '../../src/core/article/article.ts';
import {renderArticle} from '../../src/core/render/render.ts';
import type {Action, ReadChange} from '../../src/core/browser/types.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {App} from '../../src/ui/app.tsx';
import {meta, sampleArticles} from '../helpers/browser-state.ts';
import {frameLines, waitUntil} from './frames.ts';

const ESC = '\u001b';
const DOWN = `${ESC}[B`;

const paragraph =
	'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';

interface MountOptions {
	/** Replaces the article reading (which by default gives every article a short HTML body at once). */
	loadArticle?: (article: ArticleMeta) => Promise<Article>;
	/** false: the library is still loading (no loadingFinished yet). */
	loaded?: boolean;
}

function mount(columns: number, rows: number, articles: ArticleMeta[] = sampleArticles(), options: MountOptions = {}) {
	const readChanges: ReadChange[] = [];
	const loaded: string[] = [];
	/** Ids of the articles rendered to lines (samples of the warm-up included). */
	const rendered: string[] = [];
	let quits = 0;
	let dispatch: ((action: Action) => void) | null = null;
	const app = render(
		<App
			libraryName="library"
			columns={columns}
			rows={rows}
			loadArticle={(article: ArticleMeta): Promise<Article> => {
				loaded.push(article.path);
				return (
					options.loadArticle?.(article) ??
					Promise.resolve({...article, body: `<p>${paragraph}</p><p>Body of ${article.path}.</p>`, format: 'html'})
				);
			}}
			renderLines={(article, width) => {
				rendered.push(article.id);
				return renderArticle(article, {width});
			}}
			onReadChanges={(changes) => readChanges.push(...changes)}
			onQuit={() => quits++}
			connect={(appDispatch) => {
				dispatch = appDispatch;
				appDispatch({type: 'articlesAdded', articles, progress: {done: articles.length, total: articles.length}});
				if (options.loaded !== false) appDispatch({type: 'loadingFinished'});
			}}
		/>,
	);
	const frame = () => app.lastFrame() ?? '';
	const until = (condition: (text: string) => boolean) => waitUntil(() => condition(frame()), frame);
	return {
		app,
		frame,
		until,
		readChanges,
		loaded,
		rendered,
		quits: () => quits,
		dispatch: (action: Action) => dispatch?.(action),
	};
}

function assertFits(frame: string, columns: number, rows: number) {
	const lines = frameLines(frame);
	assert.equal(lines.length, rows - 1, `a frame is one row shorter than the terminal:\n${frame}`);
	for (const line of lines) assert.ok(displayWidth(line) <= columns, `wider than ${columns}: ${line}`);
}

test('wide: category pane, list and reader side by side; Enter opens and marks read', async () => {
	const {app, frame, until, readChanges, loaded} = mount(100, 20);
	await until((text) => text.includes('6 articles'));
	assertFits(frame(), 100, 20);
	const [header, first] = frameLines(frame());
	assert.match(header ?? '', /^ Categories +│ All · 6 articles +│ (Preview · a|Reader)/);
	assert.match(first ?? '', /^✓All +6│ ● 2022-01-09 a /);
	app.stdin.write(DOWN);
	app.stdin.write('\r');
	await until((text) => text.includes('Lorem ipsum'));
	assertFits(frame(), 100, 20);
	assert.deepEqual(
		loaded.filter((path) => path !== 'a.md'),
		['b.md'],
		'b is read once (a may have been read ahead)',
	);
	assert.deepEqual(readChanges, [{id: 'id:b.md', read: true}]);
	assert.match(frame(), /5 unread/);
	assert.match(frameLines(frame())[2] ?? '', /│ {3}2022-01-08 b /, 'the read mark is gone');
	app.unmount();
});

test('narrow: one pane at a time; Enter shows the reader, Esc the list again', async () => {
	const {app, frame, until} = mount(60, 15);
	await until((text) => text.includes('6 articles'));
	assertFits(frame(), 60, 15);
	assert.doesNotMatch(frame(), /│/);
	app.stdin.write('\r');
	await until((text) => text.includes('Body of a.md'));
	assertFits(frame(), 60, 15);
	assert.doesNotMatch(frame(), /2022-01-08 b/, 'the list is not shown beside the reader');
	app.stdin.write(ESC);
	await until((text) => text.includes('2022-01-08 b'));
	app.stdin.write('c');
	await until((text) => /^ {3}Go +1$/m.test(text));
	app.unmount();
});

test('filter by a category from the keyboard, then quit with q', async () => {
	const {app, frame, until, quits} = mount(100, 20);
	await until((text) => text.includes('6 articles'));
	app.stdin.write('c');
	app.stdin.write('jj');
	app.stdin.write('\r');
	await until((text) => text.includes(' Tech 1/4'));
	assert.doesNotMatch(frame(), /2022-01-07 c/, 'c is not in Tech');
	app.stdin.write('q');
	await waitUntil(
		() => quits() === 1,
		() => `quit called ${quits()} times`,
	);
	app.unmount();
});

test('? shows the help made from the key table; A asks y/n', async () => {
	const {app, frame, until, readChanges} = mount(100, 30);
	await until((text) => text.includes('6 articles'));
	app.stdin.write('?');
	await until((text) => text.includes('Show only unread articles (toggle)'));
	assertFits(frame(), 100, 30);
	app.stdin.write('q');
	await until((text) => !text.includes('Show only unread articles'));
	app.stdin.write('A');
	await until((text) => text.includes('Mark 6 unread articles in All read? (y/n)'));
	app.stdin.write('y');
	await until((text) => text.includes('0 unread'));
	assert.equal(readChanges.length, 6);
	app.unmount();
});

test('a resize draws the next frame at the new size; below 20x5 one line says so', async () => {
	const {app, frame, until, dispatch} = mount(100, 20);
	await until((text) => text.includes('6 articles'));
	app.stdin.write('\r');
	await until((text) => text.includes('Lorem ipsum'));
	dispatch({type: 'resized', columns: 50, rows: 12});
	await until((text) => frameLines(text).length === 11 && text.includes('Lorem ipsum'));
	assertFits(frame(), 50, 12);
	const words = frameLines(frame()).join(' ').split(/\s+/);
	for (const word of paragraph.split(' ')) assert.ok(words.includes(word), `"${word}" is on screen whole`);
	dispatch({type: 'resized', columns: 19, rows: 12});
	await until((text) => text === 'terminal too small');
	dispatch({type: 'resized', columns: 30, rows: 6});
	await until((text) => text.includes('Ann · 2022-01-09'));
	assertFits(frame(), 30, 6);
	app.unmount();
});

test('with 20,000 articles only the rows on screen are drawn', async () => {
	const many = Array.from({length: 20_000}, (_, index) =>
		meta(`${String(index).padStart(5, '0')}.md`, {title: `Article ${index}`}),
	);
	const {app, frame, until} = mount(100, 20, many);
	await until((text) => text.includes('20,000 articles'));
	app.stdin.write('G');
	await until((text) => text.includes('20,000/20,000'));
	assertFits(frame(), 100, 20);
	assert.match(frame(), /Article 19999/);
	assert.doesNotMatch(frame(), /Article 0\b/);
	app.unmount();
});

test('the article under a resting cursor is read and rendered ahead: Enter shows it in the next frame', async () => {
	const {app, frame, until, loaded, rendered} = mount(60, 15);
	await until((text) => text.includes('6 articles'));
	app.stdin.write(DOWN);
	await waitUntil(
		() => rendered.includes('id:b.md'),
		() => `rendered: ${rendered.join(', ')}`,
	);
	const before = app.frames.length;
	app.stdin.write('\r');
	await until((text) => text.includes('Body of b.md'));
	assert.ok(
		app.frames.slice(before).every((shown) => !shown.includes('loading…')),
		'no "loading…" frame in between',
	);
	assert.deepEqual(
		loaded.filter((path) => path === 'b.md'),
		['b.md'],
		'read once',
	);
	assert.match(frame(), /Lorem ipsum/);
	app.unmount();
});

test('Enter while the article is still being read ahead waits for that read instead of reading it again', async () => {
	const reads = new Map<string, () => void>();
	const {app, until, loaded} = mount(60, 15, sampleArticles(), {
		loadArticle: (article) =>
			new Promise((resolve) => {
				reads.set(article.path, () => resolve({...article, body: `<p>Body of ${article.path}.</p>`, format: 'html'}));
			}),
	});
	await until((text) => text.includes('6 articles'));
	await waitUntil(
		() => reads.has('a.md'),
		() => `read: ${loaded.join(', ')}`,
	);
	app.stdin.write('\r');
	await until((text) => text.includes('loading…'));
	reads.get('a.md')?.();
	await until((text) => text.includes('Body of a.md'));
	assert.deepEqual(loaded, ['a.md']);
	app.unmount();
});

test('while the app is idle, samples are rendered and reader frames drawn where nothing shows', async () => {
	const {app, until, rendered} = mount(100, 20);
	await until((text) => text.includes('6 articles'));
	await waitUntil(
		() => rendered.includes('warm-up-html') && rendered.includes('warm-up-markdown'),
		() => `rendered: ${rendered.join(', ')}`,
	);
	assert.equal(rendered.filter((id) => id.startsWith('warm-up')).length, 2, 'each sample once');
	assert.ok(
		app.frames.every((shown) => !shown.includes('预热') && !shown.includes('Warm-up')),
		'nothing of the samples is on screen',
	);
	app.unmount();
});

test('no warm-up while the library is loading (it would hold the walk): it starts once loading has ended', async () => {
	const {app, until, rendered, dispatch} = mount(40, 20, sampleArticles(), {loaded: false});
	await until((text) => text.includes('6 articles'));
	// Many times the warm-up's idle delay.
	await new Promise((resolve) => setTimeout(resolve, 300));
	assert.deepEqual(
		rendered.filter((id) => id.startsWith('warm-up')),
		[],
	);
	dispatch({type: 'loadingFinished'});
	await waitUntil(
		() => rendered.includes('warm-up-html'),
		() => `rendered: ${rendered.join(', ')}`,
	);
	app.unmount();
});

test('side by side, the reader previews the article under the cursor; nothing is marked read until Enter', async () => {
	const {app, frame, until, readChanges} = mount(120, 20);
	await until((text) => text.includes('Body of a.md'));
	assert.match(frameLines(frame())[0] ?? '', /│ Preview · a *$/);
	app.stdin.write(DOWN);
	await until((text) => text.includes('Body of b.md'));
	assert.deepEqual(readChanges, []);
	assert.match(frame(), /6 unread here/);
	app.stdin.write('\r');
	await until((text) => /│ b *$/m.test(frameLines(text)[0] ?? ''));
	assert.deepEqual(readChanges, [{id: 'id:b.md', read: true}]);
	app.stdin.write('q');
	await until((text) => /│ Preview · b *$/.test(frameLines(text)[0] ?? ''));
	app.unmount();
});

test('an unknown key says so on the status line until the next key', async () => {
	const {app, frame, until} = mount(60, 15);
	await until((text) => text.includes('6 articles'));
	app.stdin.write('x');
	await until((text) => (frameLines(text).at(-1) ?? '').startsWith(' x: no such key, ? for help'));
	app.stdin.write('j');
	await until((text) => (frameLines(text).at(-1) ?? '').startsWith(' All 2/6'));
	assert.doesNotMatch(frame(), /no such key/);
	app.unmount();
});

test('in one pane, the reader names the open article on the top line', async () => {
	const {app, frame, until} = mount(60, 15);
	await until((text) => text.includes('6 articles'));
	assert.match(frameLines(frame())[0] ?? '', /^ library › All · 6 articles/);
	app.stdin.write('\r');
	await until((text) => text.includes('Body of a.md'));
	assert.match(frameLines(frame())[0] ?? '', /^ a *$/);
	app.unmount();
});
