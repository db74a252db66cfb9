// `leaf [DIR]` in a terminal: wires the library, the read marks and the terminal into the Ink app.
// Articles are fed as they are indexed (library-feed.ts); read marks are written in batches and on every way out.
// Quitting stops the indexing: the shell is back once what was read so far is saved in the index, not after the rest.
import {basename, resolve} from 'node:path';
import {createElement} from 'react';
import type {ArticleMeta} from '../core/article/article.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {Action} from '../core/browser/types.ts';
import {readArticle} from '../io/library.ts';
import type {SearchFile, SearchProgress} from '../io/search-threads.ts';
import {startSearch} from '../io/search-threads.ts';
import type {StoreNoticeWeight} from '../io/read-state.ts';
import {openReadStore} from '../io/read-state.ts';
import type {Terminal} from '../io/terminal.ts';
import {
	NoTerminalError,
	colorSupport,
	onExitSignals,
	onUncaughtError,
	openTerminal,
	signalExitCode,
	stopUntilContinued,
} from '../io/terminal.ts';
import {warn} from './output.ts';
import {batchedMarks} from './read-marks.ts';
import {requestHandler} from './browse-requests.ts';
import type {HandOver} from '../io/hand-over.ts';
import {terminalHandOver} from '../io/hand-over.ts';
import {createRescans} from './rescans.ts';
import {feedLibrary} from './library-feed.ts';
import {lazyRenderer} from './render-pipeline.ts';

/** How long the first frame waits for the first articles, so a small library's first frame has its titles. */
const FIRST_BATCH_WAIT_MS = 120;
/** The walk waits for the frame with the index's titles, but never longer than this after the first frame. */
const WALK_WAIT_MS = 1000;
/** The notice of a failed write of the read marks, ended by a write that succeeds. */
const READ_STATE_NOTICE = 'read-state';
/** How long the process may linger after quitting (unfinished reads) before it exits anyway. */
const QUIT_GRACE_MS = 300;
/** How long quitting waits, at most, for the stopped indexing to save what it read (a slow disk) before that. */
const SAVE_WAIT_MS = 5000;
/** Frames per second Ink may draw: above the 30 default, so a key's frame is not held back by the previous one. */
const MAX_FPS = 120;

