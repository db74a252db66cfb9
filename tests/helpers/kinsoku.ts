// The punctuation (kinsoku) rules of line breaking, written out once for every test: what may not start a line and
// what may not end one. tests/core/text/kinsoku.test.ts keeps this table equal to src/core/text/wrap.ts, code point
// by code point; the other tests check rendered lines against it.

/** May not start a line: closing brackets and quotes, commas, full stops and the like (CJK, fullwidth, ASCII). */
export const CLOSING_PUNCTUATION: readonly (readonly [char: string, name: string])[] = [
	['，', 'U+FF0C fullwidth comma'],
	['。', 'U+3002 ideographic full stop'],
	['、', 'U+3001 ideographic comma'],
	['！', 'U+FF01 fullwidth exclamation mark'],
	['？', 'U+FF1F fullwidth question mark'],
	['；', 'U+FF1B fullwidth semicolon'],
	['：', 'U+FF1A fullwidth colon'],
	['）', 'U+FF09 fullwidth right parenthesis'],
	['」', 'U+300D right corner bracket'],
	['』', 'U+300F right white corner bracket'],
	['】', 'U+3011 right black lenticular bracket'],
	['》', 'U+300B right double angle bracket'],
	['〉', 'U+3009 right angle bracket'],
	['”', 'U+201D right double quotation mark'],
	['’', 'U+2019 right single quotation mark'],
	['…', 'U+2026 horizontal ellipsis'],
	['‥', 'U+2025 two dot leader'],
	['ー', 'U+30FC katakana-hiragana prolonged sound mark'],
	['・', 'U+30FB katakana middle dot'],
	['］', 'U+FF3D fullwidth right square bracket'],
	['｝', 'U+FF5D fullwidth right curly bracket'],
	['〕', 'U+3015 right tortoise shell bracket'],
	['〗', 'U+3017 right white lenticular bracket'],
	['〙', 'U+3019 right white tortoise shell bracket'],
	['〛', 'U+301B right white square bracket'],
	['｠', 'U+FF60 fullwidth right white parenthesis'],
	['｡', 'U+FF61 halfwidth ideographic full stop'],
	['｣', 'U+FF63 halfwidth right corner bracket'],
	['､', 'U+FF64 halfwidth ideographic comma'],
	['〞', 'U+301E double prime quotation mark'],
	['〟', 'U+301F low double prime quotation mark'],
	[',', 'U+002C comma'],
	['.', 'U+002E full stop'],
	[';', 'U+003B semicolon'],
	[':', 'U+003A colon'],
	['!', 'U+0021 exclamation mark'],
	['?', 'U+003F question mark'],
	[')', 'U+0029 right parenthesis'],
	[']', 'U+005D right square bracket'],
	['}', 'U+007D right curly bracket'],
];

/** May not end a line: opening brackets and quotes. */
export const OPENING_PUNCTUATION: readonly (readonly [char: string, name: string])[] = [
	['（', 'U+FF08 fullwidth left parenthesis'],
	['「', 'U+300C left corner bracket'],
	['『', 'U+300E left white corner bracket'],
	['【', 'U+3010 left black lenticular bracket'],
	['《', 'U+300A left double angle bracket'],
	['〈', 'U+3008 left angle bracket'],
	['“', 'U+201C left double quotation mark'],
	['‘', 'U+2018 left single quotation mark'],
	['［', 'U+FF3B fullwidth left square bracket'],
	['｛', 'U+FF5B fullwidth left curly bracket'],
	['〔', 'U+3014 left tortoise shell bracket'],
	['〖', 'U+3016 left white lenticular bracket'],
	['〘', 'U+3018 left white tortoise shell bracket'],
	['〚', 'U+301A left white square bracket'],
	['｟', 'U+FF5F fullwidth left white parenthesis'],
	['｢', 'U+FF62 halfwidth left corner bracket'],
	['〝', 'U+301D reversed double prime quotation mark'],
	['(', 'U+0028 left parenthesis'],
	['[', 'U+005B left square bracket'],
	['{', 'U+007B left curly bracket'],
];

const closing = new Set(CLOSING_PUNCTUATION.map(([char]) => char));
const opening = new Set(OPENING_PUNCTUATION.map(([char]) => char));

export function isClosing(char: string): boolean {
	return closing.has(char);
}

export function isOpening(char: string): boolean {
	return opening.has(char);
}

/**
 * `ascii: false` leaves out the ASCII characters, for checks over whole rendered articles: there a line may start a
 * paragraph or an item with `.eslintrc.js` or end one with `{`, which only the wrapper's own tests can tell from a
 * break.
 */
export interface Options {
	ascii?: boolean;
}

const isAscii = (char: string) => char.charCodeAt(0) < 0x80;

/** Whether `line` starts with what may not start a line. */
export function startsWithClosing(line: string, {ascii = true}: Options = {}): boolean {
	const first = line.codePointAt(0);
	if (first === undefined) return false;
	const char = String.fromCodePoint(first);
	return closing.has(char) && (ascii || !isAscii(char));
}

/** Whether `line` ends with what may not end a line. */
export function endsWithOpening(line: string, {ascii = true}: Options = {}): boolean {
	const last = [...line].at(-1);
	return last !== undefined && opening.has(last) && (ascii || !isAscii(last));
}
