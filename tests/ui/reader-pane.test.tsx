import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import type {Line} from '../../src/core/render/lines.ts';
import type {ReaderState} from '../../src/core/browser/types.ts';
import {ReaderPane} from '../../src/ui/reader-pane.tsx';
import {defaultTheme} from '../../src/ui/theme.ts';
import {frameLines, widestLine} from './frames.ts';

const reader = (
	lines: Line[],
	scroll = 0,
	status: ReaderState['status'] = 'ready',
	message: string | null = null,
): ReaderState => ({item: 0, status, lines, width: 39, scroll, message});

const body: Line[] = [
	{text: 'The title', style: 'title'},
	{text: 'Ann · 2022-02-02', style: 'meta'},
	{text: '', style: 'body'},
	...Array.from({length: 30}, (_, index): Line => ({
		text: `第${index}行：这一行正好是三十九列宽的中文内容测试文字。`.slice(0, 19),
		style: 'body',
	})),
];

test('the lines on screen, after a one-column margin, exactly as rendered', () => {
	const {lastFrame} = render(
		<ReaderPane reader={reader(body)} width={40} textWidth={39} height={8} theme={defaultTheme} />,
	);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, 8);
	assert.deepEqual(lines.slice(0, 4), [' The title', ' Ann · 2022-02-02', '', ` ${body[3]?.text}`]);
	assert.ok(widestLine(lastFrame()) <= 40);
});

test('scrolled: the screen starts at the scroll line', () => {
	const {lastFrame} = render(
		<ReaderPane reader={reader(body, 10)} width={40} textWidth={39} height={5} theme={defaultTheme} />,
	);
	assert.deepEqual(
		frameLines(lastFrame()),
		body.slice(10, 15).map((line) => ` ${line.text}`),
	);
});

test('loading and failed each say so; nothing open and nothing to preview is blank', () => {
	const cases: [ReaderState | null, RegExp][] = [
		[reader([], 0, 'loading'), /loading…/],
		[reader([], 0, 'failed', 'cannot read a.md: EACCES\u001b[31m'), /cannot read a\.md: EACCES$/m],
		[null, /^\s*$/],
	];
	for (const [state, expected] of cases) {
		const {lastFrame} = render(<ReaderPane reader={state} width={40} textWidth={39} height={5} theme={defaultTheme} />);
		assert.match(lastFrame() ?? '', expected);
		assert.doesNotMatch(lastFrame() ?? '', /\u001b/, 'no escape sequence from a message reaches the screen');
	}
});

test('styled spans take exactly the columns of the plain text', () => {
	const line: Line = {
		text: 'b i c k',
		style: 'body',
		spans: [
			{text: 'b', styles: ['bold']},
			{text: ' ', styles: []},
			{text: 'i', styles: ['italic']},
			{text: ' ', styles: []},
			{text: 'c', styles: ['code']},
			{text: ' ', styles: []},
			{text: 'k', styles: ['kbd']},
		],
	};
	const code: Line = {
		text: '↪ tail',
		style: 'code',
		spans: [
			{text: '↪', styles: ['continuation']},
			{text: ' tail', styles: []},
		],
	};
	const {lastFrame} = render(
		<ReaderPane reader={reader([line, code])} width={40} textWidth={39} height={2} theme={defaultTheme} />,
	);
	const frame = lastFrame() ?? '';
	assert.deepEqual(frameLines(frame), [' b i c k', ' ↪ tail']);
	// The attributes themselves are the theme's (tests/core/render/theme.test.ts); this frame has no colour.
});

test('with no article open, the preview is drawn from its top, with the margin asked for', () => {
	const body = Array.from({length: 20}, (_, index) => ({text: `preview line ${index}`, style: 'body' as const}));
	const {lastFrame} = render(
		<ReaderPane reader={null} preview={body} width={60} textWidth={40} margin={10} height={3} theme={defaultTheme} />,
	);
	assert.deepEqual(frameLines(lastFrame()), [
		'          preview line 0',
		'          preview line 1',
		'          preview line 2',
	]);
});
