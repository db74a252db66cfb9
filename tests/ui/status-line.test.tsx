import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {statusInfo} from '../../src/core/browser/selectors.ts';
import type {StatusInfo} from '../../src/core/browser/selectors.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {StatusLine, statusText} from '../../src/ui/status-line.tsx';
import {defaultTheme} from '../../src/ui/theme.ts';
import {run, sampleArticles, stateWith} from '../helpers/browser-state.ts';

const info: StatusInfo = {
	categoryPath: '新媒体 › 趣头条',
	unreadOnly: false,
	sort: 'newest',
	position: 4,
	count: 7,
	total: 100000,
	unread: 12,
	unreadAll: 3456,
	reading: {first: 38, last: 74, total: 120, percent: 45},
	loading: {done: 12345, total: 100000, finished: false},
};
const hints = ['? help  q quit', '? help'];

test('the status line labels each number with its scope; exactly the width', () => {
	const wide = statusText(info, 160, hints);
	assert.equal(displayWidth(wide), 160);
	assert.equal(
		wide,
		` 新媒体 › 趣头条 4/7  12 unread here, 3,456 in all  100,000 in library  indexing 12,345 / 100,000  lines 38-74 of 120 (45%)${' '.repeat(22)}? help  q quit `,
	);
});

test('narrower lines shorten and drop the least needed parts first; `? help` stays down to 20 columns', () => {
	const cases: [number, string][] = [
		[
			120,
			' 新媒体 › 趣头条 4/7  12 unread here, 3,456 in all  indexing 12,345 / 100,000  lines 38-74 of 120 (45%)  ? help  q quit ',
		],
		[80, ' 新媒体 › 趣头条 4/7  12 unread here  lines 38-74 of 120 (45%)   ? help  q quit '],
		[60, ' 新媒体 › 趣头… 4/7  12 unread here  45% of article  ? help '],
		[40, ' 新媒体 › … 4/7  45% of article  ? help '],
		[30, ' 新媒体 › 趣头条 4/7   ? help '],
		[20, ' 4/7         ? help '],
	];
	for (const [width, expected] of cases) {
		const line = statusText(info, width, hints);
		assert.equal(displayWidth(line), width, line);
		assert.equal(line, expected, `at ${width} columns`);
	}
});

test('no reading position when none is given (the reader is not on screen); unread-only is named', () => {
	const state = run(stateWith(sampleArticles()), 'toggleUnreadOnly');
	const line = statusText({...statusInfo(state), loading: {done: 6, total: 6, finished: true}}, 100, []);
	assert.equal(line, ` All (unread) 1/6  6 unread here, 6 in all  6 in library${' '.repeat(44)}`);
});

test('a prompt, or the hint about an unknown key, replaces the status line', () => {
	const prompt = render(
		<StatusLine
			info={info}
			width={60}
			hints={hints}
			prompt="Mark 3 unread articles in Tech read? (y/n)"
			keyHint={null}
			theme={defaultTheme}
		/>,
	);
	assert.match(prompt.lastFrame() ?? '', /^ Mark 3 unread articles in Tech read\? \(y\/n\)/);
	const unknown = render(
		<StatusLine
			info={info}
			width={60}
			hints={hints}
			prompt={null}
			keyHint="x: no such key, ? for help"
			theme={defaultTheme}
		/>,
	);
	assert.match(unknown.lastFrame() ?? '', /^ x: no such key, \? for help *$/);
});
