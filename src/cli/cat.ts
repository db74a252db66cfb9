// `leaf cat`: one article as text, through the same pipeline as the reader pane.
import {readFile} from 'node:fs/promises';
import {basename} from 'node:path';
import {parseArticle} from '../core/article/article.ts';
import {renderArticle} from '../core/render/render.ts';
import {CAT_OPTIONS, parseColorMode, parseCommandLine, parseWidth} from './args.ts';
import {CommandError, UsageError} from './errors.ts';
import {helpText} from './help.ts';
import {colorEnabled, outputWidth, styleLine, warn, writeOut} from './output.ts';

/** The name an article read from stdin goes by (its title when the front matter has none). */
const STDIN_NAME = 'stdin.md';

export async function runCat(args: string[]): Promise<void> {
	const {values, positionals} = parseCommandLine(args, CAT_OPTIONS, 1, 'cat');
	if (values.help) return writeOut(helpText('cat'));
	const width = values.width === undefined ? outputWidth() : parseWidth(values.width);
	const color = colorEnabled(parseColorMode(values.color));

	const {source, name} = await readInput(positionals[0]);
	const article = parseArticle(source, name);
	if (article.warning) warn(`${name}: ${article.warning}`);
	const lines = renderArticle(article, {width, wrap: values['no-wrap'] !== true});
	let text = '';
	for (const line of lines) text += styleLine(line, color) + '\n';
	await writeOut(text);
}

async function readInput(file: string | undefined): Promise<{source: string; name: string}> {
	if (file === '-' || (file === undefined && !process.stdin.isTTY)) {
		return {source: await readStdin(), name: STDIN_NAME};
	}
	if (file === undefined) throw new UsageError('cat needs a FILE, or an article piped to stdin', 'cat');
	try {
		// The article's path relative to its "library" is its base name.
		return {source: await readFile(file, 'utf8'), name: basename(file)};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new CommandError(`no such file: ${file}`);
		if (code === 'EISDIR') throw new CommandError(`${file} is a folder (try: leaf list ${file})`);
		if (code === 'EACCES' || code === 'EPERM') throw new CommandError(`cannot read ${file}: permission denied`);
		throw new CommandError(`cannot read ${file}: ${code ?? 'unknown error'}`);
	}
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
