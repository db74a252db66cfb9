// Carries out what the browser asks of the outside world (core/browser/requests.ts) and answers with a notice:
// opening and copying links, piping an article to a command, editing it, reading the library again.
import {join, resolve} from 'node:path';
import type {ArticleMeta} from '../core/article/article.ts';
import type {Action} from '../core/browser/types.ts';
import type {Request} from '../core/browser/requests.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {osc52Copy} from '../core/text/osc52.ts';
import type {HandOver} from '../io/hand-over.ts';
import {describeOutcome, runEditor, runPiped, waitForKey} from '../io/hand-over.ts';
import {readArticle} from '../io/library.ts';
import {openUrl} from '../io/open-url.ts';
import type {ReadStore} from '../io/read-state.ts';
import type {Terminal} from '../io/terminal.ts';
import {styleLine} from './output.ts';
import type {Rescans} from './rescans.ts';

export interface RequestContext {
	root: string;
	terminal: Terminal;
	store: ReadStore;
	handOver: HandOver;
	send: (action: Action) => void;
	/** Reading the library again: shared with the watcher, so that two scans never run at once. */
	rescans: Rescans;
}

const notice = (text: string): Action => ({type: 'noticeShown', text});

/** Returns the function that carries out a request; errors become notices, never exceptions. */
export function requestHandler(context: RequestContext): (request: Request) => void {
	let busy = false;
	return (request) => {
		// One at a time: a key pressed while the editor or a rescan runs does not start a second one.
		if (busy) return;
		busy = true;
		carryOut(request, context)
			.catch((error: unknown) => context.send(notice(error instanceof Error ? error.message : String(error))))
			.finally(() => {
				busy = false;
			});
	};
}

async function carryOut(request: Request, context: RequestContext): Promise<void> {
	const {send} = context;
	switch (request.kind) {
		case 'openUrl': {
			const failure = await openUrl(request.url);
			send(notice(failure === null ? `Opened ${request.label}` : `Cannot open ${request.label}: ${failure}`));
			return;
		}
		case 'copyUrl': {
			const sequence = osc52Copy(request.url);
			if (sequence === null) return send(notice(`${request.label} is too long to copy.`));
			context.terminal.output.write(sequence);
			send(notice(`Copied ${request.label}`));
			return;
		}
		case 'pipe':
			return pipe(request.command, request.meta, request.width, context);
		case 'edit':
			return edit(request.meta, context);
		case 'rescan':
			return context.rescans.run(null);
	}
}

/** The article as `leaf cat --width WIDTH` prints it to a pipe: plain lines, each ended by a newline. */
export async function plainText(root: string, meta: ArticleMeta, width: number): Promise<string> {
	// The render pipeline is loaded lazily by the browser (browse.ts): this is its same chunk.
	const [article, {renderArticle}] = await Promise.all([readArticle(root, meta), import('../core/render/render.ts')]);
	let text = '';
	for (const line of renderArticle(article, {width})) text += styleLine(line, 'none') + '\n';
	return text;
}

async function pipe(command: string, meta: ArticleMeta, width: number, context: RequestContext): Promise<void> {
	const text = await plainText(context.root, meta, width);
	const shown = sanitizeLine(command);
	const outcome = await context.handOver(async () => {
		const result = await runPiped(command, text, context.terminal);
		await waitForKey(`[${describeOutcome(result)}] Press any key to return to leaf.`, context.terminal);
		return result;
	});
	// What happened first, so a notice cut at a narrow width still says it.
	const said = describeOutcome(outcome);
	context.send(notice(`${said.charAt(0).toUpperCase()}${said.slice(1)}: \`${shown}\``));
}

async function edit(meta: ArticleMeta, context: RequestContext): Promise<void> {
	const file = resolve(join(context.root, meta.path));
	const outcome = await context.handOver(() => runEditor(file, context.terminal));
	const said = 'error' in outcome ? `Cannot edit: ${outcome.error}` : `Edited ${sanitizeLine(meta.path)}`;
	// What the editor changed (title, date, text) is shown: the library is read again (only changed files are).
	await context.rescans.run(said);
}
