import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {visibleArticles} from '../../src/core/browser/selectors.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {ListPane, UNREAD_MARK} from '../../src/ui/list-pane.tsx';
import {defaultTheme} from '../../src/ui/theme.ts';
import {meta, run, stateWith} from '../helpers/browser-state.ts';
import {frameLines, widestLine} from './frames.ts';

const articles = [
	meta('short.md', {title: 'Short title', author: 'Ann Author', date: '2022-02-02T10:00:00'}),
	meta('long.md', {
		title: '袁家军到富阳检查指导疫情防控工作：巩固放大既有成果 加快实现动态清零',
		author: '趣头条',
		date: '2022-02-01T10:00:00',
	}),
	meta('undated.md', {title: 'No date here', date: null}),
];

function drawList(width: number, options: {readIds?: string[]; rows?: number; focused?: boolean; down?: number} = {}) {
	const state = run(
		stateWith(articles, {readIds: options.readIds, rows: options.rows ?? 20}),
		...Array(options.down ?? 0).fill('down'),
	);
	const height = state.layout.bodyHeight;
	const {lastFrame} = render(
		<ListPane
			articles={visibleArticles(state)}
			width={width}
			height={height}
			focused={options.focused ?? true}
			theme={defaultTheme}
			emptyText="No articles here."
		/>,
	);
	return lastFrame() ?? '';
}

test('rows are cut to the pane width, by display width, with an ellipsis; never wrapped', () => {
	for (const width of [20, 30, 45, 60]) {
		const frame = drawList(width);
		const lines = frameLines(frame);
		assert.ok(widestLine(frame) <= width, `width ${width}: ${frame}`);
		assert.match(lines[1] ?? '', /…/, `width ${width}: the long Chinese title is cut`);
		assert.equal(lines.filter((line) => line.trim() !== '').length, 3, `width ${width}: one line per article`);
	}
});

test('a row: unread mark, date from 30 columns, author from 60', () => {
	const cases: [number, boolean, boolean][] = [
		[25, false, false],
		[45, true, false],
		[80, true, true],
	];
	for (const [width, hasDate, hasAuthor] of cases) {
		const first = frameLines(drawList(width))[0] ?? '';
		assert.ok(first.includes(UNREAD_MARK), `${width}: ${first}`);
		assert.equal(first.includes('2022-02-02'), hasDate, `${width}: ${first}`);
		assert.equal(first.includes('Ann Author'), hasAuthor, `${width}: ${first}`);
		assert.ok(first.includes('Short title'));
	}
	const undated = frameLines(drawList(45))[2] ?? '';
	assert.match(undated, new RegExp(`^ ${UNREAD_MARK} {12}No date here`), 'an undated row keeps the title column');
});

test('read rows have no mark', () => {
	const lines = frameLines(drawList(60, {readIds: ['id:long.md']}));
	assert.deepEqual(
		lines.slice(0, 3).map((line) => line.includes(UNREAD_MARK)),
		[true, false, true],
	);
});

test('only the rows on screen are drawn', () => {
	const many = Array.from({length: 500}, (_, index) => meta(`${String(index).padStart(3, '0')}.md`));
	const state = run(stateWith(many, {rows: 12}), ...Array(100).fill('down'));
	const {lastFrame} = render(
		<ListPane
			articles={visibleArticles(state)}
			width={40}
			height={state.layout.bodyHeight}
			focused
			theme={defaultTheme}
			emptyText=""
		/>,
	);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, state.layout.bodyHeight);
	assert.match(lines.at(-1) ?? '', /100$/, 'the cursor row is the last on screen');
	assert.ok(lines.every((line) => displayWidth(line) <= 40));
});

test('without attributes (TERM=dumb) the cursor row is marked with >', () => {
	const state = run(stateWith(articles), 'down');
	const {lastFrame} = render(
		<ListPane
			articles={visibleArticles(state)}
			width={40}
			height={5}
			focused
			theme={{color: false, cursorMarker: true}}
			emptyText=""
		/>,
	);
	assert.deepEqual(
		frameLines(lastFrame())
			.slice(0, 3)
			.map((line) => line[0]),
		[' ', '>', ' '],
	);
});

test('an empty list says so', () => {
	const {lastFrame} = render(
		<ListPane articles={[]} width={40} height={5} focused theme={defaultTheme} emptyText="No unread articles here." />,
	);
	assert.match(lastFrame() ?? '', /No unread articles here\./);
});
