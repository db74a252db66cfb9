import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {statusInfo} from '../../src/core/browser/selectors.ts';
import type {StatusInfo} from '../../src/core/browser/selectors.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {StatusLine, TitleLine, statusText} from '../../src/ui/status-line.tsx';
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
	readerPercent: 35,
	loading: {done: 12345, total: 100000, finished: false},
};

test('the status line: category path, position, counts, progress, hint; exactly the width', () => {
	const wide = statusText(info, 120, '? help  q quit');
	assert.equal(displayWidth(wide), 120);
	for (const part of [
		'新媒体 › 趣头条',
		'4/7',
		'indexing 12,345 / 100,000',
		'100000 articles',
		'12 unread',
		'35%',
		'? help  q quit',
	]) {
		assert.ok(wide.includes(part), `${part} in ${wide}`);
	}
	assert.ok(wide.trimEnd().endsWith('? help  q quit'), 'the hint is on the right');
});

test('narrower lines drop the least important parts first, never the position', () => {
	const cases: [number, string[], string[]][] = [
		[80, ['4/7', '12 unread', 'indexing', '100000 articles'], ['? help']],
		[50, ['4/7', '12 unread', 'indexing'], ['100000 articles', '? help']],
		[40, ['4/7', '12 unread'], ['indexing', '100000 articles', '? help']],
		[20, ['4/7', '12 unread'], ['indexing', '? help']],
		[8, ['4/7'], ['unread']],
	];
	for (const [width, present, absent] of cases) {
		const line = statusText(info, width, '? help  q quit');
		assert.equal(displayWidth(line), width, line);
		for (const part of present) assert.ok(line.includes(part), `${width}: ${part} in "${line}"`);
		for (const part of absent) assert.ok(!line.includes(part), `${width}: no ${part} in "${line}"`);
	}
});

test('done indexing: the count only; unread-only is shown with the path', () => {
	const state = run(stateWith(sampleArticles()), 'toggleUnreadOnly');
	const line = statusText({...statusInfo(state), loading: {done: 6, total: 6, finished: true}}, 100, '');
	assert.match(line, /^ All \(unread\) {2}1\/6 {2}6 articles {2}6 unread +$/);
});

test('a prompt replaces the status line', () => {
	const {lastFrame} = render(
		<StatusLine
			info={info}
			width={60}
			hint=""
			prompt="Mark 3 unread articles in Tech read? (y/n)"
			theme={defaultTheme}
		/>,
	);
	assert.match(lastFrame() ?? '', /^ Mark 3 unread articles in Tech read\? \(y\/n\)/);
});

test('the title line shows a notice, cleaned of control sequences, within the width', () => {
	const {lastFrame} = render(
		<TitleLine
			libraryName="content"
			notice={'state file was corrupted\u001b[2J; kept aside as config.json.bad'}
			width={50}
			theme={defaultTheme}
		/>,
	);
	const frame = lastFrame() ?? '';
	assert.match(frame, /^ leaf · content {2}state file was corrupted/);
	assert.doesNotMatch(frame, /\u001b/);
	assert.ok(displayWidth(frame) <= 50);
});
