// The article loader's cache: a read that failed is not kept, so opening the article again reads it again.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import type {Article, ArticleMeta} from '../../src/core/article/article.ts';
import {renderArticle} from '../../src/core/render/render.ts';
import {App} from '../../src/ui/app.tsx';
import {sampleArticles} from '../helpers/browser-state.ts';
import {waitUntil} from './frames.ts';

const ESC = '\u001b';
const DOWN = `${ESC}[B`;
const UP = `${ESC}[A`;
const LEFT = `${ESC}[D`;

test('a failed read is not kept: opening the article again reads it again', async () => {
	let failing = true;
	const reads: string[] = [];
	const articles = sampleArticles();
	const app = render(
		<App
			libraryName="library"
			columns={100}
			rows={20}
			loadArticle={(meta: ArticleMeta): Promise<Article> => {
				reads.push(meta.path);
				if (failing && meta.path === 'b.md') return Promise.reject(new Error('disk on fire'));
				return Promise.resolve({...meta, body: `<p>Body of ${meta.path}.</p>`, format: 'html'});
			}}
			renderLines={(article, width) => renderArticle(article, {width})}
			onReadChanges={() => undefined}
			onQuit={() => undefined}
			connect={(dispatch) => {
				dispatch({type: 'articlesAdded', articles, progress: {done: articles.length, total: articles.length}});
				dispatch({type: 'loadingFinished'});
			}}
		/>,
	);
	const frame = () => app.lastFrame() ?? '';
	const until = (condition: (text: string) => boolean) => waitUntil(() => condition(frame()), frame);
	try {
		await until((text) => text.includes('6 articles'));
		app.stdin.write(DOWN);
		app.stdin.write('\r');
		await until((text) => text.includes('disk on fire'));
		const failedReads = reads.filter((path) => path === 'b.md').length;
		assert.ok(failedReads >= 1);
		failing = false;
		// Another article, then back: opening the open article again keeps its reader as it is.
		app.stdin.write(LEFT);
		app.stdin.write(DOWN);
		app.stdin.write('\r');
		await until((text) => text.includes('Body of c.md'));
		app.stdin.write(LEFT);
		app.stdin.write(UP);
		app.stdin.write('\r');
		await until((text) => text.includes('Body of b.md'));
		assert.ok(reads.filter((path) => path === 'b.md').length > failedReads, 'b.md was read again');
	} finally {
		app.unmount();
	}
});
