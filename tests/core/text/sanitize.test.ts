import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sanitizeLine, sanitizeText} from '../../../src/core/text/sanitize.ts';
import {parseArticle} from '../../../src/core/article/article.ts';
import {displayWidth} from '../../../src/core/text/width.ts';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

test('sanitizeText removes escape sequences in full', () => {
	const cases: [string, string, string][] = [
		['CSI SGR', `a${ESC}[31mred${ESC}[0m.`, 'ared.'],
		['CSI private mode (alternate screen)', `${ESC}[?1049hx${ESC}[?1049l`, 'x'],
		['CSI with intermediate (cursor shape)', `${ESC}[2 qx`, 'x'],
		['CSI clear screen and home', `${ESC}[2J${ESC}[Hx`, 'x'],
		['CSI with many parameters', `${ESC}[38;2;255;0;0mx`, 'x'],
		['OSC title ended by BEL', `a${ESC}]0;pwned${BEL}b`, 'ab'],
		['OSC 8 hyperlink ended by ST', `${ESC}]8;;http://evil.example/${ST}click${ESC}]8;;${ST}`, 'click'],
		['OSC 52 clipboard write', `x${ESC}]52;c;ZWNobyBwd25lZA==${BEL}y`, 'xy'],
		['DCS', `${ESC}P1$qm${ST}x`, 'x'],
		['SOS', `${ESC}Xhidden${ST}x`, 'x'],
		['PM', `${ESC}^hidden${ST}x`, 'x'],
		['APC', `${ESC}_hidden${ST}x`, 'x'],
		['charset designation', `${ESC}(Bx${ESC})0y`, 'xy'],
		['three-byte DEC test', `${ESC}#8x`, 'x'],
		['UTF-8 mode select', `${ESC}%Gx`, 'x'],
		['save and restore cursor', `${ESC}7x${ESC}8`, 'x'],
		['keypad mode and reset', `${ESC}=x${ESC}>${ESC}c`, 'x'],
		['reverse index', `x${ESC}My`, 'xy'],
		['8-bit CSI', 'a\u009b31mred', 'ared'],
		['8-bit OSC ended by 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
		['8-bit OSC ended by BEL', `a\u009d0;title${BEL}b`, 'ab'],
		['8-bit DCS ended by 7-bit ST', `a\u0090q#0;2;0;0;0${ST}b`, 'ab'],
		['8-bit APC, PM, SOS', `a\u009fx\u009cb\u009ex\u009cc\u0098x\u009cd`, 'abcd'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});

test('sanitizeText drops malformed and unterminated sequences without eating the text after them', () => {
	const cases: [string, string, string][] = [
		['ESC at the end', `abc${ESC}`, 'abc'],
		['ESC before a non-ASCII letter', `${ESC}中文`, '中文'],
		['ESC ESC: the second starts the sequence', `${ESC}${ESC}[31mx`, 'x'],
		['CSI cut by a newline keeps the newline', `${ESC}[31\nnext`, '\nnext'],
		['CSI cut by a letter outside its ranges keeps the letter', `${ESC}[31中`, '中'],
		['CSI at the very end', `x${ESC}[`, 'x'],
		['intermediate without final', `x${ESC}(`, 'x'],
		[
			'unterminated OSC: only the introducer goes, the line stays',
			`before${ESC}]0;title\nafter`,
			'before0;title\nafter',
		],
		['unterminated OSC at the end of the text', `x${ESC}]8;;http://a`, 'x8;;http://a'],
		['unterminated 8-bit OSC', 'x\u009d0;title\ny', 'x0;title\ny'],
		['OSC aborted by the next escape sequence', `a${ESC}]0;t${ESC}[31mb`, 'ab'],
		['OSC aborted by CAN', `a${ESC}]0;t\u0018b`, 'ab'],
		['OSC aborted by SUB', `a${ESC}]0;t\u001ab`, 'ab'],
		['a string sequence across lines loses its introducer and its ST', `a${ESC}Pdata\nmore${ST}b`, 'adata\nmoreb'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});

test('sanitizeText removes controls, C1 and bidi controls, and normalises line ends', () => {
	const cases: [string, string, string][] = [
		['NUL, BEL, BS', 'a\u0000b\u0007c\u0008d', 'abcd'],
		['VT, FF, SO, SI', 'a\u000bb\u000cc\u000ed\u000fe', 'abcde'],
		['DEL', 'a\u007fb', 'ab'],
		['C1 controls, NEL among them', 'a\u0080b\u0085c\u008dd\u009ae', 'abcde'],
		['bidi override and embedding', 'a\u202eevil\u202cb\u202ax\u202b\u202d', 'aevilbx'],
		['bidi isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
		['CRLF', 'a\r\nb', 'a\nb'],
		['lone CR', 'a\rb', 'a\nb'],
		['CR CR LF', 'a\r\r\nb', 'a\n\nb'],
		['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc'],
		['newlines are kept', 'a\n\nb\n', 'a\n\nb\n'],
		['lone surrogates become U+FFFD', 'a\ud800b\udc00c\ud83d', 'a\ufffdb\ufffdc\ufffd'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});

test('sanitizeText keeps visible text untouched', () => {
	const samples = [
		'plain ASCII, with punctuation!',
		'中文，标点。「引用」（括号）',
		'カタカナーです・はい',
		'👩‍👩‍👧‍👦 emoji 👍🏽 🇯🇵 ❤️',
		'e\u0301 combining, 𠀀 supplementary, ＡＢＣ fullwidth',
		'no-break\u00a0space and zero\u200bwidth space',
	];
	for (const sample of samples) assert.equal(sanitizeText(sample), sample);
});

test('sanitizeText expands tabs to 8-column stops measured in display columns per line', () => {
	const cases: [string, string, string][] = [
		['at the start', '\tx', `${' '.repeat(8)}x`],
		['after one column', 'a\tb', `a${' '.repeat(7)}b`],
		['exactly at a stop', 'abcdefgh\tx', `abcdefgh${' '.repeat(8)}x`],
		['after a wide character', '中\tx', `中${' '.repeat(6)}x`],
		['after a combining sequence (1 column)', 'e\u0301\tx', `e\u0301${' '.repeat(7)}x`],
		['after an emoji ZWJ sequence (2 columns)', '👩‍👩‍👧‍👦\tx', `👩‍👩‍👧‍👦${' '.repeat(6)}x`],
		['two tabs', 'a\tb\tc', `a${' '.repeat(7)}b${' '.repeat(7)}c`],
		['columns restart on each line', 'abc\tx\n\ty', `abc${' '.repeat(5)}x\n${' '.repeat(8)}y`],
		['after a removed escape sequence', `${ESC}[1mab\tc`, `ab${' '.repeat(6)}c`],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});

test('sanitizeLine makes one trimmed line with single spaces', () => {
	const cases: [string, string, string][] = [
		['plain', 'A Title', 'A Title'],
		['newlines and tabs', 'first\nsecond\tthird', 'first second third'],
		['runs collapse and ends trim', '  a \n\n b\t\tc  ', 'a b c'],
		['CRLF and separators', 'a\r\nb\u2028c', 'a b c'],
		['escape sequences go', `${ESC}[1mBold${ESC}[0m ${ESC}]0;x${BEL}title`, 'Bold title'],
		['bidi override goes', 'file\u202etxt.exe', 'filetxt.exe'],
		['no-break and ideographic spaces collapse too', 'a\u00a0\u00a0b\u3000c', 'a b c'],
		['only controls', `\u0000${ESC}[31m\u0007`, ''],
		['CJK kept', '  中文 标题  ', '中文 标题'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeLine(input), expected, name);
});

// Each is zero columns to string-width but may take a cell in Ink or the terminal (a title full of U+200B moved
// the list/reader separator by 13 columns): one-line fields lose them before anything measures them.
const INVISIBLE: [string, string][] = [
	['zero-width space', '\u200b'],
	['left-to-right mark', '\u200e'],
	['right-to-left mark', '\u200f'],
	['word joiner', '\u2060'],
	['soft hyphen', '\u00ad'],
	['Arabic letter mark', '\u061c'],
	['Hangul choseong filler', '\u115f'],
	['Hangul jungseong filler', '\u1160'],
	['Hangul filler', '\u3164'],
	['halfwidth Hangul filler', '\uffa0'],
];

test('sanitizeLine removes invisible characters that Ink and the terminal would measure differently', () => {
	for (const [name, char] of INVISIBLE) {
		assert.equal(sanitizeLine(`a${char}b${char.repeat(30)}c`), 'abc', name);
		assert.equal(sanitizeLine(`${char} 中文 ${char}`), '中文', name);
	}
	// Joiners stay: they hold emoji sequences and Indic conjuncts together.
	assert.equal(sanitizeLine('👩\u200d👩\u200d👧'), '👩\u200d👩\u200d👧');
});

test('titles, authors, categories and file names reach the panes without invisible characters', () => {
	for (const [name, char] of INVISIBLE) {
		const spaced = (text: string) => Array.from(text).join(char);
		const source = `---\ntitle: "${spaced('abcdefghijklmnopqrstuvwxyz')}"\nauthor: ${spaced('作者')}\ncategories: [${spaced('新媒体')}]\n---\nbody`;
		const article = parseArticle(source, `${spaced('file')}.md`);
		assert.equal(article.title, 'abcdefghijklmnopqrstuvwxyz', name);
		assert.equal(displayWidth(article.title), 26, name);
		assert.equal(article.author, '作者', name);
		assert.deepEqual(article.categories, [['新媒体']], name);
		assert.equal(parseArticle('body', `${spaced('file')}.md`).title, 'file', name);
	}
});

test('sanitizeText: the edges of each escape sequence form', () => {
	const cases: [string, string, string][] = [
		['ESC SP F (intermediate 0x20)', `a${ESC} Fb`, 'ab'],
		['ESC / A (intermediate 0x2f)', `a${ESC}/Ab`, 'ab'],
		['ESC 0 (final 0x30)', `a${ESC}0b`, 'ab'],
		['ESC ~ (final 0x7e)', `a${ESC}~b`, 'ab'],
		['CSI with < parameters (mouse report)', `a${ESC}[<1;2Mb`, 'ab'],
		['CSI with : and ? parameters', `a${ESC}[1:2?3mb`, 'ab'],
		['CSI final @', `a${ESC}[1@b`, 'ab'],
		['CSI final ~', `a${ESC}[15~b`, 'ab'],
		['CSI intermediates ! and / then final', `a${ESC}[1! /qb`, 'ab'],
		['CSI cut by DEL', `a${ESC}[1\u007fb`, 'ab'],
		['CR at the very end', 'a\r', 'a\n'],
		['unit separator and escape of C0 edges', 'a\u001fb\u0001c', 'abc'],
		['8-bit CSI at the very end', 'a\u009b', 'a'],
		['8-bit APC cut by the end of its line', 'a\u009fx\ny', 'ax\ny'],
		['ST inside a string sequence ends it', `a${ESC}P${ESC}\\b`, 'ab'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});

test('sanitizeText keeps the characters just outside the ranges it removes', () => {
	const kept = ' ~\u00a0\u2027\u202f\u2065\u206a\t';
	assert.equal(sanitizeText(`a${kept.slice(0, -1)}b`), `a${kept.slice(0, -1)}b`);
	assert.equal(sanitizeText('\u00a0\u00a1\u2029'), '\u00a0\u00a1\n');
});

test('sanitizeLine also removes the Mongolian vowel separator, the invisible operators and the BOM', () => {
	for (const char of ['\u180e', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff'])
		assert.equal(sanitizeLine(`a${char}b`), 'ab', `U+${char.codePointAt(0)!.toString(16)}`);
});

test('sanitizeText: a string sequence stops at every kind of line end; an ESC in it is only ST before a backslash', () => {
	const cases: [string, string, string][] = [
		['CR ends an unterminated OSC', `x\u009d0;t\ry${BEL}z`, 'x0;t\nyz'],
		['U+2028 ends an unterminated OSC', `x\u009d0;t\u2028y${BEL}z`, 'x0;t\nyz'],
		['U+2029 ends an unterminated OSC', `x\u009d0;t\u2029y${BEL}z`, 'x0;t\nyz'],
		['a backslash before an ESC is not ST', `a${ESC}]x\\${ESC}[31mb`, 'ab'],
		['ESC ( then a newline keeps the newline', `a${ESC}(\nb`, 'a\nb'],
		['ESC ( ~', `a${ESC}(~b`, 'ab'],
		['a lone U+DFFF', 'a\udfffb', 'a\ufffdb'],
	];
	for (const [name, input, expected] of cases) assert.equal(sanitizeText(input), expected, name);
});
