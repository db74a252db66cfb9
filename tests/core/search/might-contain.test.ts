// The prefilter's exact answers on small hand-written texts: what each skip it allows lets through, and what it must
// still refuse. Needles are written out by hand (prepareNeedle is tested on its own, once per query).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Needle} from '../../../src/core/search/prefilter.ts';
import {mightContain, prepareNeedle} from '../../../src/core/search/prefilter.ts';

const needle = (text: string, starts: string[], numericEntityOnly = true): Needle => ({
	text,
	starts,
	numericEntityOnly,
});
const kernel = needle('kernel', ['k', 'K', '\u212a']);

type Case = [name: string, source: string, needle: Needle, expected: boolean];

function check(cases: Case[]): void {
	for (const [name, source, wanted, expected] of cases)
		assert.equal(mightContain(source, wanted), expected, `${name}: ${JSON.stringify(source)}`);
}

test('prepareNeedle: the normalised query, every character whose lower case starts it, and the entity rule', () => {
	const prepared = (query: string) => {
		const made = prepareNeedle(query)!;
		return {...made, starts: [...made.starts].sort()};
	};
	assert.deepEqual(prepared('  Kernel \t Panic '), {
		text: 'kernel panic',
		starts: ['K', 'k', '\u212a'],
		numericEntityOnly: true,
	});
	// İ lowers to i + U+0307, so it may start a match of "i"; the upper case of ß is two letters and is left out.
	assert.deepEqual(prepared('i'), {text: 'i', starts: ['I', 'i', '\u0130'], numericEntityOnly: true});
	assert.deepEqual(prepared('ß'), {text: 'ß', starts: ['ß', '\u1e9e'], numericEntityOnly: false});
	// Final sigma: Σ lowers to σ alone, yet shows as ς at a word's end.
	assert.deepEqual(prepared('ς'), {text: 'ς', starts: ['Σ', 'ς'], numericEntityOnly: false});
	assert.deepEqual(prepared('中国'), {text: '中国', starts: ['中'], numericEntityOnly: true});
	assert.deepEqual(prepared('7'), {text: '7', starts: ['7'], numericEntityOnly: true});
	// Named entities exist for everything outside ASCII letters, digits and the CJK ideographs U+3400-U+9FFF.
	assert.deepEqual(prepared('\u3400'), {text: '\u3400', starts: ['\u3400'], numericEntityOnly: true});
	assert.deepEqual(prepared('\u9fff'), {text: '\u9fff', starts: ['\u9fff'], numericEntityOnly: true});
	assert.deepEqual(prepared('\u33ff'), {text: '\u33ff', starts: ['\u33ff'], numericEntityOnly: false});
	assert.deepEqual(prepared('\ua000'), {text: '\ua000', starts: ['\ua000'], numericEntityOnly: false});
	assert.deepEqual(prepared('-'), {text: '-', starts: ['-'], numericEntityOnly: false});
	assert.equal(prepareNeedle(' \n '), null);
});

test('plain text: the needle in either case, and nothing else', () => {
	check([
		['lower case', 'the kernel', kernel, true],
		['upper case', 'THE KERNEL', kernel, true],
		['followed by a letter', 'kernels', kernel, true],
		['followed by a dot', 'the kernel.', kernel, true],
		['first letters only', 'the kern', kernel, false],
		['first words only', 'open sour', needle('open source', ['o', 'O']), false],
		['a wrong letter', 'the kerXel', kernel, false],
		['an upper-case wrong letter', 'KXRNEL', kernel, false],
		['a letter too many', 'kerxnel', kernel, false],
		['a space inside', 'ker nel', kernel, false],
		['a space for a letter', 'ker el', kernel, false],
		['a CJK character inside', 'ker中nel', kernel, false],
		['A folds to a', 'DATA', needle('data', ['d', 'D']), true],
		['Z folds to z', 'JAZZ', needle('jazz', ['j', 'J']), true],
		['[ is not {', 'a[b', needle('a{b', ['a', 'A']), false],
		['a control is not !', 'a\u0001b', needle('a!b', ['a', 'A']), false],
		['CR is not -', 'a\rb', needle('a-b', ['a', 'A']), false],
		['the Kelvin sign', '\u212aernel', kernel, true],
		['the Kelvin sign, then capitals', '\u212aERNEL', kernel, true],
		['the Kelvin sign, then A', '\u212aAL', needle('kal', ['k', 'K', '\u212a']), true],
		['the Kelvin sign, then Z', '\u212aZ', needle('kz', ['k', 'K', '\u212a']), true],
		['the Kelvin sign, cut short', '\u212aern', kernel, false],
		['accented capitals', 'KERNÉL', needle('kernél', ['k', 'K', '\u212a'], true), true],
		['fullwidth capitals', 'ａＢ', needle('ａｂ', ['ａ', 'Ａ'], false), true],
		['fullwidth capitals, wrong letter', 'ａＣ', needle('ａｂ', ['ａ', 'Ａ'], false), false],
		['U+FFFF is one code unit', 'k*\uffffe', needle('k\uffffe', ['k', 'K', '\u212a']), true],
		['an emoji is two code units', 'k*😀e', needle('k😀e', ['k', 'K', '\u212a']), true],
		['final sigma', 'ΟΔΟΣ', needle('οδος', ['ο', 'Ο'], false), true],
		['final sigma before a space', 'ΟΔΟΣ Δ', needle('οδος δ', ['ο', 'Ο'], false), true],
		['sigma is not another letter', 'ΟΔΟΣ', needle('οδοx', ['ο', 'Ο'], false), false],
		['another letter is not final sigma', 'ΟΔΟΑ', needle('οδος', ['ο', 'Ο'], false), false],
		['a surrogate pair needle', 'x 😀!', needle('😀!', ['😀'], false), true],
	]);
});

