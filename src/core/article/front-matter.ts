// Splits an article file into its front matter and body with gray-matter, made safe for
// files we did not write (see docs/field-notes.md): no eval engines, no cache, no Dates.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import {recoverFields} from './front-matter-lenient.ts';

export interface FrontMatter {
	/** The parsed mapping; {} when there is none or it could not be read. */
	data: Record<string, unknown>;
	body: string;
	/** Why the front matter was not used, or null. One line, no file content in it. */
	warning: string | null;
}

function refuse(): never {
	throw new Error('front matter that runs code is refused');
}

// CORE_SCHEMA has no timestamp type, so dates stay strings for core/dates.ts (js-yaml's own
// reading makes `2021-10-28 14:08:07` UTC where hexo means local time). `json: true` lets a
// repeated key win instead of failing the whole file.
const readYaml = (text: string): unknown => yaml.safeLoad(text, {schema: yaml.CORE_SCHEMA, json: true});

/**
 * Any options object turns off gray-matter's cache, which otherwise keeps every file's text for
 * ever. Exported for the test that the code-running engines are refused even past our own check.
 */
export const grayMatterOptions = {
	excerpt: false,
	engines: {
		yaml: readYaml as (input: string) => object,
		// gray-matter evals these by default; `js: false` does not turn that off.
		js: refuse,
		javascript: refuse,
	},
};

/** Languages we accept after the opening `---`; the rest are refused before gray-matter sees them. */
const LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

const OPENING = /^---([^\n]*)\n/;

/**
 * Never throws. A file whose front matter cannot be used keeps its whole text as the body
 * and says why in `warning`.
 */
export function readFrontMatter(source: string): FrontMatter {
	let text = source.replace(/\r\n?/g, '\n');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const start = text.search(/\S/);
	if (start === -1 || !text.startsWith('---', start)) return {data: {}, body: text, warning: null};
	text = text.slice(start);

	const opening = OPENING.exec(text);
	// `----` or `---` alone on the last line: a horizontal rule, not front matter.
	if (!opening || opening[1]!.startsWith('-')) return {data: {}, body: text, warning: null};
	const language = opening[1]!.trim();
	if (!LANGUAGES.has(language.toLowerCase())) {
		return unusable(text, `front matter language "${shortName(language)}" is not supported`);
	}
	// gray-matter reads an unclosed block as front matter up to the end of the file.
	if (!text.includes('\n---', opening[0].length - 1)) return unusable(text, 'front matter is not closed');

	let parsed: matter.GrayMatterFile<string>;
	try {
		parsed = matter(text, grayMatterOptions);
	} catch (error) {
		if (language.toLowerCase() === 'json') return unusable(text, `front matter could not be read: ${describe(error)}`);
		return lenient(text, opening[0].length, describe(error));
	}
	const data: unknown = parsed.data;
	if (data === null || data === undefined) return {data: {}, body: parsed.content, warning: null};
	if (typeof data !== 'object' || Array.isArray(data)) {
		return {data: {}, body: parsed.content, warning: 'front matter is not a mapping'};
	}
	return {data: data as Record<string, unknown>, body: parsed.content, warning: null};
}

/**
 * YAML rejected the block: the fences still split it from the body, and its fields are read line by line
 * (front-matter-lenient.ts). The warning stays, so `leaf list` shows which files need a look.
 */
function lenient(text: string, blockStart: number, reason: string): FrontMatter {
	const close = text.indexOf('\n---', blockStart - 1);
	const block = text.slice(blockStart, close + 1);
	const fenceEnd = text.indexOf('\n', close + 4);
	const body = fenceEnd === -1 ? '' : text.slice(fenceEnd + 1);
	return {
		data: recoverFields(block, readYaml),
		body,
		warning: `front matter is not valid YAML (${reason}): read line by line`,
	};
}

function unusable(text: string, warning: string): FrontMatter {
	return {data: {}, body: text, warning};
}

/** `YAMLException line 3`: the kind and place, never the offending text. */
function describe(error: unknown): string {
	if (!(error instanceof Error)) return 'unknown error';
	const mark = (error as {mark?: {line?: unknown}}).mark;
	const name = /^\w{1,40}$/.test(error.name) ? error.name : 'Error';
	return typeof mark?.line === 'number' ? `${name} line ${mark.line + 1}` : name;
}

/** The language name comes from the file: keep it short and printable. */
function shortName(language: string): string {
	const printable = language.replace(/[^\p{L}\p{N}_+.-]/gu, '');
	return printable.length > 20 ? `${printable.slice(0, 20)}…` : printable;
}