export async function browse(options: {root: string}): Promise<number> {
	let terminal: Terminal;
	try {
		terminal = openTerminal();
	} catch (error) {
		if (!(error instanceof NoTerminalError)) throw error;
		warn(error.message);
		return 1;
	}
	// Ink decides when it is loaded whether it runs in CI, and then draws nothing until it exits. A terminal
	// someone types into is no CI log, so Ink is loaded only after CI is gone from the environment.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	// Ink draws once yoga's WebAssembly is ready (src/ui/layout-engine.ts).
	const layoutReady = import('../ui/layout-engine.ts').then((engine) => engine.layoutEngineReady);
	const loadingInk = Promise.all([import('ink'), import('../ui/app.tsx'), layoutReady]);

	// The app connects after its first render; what comes before is queued for it (or drawn in its first frame).
	let dispatch: ((action: Action) => void) | null = null;
	let closed = false;
	const queued: Action[] = [];
	let firstArticles: () => void = () => {};
	// While another program has the terminal (`e`, `|`), what would change the screen waits for leaf's return.
	let handedOver = false;
	// With an index, the walk waits until the titles it brought are on screen (a frame written after they were sent).
	let titlesSent = false;
	let titlesDrawn: () => void = () => {};
	const titlesOnScreen = new Promise<void>((resolve) => (titlesDrawn = resolve));
	const send = (action: Action) => {
		if (closed) return;
		// A batch with no articles reports progress only: the first frame waits for titles, not for it.
		const bringsTitles =
			(action.type === 'articlesAdded' && action.articles.length > 0) || action.type === 'articlesChanged';
		if (bringsTitles) titlesSent = true;
		if (dispatch && !handedOver) dispatch(action);
		else queued.push(action);
		if (bringsTitles || action.type === 'loadingFinished') firstArticles();
	};

	const store = openReadStore({
		library: options.root,
		onNotice: (text, weight) => send(storeNotice(text, weight)),
		onSaved: () => send({type: 'noticeEnded', key: READ_STATE_NOTICE}),
	});
	const marks = batchedMarks(store);
	const stars = store.starredIds();
	if (stars.length > 0) send({type: 'starsLoaded', ids: stars});
	// Where leaf was left: from the store just read, applied as the articles it names arrive (no wait for them).
	send({type: 'remembered', session: store.session(), positions: store.positions()});

	// Indexing starts before anything is drawn: its reads overlap the start-up of Ink. With an index, its titles
	// make the first frames, and the walk that checks them waits for those.
	const indexing = new AbortController();
	const feeding = feedLibrary(options.root, store, send, indexing.signal, titlesOnScreen);
	const rescans = createRescans({root: options.root, store, send, signal: indexing.signal, initial: feeding});
	await new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, FIRST_BATCH_WAIT_MS);
		firstArticles = () => {
			clearTimeout(timer);
			// A turn later: the end of indexing that follows its last batch makes the first frame too.
			setImmediate(resolve);
		};
	});

	const [{render}, {App}] = await loadingInk;
	const renderer = lazyRenderer();
	let quit: () => void = () => {};
	const size = terminal.size();
	const {color, attributes} = colorSupport();
	terminal.enter();
	const handOver = guardedHandOver(
		terminalHandOver(terminal, () => {
			handedOver = false;
			for (const action of queued.splice(0)) send(action);
			send({type: 'resized', ...terminal.size()});
			// The screen is blank and Ink draws only what changed: an empty frame, then the whole one. A turn later:
			// timers that came due while leaf was stopped (Ink's frame throttle) run first.
			setImmediate(() => send({type: 'repaint'}));
		}),
		(active) => {
			handedOver = active;
			// The terminal goes to another program (pipe, editor, shell): what is kept is written first.
			if (active) marks.flush();
		},
	);
	const instance = render(
		createElement(App, {
			libraryName: sanitizeLine(basename(resolve(options.root))) || options.root,
			columns: size.columns,
			rows: size.rows,
			theme: {color, cursorMarker: !attributes},
			initialActions: queued.splice(0),
			loadArticle: async (meta: ArticleMeta) => {
				const [article] = await Promise.all([readArticle(options.root, meta), renderer.ready()]);
				return article;
			},
			renderLines: renderer.lines,
			startSearch: (query: string, files: readonly SearchFile[], onProgress: (progress: SearchProgress) => void) =>
				startSearch(options.root, query, files, onProgress, {sizes: rescans.fileSizes()}),
			onReadChanges: marks.record,
			onRemember: marks.remember,
			onQuit: () => quit(),
			onRequest: requestHandler({root: options.root, terminal, store, handOver, send, rescans}),
			// Ctrl-Z: the marks are saved, the shell gets the terminal until `fg`.
			onSuspend: () =>
				void handOver(() => {
					marks.flush();
					return stopUntilContinued();
				}),
			connect: (appDispatch: (action: Action) => void) => {
				dispatch = appDispatch;
				for (const action of queued.splice(0)) appDispatch(action);
			},
		}),
		{
			stdin: terminal.input,
			stdout: mutedWhile(
				terminal.output,
				() => handedOver,
				() => {
					if (titlesSent) titlesDrawn();
					renderer.frameWritten();
				},
			),
			stderr: process.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: MAX_FPS,
		},
	);
	// The first frame is drawn: the watches start with the walk (placed after it has ended, a read again catches up:
	// rescans.ts). The render pipeline, which no frame needed yet, loads once a frame shows the library read (or when
	// an article opens).
	setTimeout(titlesDrawn, WALK_WAIT_MS).unref();
	void titlesOnScreen.then(() => rescans.watch());
	void feeding.then(renderer.libraryRead);
	const stopResize = terminal.onResize((next) => {
		// The other program has the screen; the size is taken when leaf has it back.
		if (handedOver) return;
		// A resize can move or cut what is on screen: wipe it and draw the next frame whole.
		instance.clear();
		terminal.clear();
		send({type: 'resized', columns: next.columns, rows: next.rows});
	});

	let failure: unknown = null;
	const stops: (() => void)[] = [];
	const code = await new Promise<number>((settle) => {
		quit = () => settle(0);
		// Ctrl-C while a command or the editor runs is theirs (they get it too), as in a shell.
		stops.push(
			onExitSignals((signal) => {
				if (!(handedOver && signal === 'SIGINT')) settle(signalExitCode[signal]);
			}),
		);
		stops.push(
			onUncaughtError((error) => {
				failure = error;
				settle(1);
			}),
		);
		instance.waitUntilExit().then(
			() => settle(0),
			(error: unknown) => {
				failure = error;
				settle(1);
			},
		);
	});

	closed = true;
	indexing.abort();
	stopResize();
	try {
		instance.unmount();
	} catch {
		// Ink already gone (an error in a view): the terminal is restored below all the same.
	}
	marks.close();
	terminal.close();
	for (const stop of stops) stop();
	const unsaved = store.unsaved();
	if (unsaved !== null) warn(unsaved);
	// A read still under way (a slow disk) must not hold the shell: what needed writing is written, the read marks
	// above and the index of what the stopped indexing read (its load saves it as it ends; on a slow disk that can
	// take longer than the grace, and the index was lost).
	const indexSaved = new Promise<void>((resolve) => {
		setTimeout(resolve, SAVE_WAIT_MS).unref();
		void feeding.then(
			() => resolve(),
			() => resolve(),
		);
	});
	void indexSaved.then(() => setTimeout(() => process.exit(), QUIT_GRACE_MS).unref());
	if (failure !== null) {
		if (process.env.LEAF_DEBUG && failure instanceof Error) process.stderr.write(`${failure.stack}\n`);
		warn(`unexpected error: ${failure instanceof Error ? failure.message : String(failure)}`);
	}
	return code;
}

/** The hand-over, with `onChange(true)` before the terminal is given away and `onChange(false)` if it throws. */
function guardedHandOver(handOver: HandOver, onChange: (active: boolean) => void): HandOver {
	return async (work) => {
		onChange(true);
		try {
			return await handOver(work);
		} finally {
			onChange(false);
		}
	};
}

/**
 * `output` for Ink, writing nothing while `muted()`: a frame drawn then would land on the other program's screen.
 * `written` is called after each frame written.
 */
function mutedWhile(output: NodeJS.WriteStream, muted: () => boolean, written: () => void): NodeJS.WriteStream {
	const write = (...args: Parameters<NodeJS.WriteStream['write']>) => {
		if (!muted()) {
			const result = output.write(...(args as [string]));
			written();
			return result;
		}
		const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	};
	return new Proxy(output, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}

/** How a notice of the read state is shown: one that means marks will be lost stays until it ends or is dismissed. */
function storeNotice(text: string, weight: StoreNoticeWeight): Action {
	if (weight === 'minor') return {type: 'noticeShown', text};
	return {type: 'noticeShown', text, weight: 'loss', key: weight === 'until-saved' ? READ_STATE_NOTICE : undefined};
}