test('white space: any run of any Unicode space stands for a space of the needle, and only for one', () => {
	const openSource = needle('open source', ['o', 'O']);
	const spaces = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
	for (const code of spaces)
		check([[`U+${code.toString(16)}`, `open${String.fromCharCode(code)}source`, openSource, true]]);
	for (const code of [8, 14, 0x1fff, 0x200b, 0x2030, 0x3001])
		check([[`U+${code.toString(16)}`, `open${String.fromCharCode(code)}source`, openSource, false]]);
	check([
		['a run of spaces', 'open \n\t source', openSource, true],
		['two spaces', 'open  source', openSource, true],
		['no space', 'opensource', openSource, false],
		['a space after the needle', 'kernel ', kernel, true],
	]);
});

test('characters the renderer drops may sit between two characters of the needle', () => {
	const dropped = [0x07, 0x1f, 0x7f, 0x85, 0x202a, 0x202e, 0x2066, 0x2069, 0xfdd0, 0xfdef];
	for (const code of dropped) check([[`U+${code.toString(16)}`, `ker${String.fromCharCode(code)}nel`, kernel, true]]);
	for (const char of '*_~`\\[]!<>|()') check([[char, `ker${char}nel`, kernel, true]]);
	const kept = [0x2029, 0x202f, 0x2065, 0x206a, 0xfdcf, 0xfdf0, 0xa1, 0x23, 0x2d];
	for (const code of kept) check([[`U+${code.toString(16)}`, `ker${String.fromCharCode(code)}nel`, kernel, false]]);
	// U+009F both starts an escape sequence and is dropped: the newline after it still counts as a space.
	check([['U+9F then a newline', 'ker\u009f\nnel', needle('ker nel', ['k', 'K', '\u212a']), true]]);
});

test('escape sequences are skipped whole, up to a line end and a bounded length', () => {
	for (const code of [0x1b, 0x9b, 0x9d, 0x90, 0x98, 0x9e, 0x9f])
		check([[`U+${code.toString(16)}`, `ker${String.fromCharCode(code)}XYZnel`, kernel, true]]);
	const escape = '\u001b';
	check([
		['not past a line end', `ker${escape}x\nnel`, kernel, false],
		['256 code units after ESC', `ker${escape}${'x'.repeat(255)}nel`, kernel, true],
		['257 code units after ESC', `ker${escape}${'x'.repeat(256)}nel`, kernel, false],
		['far into the file', `${'.'.repeat(300)}ker${escape}[1mnel`, kernel, true],
		['never backwards', `ker${escape}nel`, needle('kerrnel', ['k', 'K', '\u212a']), false],
	]);
});

