// Front matter that YAML rejects, read line by line as a person would read it. RSS-to-markdown generators
// write titles like `title: """""'Some title'"""""` or `title: "他说 "你好" 然后走了"`, which YAML refuses
// although their meaning is plain. Nothing here evaluates anything: values are text, or lists of text, except
// a `[...]`/`{...}` value that YAML (the same safe schema) accepts on its own.
//
// The rules:
// - `key: value` at the left margin; the first `: ` splits, later colons belong to the value. `key:` alone
//   opens a list for the `- item` lines under it (indented with spaces or tabs, or not at all).
// - A value in quotes loses its wrapping: the runs of `'` and `"` at both ends, as many on each side as the
//   shorter run has, so inner quotes stay (`"他说 "你好" 然后走了"`, `'It's a trap'`). An opening run with no
//   closing one is dropped.
// - A value starting with `[` or `{` is read by YAML when it can be; otherwise it stays text, as do values
//   starting with `@` or a backtick (reserved in YAML).
// - An indented line that is not a list item continues the previous scalar value (a wrapped title).
// - Anything else (comments, lines indented under nothing) is skipped.

const KEY_LINE = /^([^\s#:'"\-[\]{}][^:]*?)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;
const ITEM_LINE = /^[ \t]*-(?:[ \t]+(.*)|[ \t]*)$/;
const CONTINUATION = /^[ \t]+(\S.*)$/;

/** `value` without the quotes that wrap it (see the rules above). */
export function unquote(value: string): string {
	const text = value.trim();
	const leading = /^['"]+/.exec(text)?.[0].length ?? 0;
	if (leading === 0) return text;
	const trailing = /['"]+$/.exec(text.slice(leading))?.[0].length ?? 0;
	const cut = trailing === 0 ? 0 : Math.min(leading, trailing);
	if (cut === 0) return text.slice(leading).trim();
	return text.slice(cut, text.length - cut).trim();
}

function scalar(raw: string, readFlow: (text: string) => unknown): unknown {
	const text = raw.trim();
	if (text.startsWith('[') || text.startsWith('{')) {
		try {
			const value = readFlow(text);
			if (typeof value === 'object' && value !== null) return value;
		} catch {
			// Not YAML: the text as written.
		}
		return text;
	}
	return unquote(text);
}

/**
 * The fields of a front-matter block (the text between the fences) that YAML rejected. `readFlow` parses a
 * single flow value with the same safe schema as the whole block.
 */
export function recoverFields(block: string, readFlow: (text: string) => unknown): Record<string, unknown> {
	// A Map, so that a key named `__proto__` is a key like any other.
	const data = new Map<string, unknown>();
	let key: string | null = null;
	let items: unknown[] | null = null;
	for (const line of block.split('\n')) {
		const keyLine = KEY_LINE.exec(line);
		if (keyLine) {
			key = keyLine[1]!.trim();
			const value = keyLine[2]?.trim() ?? '';
			items = value === '' ? [] : null;
			data.set(key, value === '' ? items : scalar(value, readFlow));
			continue;
		}
		if (key === null) continue;
		const item = ITEM_LINE.exec(line);
		if (item && items !== null) {
			items.push(scalar(item[1] ?? '', readFlow));
			continue;
		}
		const more = CONTINUATION.exec(line);
		const previous = data.get(key);
		if (more && items === null && typeof previous === 'string')
			data.set(key, `${previous} ${unquote(more[1]!)}`.trim());
	}
	// `key:` with nothing under it is an empty value, as in YAML.
	for (const [name, value] of data) if (Array.isArray(value) && value.length === 0) data.set(name, null);
	return Object.fromEntries(data);
}
