// `leaf cat`: articles as text, through the same pipeline as the reader pane. Like cat(1), several files are
// printed one after another (separated by a rule here), and a file that fails is reported on stderr while the
// others still print; the exit status is then 1.
import {readFile} from 'node:fs/promises';
import {basename} from 'node:path';
import type {parseArticle} from '../core/article/article.ts';
import type {Line} from '../core/render/lines.ts';
import type {renderArticle, RenderOptions} from '../core/render/render.ts';
import {decodeText} from '../core/text/decode.ts';
import {CAT_OPTIONS, parseColorMode, parseCommandLine, parseWidth} from './args.ts';
import {CommandError, UsageError} from './errors.ts';
import {helpText} from './help.ts';
import {outputStyling, outputWidth, styleLine, warn, writeOut, type Styling} from './output.ts';

/** The name an article read from stdin goes by (its title when it has neither front matter nor heading). */
const STDIN_NAME = 'stdin.md';

/**
 * The article parser and the render pipeline, which main.ts loads: in the bundle, from the browser's second script
 * with its code cache (compiling them was a tenth of a `leaf cat`).
 */
export interface Renderer {
	parseArticle: typeof parseArticle;
	renderArticle: typeof renderArticle;
}

interface Input {
	/** What the user typed, for messages (`-` or no argument: stdin). */
	label: string;
	/** The article's path relative to its "library": its base name. */
	name: string;
	bytes: Buffer;
}

export async function runCat(args: string[], loadRenderer: () => Promise<Renderer>): Promise<void> {
	const {values, positionals} = parseCommandLine(args, CAT_OPTIONS, Number.POSITIVE_INFINITY, 'cat');
	if (values.help) return writeOut(helpText('cat'));
	const width = values.width === undefined ? outputWidth() : parseWidth(values.width);
	const styling = outputStyling(parseColorMode(values.color));
	const wrap = values['no-wrap'] !== true;
	// Plain output without --width (a pipe, a file, TERM=dumb) keeps code lines whole, so that copied code is the
	// code; styled output and an explicit --width cut them at the width and mark each continuation with `↪`.
	const wrapCode = styling !== 'none' || values.width !== undefined;

	const files = positionals.length > 0 ? positionals : [undefined];
	if (files.filter((file) => file === '-' || file === undefined).length > 1)
		throw new UsageError('stdin can be read only once', 'cat');
	let failed = false;
	let printed = 0;
	let renderer: Renderer | undefined;
	for (const file of files) {
		let text: string;
		try {
			const input = await readInput(file);
			renderer ??= await loadRenderer();
			text = render(renderer, input, {width, wrap, wrapCode}, styling);
		} catch (error) {
			if (!(error instanceof CommandError) || files.length === 1) throw error;
			warn(error.message);
			failed = true;
			continue;
		}
		if (printed > 0) await writeOut(separator(width, styling));
		await writeOut(text);
		printed++;
	}
	// Each failure had its line; like cat(1), the status says that not everything was printed.
	if (failed) process.exitCode = 1;
}

function render(renderer: Renderer, input: Input, options: RenderOptions, styling: Styling): string {
	const decoded = decodeText(input.bytes);
	if ('problem' in decoded) throw new CommandError(`${input.label} ${decoded.problem}`);
	if (decoded.text.trim() === '') throw new CommandError(`${input.label} is empty`);
	const article = renderer.parseArticle(decoded.text, input.name, {titleFromHeading: true});
	if (article.warning) warn(`${input.name}: ${article.warning}`);
	const lines = renderer.renderArticle(article, options);
	let text = '';
	for (const line of lines) text += styleLine(line, styling) + '\n';
	return text;
}

/** A blank line, a rule the width of the page, a blank line. */
function separator(width: number, styling: Styling): string {
	const rule: Line = {text: '─'.repeat(width), style: 'rule'};
	return `\n${styleLine(rule, styling)}\n\n`;
}

async function readInput(file: string | undefined): Promise<Input> {
	if (file === '-' || (file === undefined && !process.stdin.isTTY)) {
		return {label: 'stdin', name: STDIN_NAME, bytes: await readStdin()};
	}
	if (file === undefined) throw new UsageError('cat needs a FILE, or an article piped to stdin', 'cat');
	try {
		return {label: file, name: basename(file), bytes: await readFile(file)};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new CommandError(`no such file: ${file}`);
		if (code === 'EISDIR') throw new CommandError(`${file} is a folder (try: leaf list ${file})`);
		if (code === 'EACCES' || code === 'EPERM') throw new CommandError(`cannot read ${file}: permission denied`);
		throw new CommandError(`cannot read ${file}: ${code ?? 'unknown error'}`);
	}
}

async function readStdin(): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
