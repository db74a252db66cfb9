// The first article opened in a process pays for compiling and loading what draws it: the render pipeline (the
// HTML parser and its formatters, the line-breaking tables, markdown) and Ink's drawing of long styled lines,
// tens of milliseconds each. Rendering samples and drawing a few reader frames nobody sees, once the library is
// read, in small steps while the app is idle, takes that cost off the first Enter. Not before: a step in the middle
// of the first load (a sample takes 40-70 ms) would hold the walk that counts the library, for nothing on screen.
import {useLayoutEffect, useRef} from 'react';
import type {Article} from '../core/article/article.ts';
import type {Line} from '../core/render/lines.ts';
import {OffscreenReader} from './offscreen-reader.tsx';
import type {Theme} from './theme.ts';
import type {RenderLines} from './use-article-loader.ts';

/** This long without a change of state before the next step. */
const IDLE_DELAY_MS = 15;
/** Reader frames drawn offscreen, one per step. */
const FRAMES = 6;

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

const htmlSample = sample(
	'html',
	'<h2>标题 Heading</h2><p>中文段落，带标点。English text with a <a href="https://example.com/">link</a> and <b>bold</b> 😀.</p>' +
		'<ul><li>一</li><li>two<ol><li>three</li></ol></li></ul><blockquote><p>引用 quote</p></blockquote><pre><code>code()\n\tindented</code></pre>' +
		'<table><tr><th>名</th><th>value</th></tr><tr><td>a</td><td>1</td></tr></table><img src="https://example.com/a.png" alt="图"><hr>' +
		`<p>${'一段足够长的中文，让阅读器的每一行都写满。Latin words between them, 还有标点符号。'.repeat(30)}</p>`,
);

const markdownSample = sample(
	'markdown',
	'# Title\n\n段落 *emphasis* and [a link](https://example.com/).\n\n- item\n- 项目\n\n```\ncode\n```\n',
);

interface WarmUpTarget {
	/** Whether the steps may run: false until the first load has ended. */
	ready: boolean;
	width: number;
	height: number;
	theme: Theme;
	renderLines: RenderLines;
}

type Step = (target: Omit<WarmUpTarget, 'ready'>) => void;

/** The steps, in order of use: the HTML pipeline (most articles), reader frames, markdown; and a stop for the frames. */
function warmUp(): {steps: Step[]; stop: () => void} {
	let lines: readonly Line[] = [];
	let reader: OffscreenReader | null = null;
	const stop = () => {
		reader?.close();
		reader = null;
	};
	const frames = Array.from({length: FRAMES}, (_, frame): Step => (target) => {
		reader ??= new OffscreenReader(lines, target.width, target.height, target.theme);
		reader.draw(frame);
	});
	const steps: Step[] = [
		(target) => {
			lines = target.renderLines(htmlSample, target.width);
		},
		...frames,
		stop,
		(target) => {
			target.renderLines(markdownSample, target.width);
		},
	];
	return {steps, stop};
}

/**
 * Runs the steps, one per turn of the event loop, each once `activity` (any value that changes when the app does
 * something: its state) has been still for IDLE_DELAY_MS: between the batches of an indexing and the keys of the
 * user, never in their way for longer than one step.
 */
export function useRenderWarmUp(activity: unknown, target: WarmUpTarget): void {
	const warm = useRef<ReturnType<typeof warmUp> | null>(null);
	warm.current ??= warmUp();
	const {ready, width, height, theme, renderLines} = target;
	// A layout effect: the timer is re-armed in the commit itself, before a timer already due can run.
	useLayoutEffect(() => {
		const pending = warm.current?.steps;
		if (!ready || !pending || pending.length === 0 || width <= 0 || height <= 0) return;
		let timer: NodeJS.Timeout | undefined;
		const step = () => {
			try {
				pending.shift()?.({width, height, theme, renderLines});
			} catch {
				// A step that fails costs nothing more; the real article will say what is wrong.
			}
			if (pending.length > 0) timer = setTimeout(step, IDLE_DELAY_MS);
		};
		timer = setTimeout(step, IDLE_DELAY_MS);
		return () => clearTimeout(timer);
	}, [activity, ready, width, height, theme, renderLines]);
	// Unmounted half-way: the offscreen pane goes too.
	useLayoutEffect(() => () => warm.current?.stop(), []);
}
