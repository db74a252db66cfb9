// The first article rendered in a process pays for compiling and loading the pipeline's parts (the HTML
// parser and its formatters, the line-breaking tables, markdown): tens of milliseconds. Rendering two
// small samples once leaf is idle after indexing takes that cost off the first Enter.
import {useEffect, useRef} from 'react';
import type {Article} from '../core/article.ts';
import type {RenderLines} from './use-article-loader.ts';

/** After indexing, this long without work before the samples are rendered. */
const IDLE_DELAY_MS = 50;

const sample = (format: Article['format'], body: string): Article => ({
	id: `warm-up-${format}`,
	path: `warm-up.${format === 'html' ? 'html' : 'md'}`,
	title: '预热 Warm-up',
	date: new Date(0),
	author: 'leaf',
	categories: [['leaf', '预热']],
	tags: [],
	image: 'https://example.com/cover.png',
	link: null,
	warning: null,
	body,
	format,
});

const samples: readonly Article[] = [
	sample('html', '<h2>标题 Heading</h2><p>中文段落，带标点。English text with a <a href="https://example.com/">link</a> and <b>bold</b> 😀.</p>'
		+ '<ul><li>一</li><li>two<ol><li>three</li></ol></li></ul><blockquote><p>引用 quote</p></blockquote><pre><code>code()\n\tindented</code></pre>'
		+ '<table><tr><th>名</th><th>value</th></tr><tr><td>a</td><td>1</td></tr></table><img src="https://example.com/a.png" alt="图"><hr>'),
	sample('markdown', '# Title\n\n段落 *emphasis* and [a link](https://example.com/).\n\n- item\n- 项目\n\n```\ncode\n```\n'),
];

export function useRenderWarmUp(idle: boolean, width: number, renderLines: RenderLines): void {
	const done = useRef(false);
	useEffect(() => {
		if (done.current || !idle || width <= 0) return;
		const timer = setTimeout(() => {
			done.current = true;
			for (const article of samples) {
				try {
					renderLines(article, width);
				} catch {
					// A sample that fails to render costs nothing more; the real article will say why.
				}
			}
		}, IDLE_DELAY_MS);
		return () => clearTimeout(timer);
	}, [idle, width, renderLines]);
}