test('entities stand for up to four characters of the needle, or for nothing between two of them', () => {
	const rd = needle('r&d', ['r', 'R']);
	check([
		['a decimal entity', 'k&#101;rnel', kernel, true],
		['an entity with no semicolon', 'k&#101rnel', kernel, true],
		['a named entity', 'R&amp;D', rd, true],
		['a named entity between letters', 'ker&shy;nel panic', needle('kernel panic', ['k', 'K', '\u212a']), true],
		['four characters', 'k&x;l', kernel, true],
		['not five', 'k&x;', needle('kernelz', ['k', 'K', '\u212a']), false],
		['an entity then a dot', 'k&e.rnel', kernel, false],
		['a lone & at the end', 'kern&', kernel, false],
		['a lone & near the start', 'ke&', kernel, false],
		['33 characters reach', `k&${'x'.repeat(32)}rnel`, kernel, true],
		['34 do not', `k&${'x'.repeat(33)}rnel`, kernel, false],
		// An entity never starts a match of a letter unless it is numeric.
		['a named entity first', '&amp;ernel', kernel, false],
		['a numeric entity first', '&#107;ernel', kernel, true],
		['a named entity first, for an é', '&eacute;cole', needle('école', ['é', 'É'], false), true],
		['other entities, for an é', 'Tom &amp; Jerry', needle('école', ['é', 'É'], false), false],
		['an unfinished entity may hold the rest', 'a&bc', needle('a&bcd', ['a', 'A']), true],
	]);
});

test('links: a target in parentheses, possibly holding one pair of its own, within reach', () => {
	check([
		['a link target', 'ker(x)nel', kernel, true],
		['a target with parentheses', 'ker(a(b)cd)nel', kernel, true],
		['the first ) after the (', 'ker)(x)nel', kernel, true],
		['the first ) after the (, then a second', 'ker)(a(b)c)nel', kernel, true],
		['no closing parenthesis', 'nel ker(', kernel, false],
		['no second closing parenthesis', 'nel ker(x)', kernel, false],
		['2047 code units', `ker(${'x'.repeat(2046)})nel`, kernel, true],
		['2048 code units', `ker(${'x'.repeat(2047)})nel`, kernel, false],
		['a nested pair, 2047 code units', `ker(a(b)${'x'.repeat(2042)})nel`, kernel, true],
		['a nested pair, 2048 code units', `ker(a(b)${'x'.repeat(2043)})nel`, kernel, false],
		['a nested pair out of reach', `ker(a(b)${'x'.repeat(2048)})nel`, kernel, false],
		['far into the file', `${'.'.repeat(3000)}ker(x)nel`, kernel, true],
		['nested, far into the file', `${'.'.repeat(3000)}ker(a(b)c)nel`, kernel, true],
	]);
});

test('tags, comments and skipped elements', () => {
	const aa = needle('aa', ['a', 'A']);
	check([
		['a tag', 'ker<b>nel', kernel, true],
		['an attribute holding >', 'ker<b title="a>b">nel', kernel, true],
		["an attribute in ' holding >", "ker<b title='a>b'>nel", kernel, true],
		['a quote never closed', 'ker<b title="x>nel', kernel, true],
		['a quote before the tag', 'ker"<b title="a>b">nel', needle('ker"nel', ['k', 'K', '\u212a']), true],
		['not a tag', 'ker< x>nel', kernel, false],
		['a digit is no tag', 'ker<3>nel', kernel, false],
		['a tag never closed', 'Xnel ker<b', kernel, false],
		['a tag never closed at the start', 'nel ker<b', kernel, false],
		['< at the end', 'a< ', aa, false],
		['a comment', 'ker<!-- x > y -->nel', kernel, true],
		['an empty comment', 'ker<!-->X-->nel', kernel, true],
		['a comment never closed', 'xxnel ker<!--', kernel, false],
		['a comment never closed, short', 'a<!--', aa, false],
		['a style element', 'ker<style>p{}</style>nel', kernel, true],
		['an upper-case script element', 'ker<SCRIPT>x</script>nel', kernel, true],
		['a style element never closed', 'ker<style>x', kernel, false],
		['a style element closed before', '</style>nel ker<style>x', kernel, false],
		['an attribute named like an element', 'ker<b x=style>X</style>nel', kernel, false],
	]);
});

test('the walk gives up past its limit of states and lets the file through', () => {
	// From the k, each * is one more state (position, one character matched).
	check([
		['20000 states', `k${'*'.repeat(19_999)}`, kernel, false],
		['20001 states', `k${'*'.repeat(20_000)}`, kernel, true],
	]);
	// Entities that could stand for every character, but too few for the needle: many paths, few states.
	check([['a chain of entities', '&a'.repeat(15), needle('x'.repeat(70), ['x'], false), false]]);
});
