// The command line: `leaf [DIR]`, `leaf cat`, `leaf list`, `leaf help`. Each command is loaded
// only when used, so `cat` never parses the browser (React + Ink) or the read-state store.
import {fileURLToPath} from 'node:url';
import type {CommandName} from './args.ts';
import {COMMANDS, DEFAULT_OPTIONS, parseCommandLine} from './args.ts';
import {bundledContent, version} from './build-info.ts';
import {CommandError, UsageError} from './errors.ts';
import {helpText} from './help.ts';
import {warn, writeOut} from './output.ts';

/** Runs leaf and sets process.exitCode: 0 done, 1 the command failed, 2 the command line was wrong. Never throws. */
export async function main(argv: string[]): Promise<void> {
	// `leaf list | head -1`: the reader went away, which is not an error worth a word.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		warn(`cannot write output: ${error.code ?? error.message}`);
		process.exit(1);
	});
	try {
		await run(argv);
	} catch (error) {
		process.exitCode = report(error);
	}
}

async function run(argv: string[]): Promise<void> {
	const [first, ...rest] = argv;
	if (first === 'cat') return (await import('./cat.ts')).runCat(rest);
	if (first === 'list') return (await import('./list.ts')).runList(rest, defaultLibrary());
	if (first === 'help') return showHelp(rest);
	return runDefault(argv);
}

function showHelp(args: string[]): Promise<void> {
	const {positionals} = parseCommandLine(args, {}, 1);
	const topic = positionals[0];
	if (topic === undefined) return writeOut(helpText());
	if (!COMMANDS.includes(topic as CommandName)) throw new UsageError(`unknown command: ${topic}`);
	return writeOut(helpText(topic as CommandName));
}

/** `leaf [DIR]`: the browser in a terminal, the plain list anywhere else (pipes, files, scripts) or when asked for. */
async function runDefault(argv: string[]): Promise<void> {
	const {values, positionals} = parseCommandLine(argv, DEFAULT_OPTIONS, 1);
	if (values.help) return writeOut(helpText());
	if (values.version) return writeOut(`${version}\n`);
	const root = positionals[0] ?? defaultLibrary();
	// List options mean a list even in a terminal: the browser takes none of them.
	const wantsList = values.json || values.category !== undefined || values.unread;
	if (!process.stdout.isTTY || wantsList) return (await import('./list.ts')).listLibrary(root, values);

	const {assertLibraryFolder, LibraryError} = await import('../io/library.ts');
	try {
		await assertLibraryFolder(root);
	} catch (error) {
		throw error instanceof LibraryError ? new CommandError(error.message) : error;
	}
	const {browse} = await import('./browse.ts');
	process.exitCode = await browse({root});
}

/** $LEAF_DIR, else the manual bundled with leaf. */
function defaultLibrary(): string {
	return process.env.LEAF_DIR || fileURLToPath(bundledContent);
}

function report(error: unknown): number {
	if (error instanceof UsageError) {
		warn(`${error.message} (see: leaf help${error.command ? ` ${error.command}` : ''})`);
		return 2;
	}
	if (error instanceof CommandError) {
		warn(error.message);
		return 1;
	}
	// A bug in leaf: still one line; LEAF_DEBUG=1 shows where.
	if (process.env.LEAF_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	warn(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
}
