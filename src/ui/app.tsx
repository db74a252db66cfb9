// The browser: one store (core/state.ts), one input handler (core/keymap.ts), and views that only draw.
// Everything outside (articles, the terminal's size, reading files, saving read marks, quitting) comes in
// through props, so the app is tested without a terminal or a library on disk.
import {Box, Text} from 'ink';
import {useEffect, useLayoutEffect, useMemo} from 'react';
import {firstKeyLabel} from '../core/browser/keymap.ts';
import type {Action, BrowserState} from '../core/browser/types.ts';
import {initialState, reducer} from '../core/browser/reducer.ts';
import {
	categoryRows,
	cursorArticle,
	openArticle,
	previewLines,
	statusInfo,
	viewName,
	visibleArticles,
} from '../core/browser/selectors.ts';
import {findPromptText} from '../core/browser/find-status.ts';
import {readerMatches} from '../core/browser/matches.ts';
import {SEPARATOR_WIDTH} from '../core/browser/layout.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {displayWidth, padEnd, truncate} from '../core/text/width.ts';
import {groupDigits} from '../core/text/numbers.ts';
import {isNoticeStanding} from '../core/browser/notices.ts';
import {CategoryPane} from './category-pane.tsx';
import {HelpOverlay} from './help-overlay.tsx';
import {LinksOverlay} from './links-overlay.tsx';
import {readerReferences} from '../core/browser/links.ts';
import {promptText} from '../core/browser/text-prompt.ts';
import {ListPane} from './list-pane.tsx';
import {ReaderPane} from './reader-pane.tsx';
import type {PaneHeader} from './header-line.tsx';
import {HeaderLine} from './header-line.tsx';
import {StatusLine} from './status-line.tsx';
import type {Theme} from './theme.ts';
import {defaultTheme} from './theme.ts';
import type {LoadArticle, RenderLines} from './use-article-loader.ts';
import {useArticleLoader} from './use-article-loader.ts';
import type {StoreEffects} from './use-browser-store.ts';
import {useBrowserStore} from './use-browser-store.ts';
import {useKeyInput} from './use-key-input.ts';
import type {StartSearch} from './use-search.ts';
import {useFilterWarmUp, useSearch} from './use-search.ts';
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
	/** Runs a full-text search (io/search-threads.ts); without it `F` finds nothing. */
	startSearch?: StartSearch;
}

/** Longer than Ink's frame interval at the frame rate leaf asks for (src/cli/browse.ts). */
const REPAINT_DELAY_MS = 30;
const HELP_HINT = `${firstKeyLabel('help')} help`;
const QUIT_HINTS = [`${HELP_HINT}  ${firstKeyLabel('quit')} quit`, HELP_HINT];
const BACK_HINTS = [`${HELP_HINT}  ${firstKeyLabel('quit')} back`, HELP_HINT];
const HELP_OPEN_HINTS = [`${firstKeyLabel('back')} closes help`, firstKeyLabel('back')];

