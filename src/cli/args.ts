// Command-line parsing on node:util's parseArgs, with its errors turned into one-line UsageErrors.
import {parseArgs} from 'node:util';
import type {ParseArgsConfig} from 'node:util';
import {UsageError} from './errors.ts';
import type {ColorMode} from './output.ts';

export type CommandName = 'cat' | 'list';
export const COMMANDS: readonly CommandName[] = ['cat', 'list'];

type Options = NonNullable<ParseArgsConfig['options']>;

export const HELP_OPTION = {help: {type: 'boolean', short: 'h'}} as const satisfies Options;

export const CAT_OPTIONS = {
	...HELP_OPTION,
	width: {type: 'string'},
	'no-wrap': {type: 'boolean'},
	color: {type: 'string'},
} as const satisfies Options;

export const LIST_OPTIONS = {
	...HELP_OPTION,
	json: {type: 'boolean'},
	category: {type: 'string'},
	unread: {type: 'boolean'},
	starred: {type: 'boolean'},
} as const satisfies Options;

/** `leaf` with no command takes list's options, plus --version. */
export const DEFAULT_OPTIONS = {...LIST_OPTIONS, version: {type: 'boolean'}} as const satisfies Options;

/** parseArgs with strict checks; at most `maxPositionals` operands. */
export function parseCommandLine<T extends Options>(
	args: string[],
	options: T,
	maxPositionals: number,
	command?: string,
) {
	let parsed;
	try {
		parsed = parseArgs({args, options, strict: true, allowPositionals: true});
	} catch (error) {
		throw new UsageError(parseArgsMessage(error), command);
	}
	const extra = parsed.positionals[maxPositionals];
	if (extra !== undefined) throw new UsageError(`unexpected argument: ${extra}`, command);
	return parsed;
}

function parseArgsMessage(error: unknown): string {
	const {code, message} = error as {code?: string; message?: string};
	const option = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1] ?? '';
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option: ${option}`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /does not take/.test(message ?? '')
				? `option ${option} does not take a value`
				: `option ${option} needs a value`;
		default:
			return (message ?? 'bad arguments').split('\n')[0]!;
	}
}

export const MIN_WIDTH = 20;
export const MAX_WIDTH = 300;

export function parseWidth(text: string): number {
	const width = /^\d{1,4}$/.test(text.trim()) ? Number(text) : Number.NaN;
	if (!(width >= MIN_WIDTH && width <= MAX_WIDTH)) {
		throw new UsageError(`--width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, not '${text}'`, 'cat');
	}
	return width;
}

export function parseColorMode(text: string | undefined): ColorMode {
	if (text === undefined) return 'auto';
	if (text === 'auto' || text === 'always' || text === 'never') return text;
	throw new UsageError(`--color must be auto, always or never, not '${text}'`, 'cat');
}
