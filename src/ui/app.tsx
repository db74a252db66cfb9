// The browser: one store (core/state.ts), one input handler (core/keymap.ts), and views that only draw.
// Everything outside (articles, the terminal's size, reading files, saving read marks, quitting) comes in
// through props, so the app is tested without a terminal or a library on disk.
import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {firstKeyLabel} from '../core/browser/keymap.ts';
import type {Action, BrowserState} from '../core/browser/types.ts';
import {initialState, reducer} from '../core/browser/reducer.ts';
import {categoryTree, statusInfo, visibleArticles} from '../core/browser/selectors.ts';
import {SEPARATOR_WIDTH} from '../core/browser/layout.ts';
import {isNoticeStanding} from '../core/browser/notices.ts';
import {padEnd, truncate} from '../core/text/width.ts';
import {CategoryPane} from './category-pane.tsx';
import {HelpOverlay} from './help-overlay.tsx';
import {ListPane} from './list-pane.tsx';
import {ReaderPane} from './reader-pane.tsx';
import {StatusLine, TitleLine} from './status-line.tsx';
import type {Theme} from './theme.ts';
import {defaultTheme} from './theme.ts';
import type {LoadArticle, RenderLines} from './use-article-loader.ts';
import {useArticleLoader} from './use-article-loader.ts';
import type {StoreEffects} from './use-browser-store.ts';
import {useBrowserStore} from './use-browser-store.ts';
import {useKeyInput} from './use-key-input.ts';
import {useRenderWarmUp} from './use-render-warm-up.ts';

export interface AppProps extends StoreEffects {
	/** Shown in the title line. */
	libraryName: string;
	/** The terminal's size at start; later sizes arrive as `resized` actions through `connect`. */
	columns: number;
	rows: number;
	theme?: Theme;
	/** Applied before the first frame (articles already found), so it is not drawn empty. */
	initialActions?: readonly Action[];
	/** Called once mounted with the app's dispatch, to feed it articles, sizes and notices; may return a cleanup. */
	connect?: (dispatch: (action: Action) => void) => void | (() => void);
	loadArticle: LoadArticle;
	/**
	 * core/render.ts renderArticle, in the end: passed in, so that the render pipeline (markdown, the HTML
	 * parser, the line-breaking tables) can be loaded after the first frame, which never draws an article.
	 */
	renderLines: RenderLines;
}

const HINT = `${firstKeyLabel('help')} help  ${firstKeyLabel('quit')} quit`;

export function App({
	libraryName,
	columns,
	rows,
	theme = defaultTheme,
	initialActions = [],
	connect,
	loadArticle,
	renderLines,
	onReadChanges,
	onQuit,
}: AppProps) {
	const first = () => initialActions.reduce(reducer, initialState({columns, rows}));
	const {state, dispatch, getState} = useBrowserStore(first, {onReadChanges, onQuit});
	const getPrepared = useArticleLoader(state, loadArticle, renderLines, dispatch);
	useKeyInput(getState, dispatch, getPrepared);
	useRenderWarmUp(state, {width: state.layout.readerTextWidth, height: state.layout.bodyHeight, theme, renderLines});
	// Connected once: the feed lives as long as the app (connect and dispatch are stable for its life).
	// eslint-disable-next-line react-hooks/exhaustive-deps
	useEffect(() => connect?.(dispatch) ?? undefined, []);
	return <Screen state={state} libraryName={libraryName} theme={theme} />;
}

function Screen({state, libraryName, theme}: {state: BrowserState; libraryName: string; theme: Theme}) {
	const {layout} = state;
	// Rows change only with these: the list pane is not drawn again for a reader scroll.
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const articles = useMemo(() => visibleArticles(state), [state.library, state.rows, state.list, layout.bodyHeight]);
	if (layout.mode === 'tooSmall')
		return <Text wrap="truncate">{truncate('terminal too small', Math.max(1, layout.columns))}</Text>;
	const info = statusInfo(state);
	const prompt =
		state.overlay?.kind === 'confirm'
			? `Mark ${state.overlay.count} unread article${state.overlay.count === 1 ? '' : 's'} in ${info.categoryPath} read? (y/n)`
			: null;
	const hint = state.overlay?.kind === 'help' ? 'Esc closes help' : HINT;
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.frameHeight}>
			<TitleLine
				libraryName={libraryName}
				notice={state.notice}
				standing={isNoticeStanding(state)}
				width={layout.columns}
				theme={theme}
			/>
			{state.overlay?.kind === 'help' ? (
				<HelpOverlay scroll={state.overlay.scroll} width={layout.columns} height={layout.bodyHeight} />
			) : (
				<Panes state={state} articles={articles} theme={theme} />
			)}
			<StatusLine info={info} width={layout.columns} hint={hint} prompt={prompt} theme={theme} />
		</Box>
	);
}

function Panes({
	state,
	articles,
	theme,
}: {
	state: BrowserState;
	articles: ReturnType<typeof visibleArticles>;
	theme: Theme;
}) {
	const {layout, focus} = state;
	const height = layout.bodyHeight;
	const categories = categoryTree(state.library);
	const emptyText = state.loading.finished
		? state.filter.unreadOnly
			? 'No unread articles here.'
			: 'No articles here.'
		: 'indexing…';
	const categoryPane = (
		<CategoryPane
			categories={categories}
			cursor={state.categories}
			active={state.filter.category}
			width={layout.categoryWidth}
			height={height}
			focused={focus === 'categories'}
			theme={theme}
		/>
	);
	const listPane = (
		<ListPane
			articles={articles}
			width={layout.listWidth}
			height={height}
			focused={focus === 'list'}
			theme={theme}
			emptyText={emptyText}
		/>
	);
	const readerPane = (
		<ReaderPane
			reader={state.reader}
			width={layout.readerWidth}
			textWidth={layout.readerTextWidth}
			height={height}
			theme={theme}
		/>
	);
	if (layout.mode === 'narrow') {
		return focus === 'categories' ? categoryPane : focus === 'reader' ? readerPane : listPane;
	}
	return (
		<Box flexDirection="row" width={layout.columns} height={height}>
			{categoryPane}
			<Separator height={height} />
			{listPane}
			<Separator height={height} />
			{readerPane}
		</Box>
	);
}

/** One text node for the whole column: Ink's cost per frame grows with the nodes it lays out. */
function Separator({height}: {height: number}) {
	const column = Array.from({length: height}, () => padEnd('│', SEPARATOR_WIDTH)).join('\n');
	return (
		<Box width={SEPARATOR_WIDTH} height={height}>
			<Text dimColor>{column}</Text>
		</Box>
	);
}
