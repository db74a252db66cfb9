import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {categoryTree} from '../../src/core/browser/selectors.ts';
import {displayWidth} from '../../src/core/text/width.ts';
import {CategoryPane} from '../../src/ui/category-pane.tsx';
import {defaultTheme} from '../../src/ui/theme.ts';
import {meta, run, sampleArticles, stateWith} from '../helpers/browser-state.ts';
import {frameLines} from './frames.ts';

test('All first, then the tree with children indented and unread counts right-aligned; the shown one marked', () => {
	const state = stateWith(sampleArticles(), {readIds: ['id:c.md', 'id:e.md']});
	const {lastFrame} = render(
		<CategoryPane
			categories={categoryTree(state.library)}
			cursor={state.categories}
			active={null}
			width={20}
			height={10}
			focused={false}
			theme={defaultTheme}
		/>,
	);
	const lines = frameLines(lastFrame());
	assert.deepEqual(
		lines.slice(0, 5).map((line) => line.trimEnd()),
		['✓All               4', ' Life', ' Tech              3', '   Go              1', '   Rust            1'],
	);
});

test('names are cut to the pane, counts kept; only rows on screen are drawn', () => {
	const articles = Array.from({length: 40}, (_, index) =>
		meta(`${index}.md`, {categories: [[`第${String(index).padStart(2, '0')}个很长的分类名称`]]}),
	);
	const state = run(stateWith(articles, {rows: 10}), 'focusCategories', ...Array(20).fill('down'));
	const {lastFrame} = render(
		<CategoryPane
			categories={categoryTree(state.library)}
			cursor={state.categories}
			active={null}
			width={16}
			height={state.layout.bodyHeight}
			focused
			theme={defaultTheme}
		/>,
	);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, state.layout.bodyHeight);
	assert.ok(
		lines.every((line) => displayWidth(line) <= 16),
		lines.join('\n'),
	);
	assert.ok(
		lines.every((line) => /… 1$/.test(line)),
		lines.join('\n'),
	);
	assert.match(lines.at(-1) ?? '', /第19/, 'the cursor row (20th category) is on screen');
});