export function App({
	libraryName,
	columns,
	rows,
	theme = defaultTheme,
	initialActions = [],
	connect,
	loadArticle,
	renderLines,
	startSearch,
	onReadChanges,
	onQuit,
	onRequest,
	onSuspend,
	onRemember,
}: AppProps) {
	const first = () => initialActions.reduce(reducer, initialState({columns, rows}));
	const {state, dispatch, getState} = useBrowserStore(first, {onReadChanges, onQuit, onRequest, onSuspend, onRemember});
	const getPrepared = useArticleLoader(state, loadArticle, renderLines, dispatch);
	useKeyInput(getState, dispatch, getPrepared);
	useSearch(state, startSearch, dispatch);
	useFilterWarmUp(state.library, state.loading.finished);
	useRenderWarmUp(state, {
		ready: state.loading.finished,
		width: state.layout.readerTextWidth,
		height: state.layout.bodyHeight,
		theme,
		renderLines,
	});
	// An empty frame, then (once Ink has drawn it: its frames are at most 1/maxFps apart) the whole frame again.
	useLayoutEffect(() => {
		if (!state.repainting) return;
		const timer = setTimeout(() => dispatch({type: 'repainted'}), REPAINT_DELAY_MS);
		return () => clearTimeout(timer);
	}, [state.repainting, dispatch]);
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
	if (state.repainting) return null;
	if (layout.mode === 'tooSmall')
		return <Text wrap="truncate">{truncate('terminal too small', Math.max(1, layout.columns))}</Text>;
	const info = statusInfo(state);
	const prompt =
		findPromptText(state) ??
		(state.overlay?.kind === 'confirm'
			? `Mark ${state.overlay.count} unread article${state.overlay.count === 1 ? '' : 's'} in ${info.categoryPath} read? (y/n)`
			: state.overlay?.kind === 'input'
				? promptText(state.overlay)
				: null);
	const helpOpen = state.overlay?.kind === 'help';
	const hints = helpOpen ? HELP_OPEN_HINTS : state.focus === 'reader' ? BACK_HINTS : QUIT_HINTS;
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.frameHeight}>
			<HeaderLine
				headers={
					helpOpen
						? [{pane: state.focus, text: `Keys · ${libraryName}`, width: layout.columns}]
						: paneHeaders(state, libraryName)
				}
				focus={state.focus}
				notice={state.notice}
				standing={isNoticeStanding(state)}
				width={layout.columns}
				theme={theme}
			/>
			{state.overlay?.kind === 'help' ? (
				<HelpOverlay scroll={state.overlay.scroll} width={layout.columns} height={layout.bodyHeight} />
			) : state.overlay?.kind === 'links' ? (
				<LinksOverlay
					references={readerReferences(state)}
					cursor={state.overlay.cursor}
					width={layout.columns}
					height={layout.bodyHeight}
					theme={theme}
				/>
			) : (
				<Panes state={state} articles={articles} theme={theme} />
			)}
			<StatusLine
				info={info}
				width={layout.columns}
				hints={hints}
				prompt={prompt}
				keyHint={state.keyHint}
				theme={theme}
			/>
		</Box>
	);
}

/** The header of each pane on screen, left to right. */
function paneHeaders(state: BrowserState, libraryName: string): PaneHeader[] {
	const {layout} = state;
	const count = state.rows.length;
	const view = `${viewName(state)}${state.filter.unreadOnly ? ' (unread)' : ''} · ${groupDigits(count)} article${count === 1 ? '' : 's'}`;
	const open = openArticle(state);
	const previewed = open ? null : cursorArticle(state);
	const titleOf = (meta: {title: string; path: string}) => sanitizeLine(meta.title) || meta.path;
	const reader = open ? titleOf(open) : previewed ? `Preview · ${titleOf(previewed)}` : 'Reader';
	const named = `Categories · ${libraryName}`;
	const categories = displayWidth(named) < layout.categoryWidth ? named : 'Categories';
	if (layout.mode === 'narrow') {
		const text =
			state.focus === 'categories' ? categories : state.focus === 'reader' ? reader : `${libraryName} › ${view}`;
		return [{pane: state.focus, text, width: layout.columns}];
	}
	return [
		{pane: 'categories', text: categories, width: layout.categoryWidth},
		{pane: 'list', text: view, width: layout.listWidth},
		{pane: 'reader', text: reader, width: layout.readerWidth},
	];
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
	const categories = categoryRows(state);
	const emptyText =
		state.find.search?.status === 'running'
			? 'searching…'
			: state.loading.finished
				? state.filter.unreadOnly
					? 'No unread articles here.'
					: 'No articles here.'
				: 'indexing…';
	const categoryPane = (
		<CategoryPane
			categories={categories}
			cursor={state.categories}
			active={state.filter.starred === true ? 'starred' : state.filter.category}
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
	const matches = readerMatches(state);
	const current = state.find.match?.item === state.reader?.item ? state.find.match?.index : undefined;
	const readerPane = (
		<ReaderPane
			matches={matches}
			currentMatch={current === undefined ? null : (matches?.list[current] ?? null)}
			reader={state.reader}
			preview={previewLines(state)?.lines ?? null}
			width={layout.readerWidth}
			textWidth={layout.readerTextWidth}
			margin={layout.readerMargin}
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
