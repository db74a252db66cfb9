import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {sanitizeText} from '../../../src/core/text/sanitize.ts';
import {graphemes} from '../../../src/core/text/width.ts';
import {hardWrap, wrapLine} from '../../../src/core/text/wrap.ts';
import {endsWithOpening, startsWithClosing} from '../../helpers/kinsoku.ts';
import {corpusDir, skipUnlessShared} from '../../helpers/shared.ts';

// What the wrapper may drop where it breaks: whitespace (U+FEFF is not a space to drop).
const droppable = /[^\S\ufeff]/;

const family = '👩‍👩‍👧‍👦';
const eAcute = 'e\u0301';

interface Expectations {
	/** Check the punctuation rules (they give way to the width only on lines of a few columns). */
	kinsoku: boolean;
}

/** Every rule of wrapLine that holds for any input: width, nothing lost, punctuation, idempotence. */
function assertWrapped(input: string, width: number, lines: string[], {kinsoku}: Expectations): void {
	const where = (index: number) =>
		`${JSON.stringify(input.slice(0, 40))} @ ${width}, line ${index}: ${JSON.stringify(lines[index])}`;
	assert.ok(lines.length > 0);
	let cursor = 0;
	lines.forEach((line, index) => {
		const lineWidth = stringWidth(line);
		assert.ok(lineWidth <= width || graphemes(line).length === 1, `too wide (${lineWidth}): ${where(index)}`);
		if (index > 0 || !input.startsWith(line)) while (droppable.test(input[cursor] ?? '')) cursor++;
		assert.ok(input.startsWith(line, cursor), `text lost or changed before ${where(index)}`);
		cursor += line.length;
		if (index > 0) assert.doesNotMatch(line, /^\s/, `starts with a space: ${where(index)}`);
		if (kinsoku && index > 0) assert.ok(!startsWithClosing(line), `starts with closing punctuation: ${where(index)}`);
		if (kinsoku && index < lines.length - 1)
			assert.ok(!endsWithOpening(line), `ends with opening punctuation: ${where(index)}`);
		assert.deepEqual(wrapLine(line, width), [line], `not idempotent: ${where(index)}`);
	});
	while (droppable.test(input[cursor] ?? '')) cursor++;
	assert.equal(cursor, input.length, `text lost at the end: ${JSON.stringify(input.slice(cursor, cursor + 40))}`);
}

test('wrapLine breaks by display width, following UAX #14 and the punctuation rules', () => {
	const cases: [string, string, number, string[]][] = [
		['empty', '', 10, ['']],
		['fits: unchanged, spaces and all', ' hello  world ', 14, [' hello  world ']],
		['Latin words', 'the quick brown fox', 10, ['the quick', 'brown fox']],
		['spaces inside a line are kept', 'a  b  c', 5, ['a  b', 'c']],
		['pure Chinese breaks between any ideographs', '中文测试内容一二三四', 8, ['中文测试', '内容一二', '三四']],
		[
			'Chinese punctuation stays with the character before',
			'这是一个测试，看看标点。好的',
			8,
			['这是一个', '测试，看', '看标点。', '好的'],
		],
		['exact fill: the full stop does not open the next line', '中文中文。中文', 8, ['中文中', '文。中文']],
		['opening bracket goes down with what it opens', '一二三四五六（七八）', 14, ['一二三四五六', '（七八）']],
		['quotes cling to their text', '他说：“你好。”然后走了', 10, ['他说：“你', '好。”然后', '走了']],
		['mixed Chinese and English', '使用Python语言编写的程序', 10, ['使用Python', '语言编写的', '程序']],
		['Japanese kana: no line starts with ー or ・', 'カタカナーです・はい', 6, ['カタカ', 'ナーで', 'す・は', 'い']],
		['supplementary-plane ideographs', '𠀀𠀁𠀂𠀃𠀄', 4, ['𠀀𠀁', '𠀂𠀃', '𠀄']],
		['fullwidth forms', 'ＡＢＣＤＥ', 4, ['ＡＢ', 'ＣＤ', 'Ｅ']],
		['hyphenated words are not split', 'well-known words', 10, ['well-known', 'words']],
		[
			'a URL that fits its own line is not split',
			'see https://example.com/a/b now',
			23,
			['see', 'https://example.com/a/b', 'now'],
		],
		[
			'a long URL is hard-split on lines of its own',
			'see https://example.com/a/very/long/path/that/does/not/fit here',
			20,
			['see', 'https://example.com/', 'a/very/long/path/tha', 't/does/not/fit here'],
		],
		[
			'exact fill of a hard-split word: the comma takes a letter down',
			'abcdefghij, more',
			10,
			['abcdefghi', 'j, more'],
		],
		[
			'hard-split hash then a full stop',
			'deadbeefdeadbeefdeadbeef。下一句',
			8,
			['deadbeef', 'deadbeef', 'deadbee', 'f。下一', '句'],
		],
		['hard split keeps an opening bracket off the line end', 'abcdefgh（ijk', 8, ['abcdefgh', '（ijk']],
		['emoji ZWJ sequences are never split', family.repeat(5), 5, [family.repeat(2), family.repeat(2), family]],
		[
			'combining sequences are never split',
			eAcute.repeat(10),
			4,
			[eAcute.repeat(4), eAcute.repeat(4), eAcute.repeat(2)],
		],
		['a 2-column character alone on a 1-column line', '中文', 1, ['中', '文']],
		['leading indent is kept', '    indented text here', 12, ['    indented', 'text here']],
		[
			'an indent the first word does not fit after goes, like a space at a break',
			'        abcdefghij',
			10,
			['abcdefghij'],
		],
		['no-break spaces give way before a word is hard-split', 'aaaa\u00a0bbbb\u00a0cccc', 9, ['aaaa\u00a0bbbb', 'cccc']],
		['a zero-width space (<wbr>) is a break opportunity', 'abcdef\u200bghijkl', 8, ['abcdef\u200b', 'ghijkl']],
		['case is never changed', 'Hello World FOO bar', 9, ['Hello', 'World FOO', 'bar']],
		['newlines are forced breaks', 'one\ntwo three', 5, ['one', 'two', 'three']],
	];
	for (const [name, input, width, expected] of cases) {
		const lines = wrapLine(input, width);
		assert.deepEqual(lines, expected, name);
		if (!input.includes('\n')) assertWrapped(input, width, lines, {kinsoku: width >= 4});
	}
});

test('wrapLine keeps every rule at every width from 1 to 300', () => {
	const samples = [
		'\u3000\u3000这是一段中文，包含English words、数字123和标点。「引用」（括号）还有https://example.com/a/very/long/url?with=query&and=more，' +
			`以及emoji${family}和组合字符${eAcute}以及𠀀𠀁。最后是ＦＵＬＬＷＩＤＴＨ和カタカナー・です！`,
		'A plain English paragraph with a deadbeefdeadbeefdeadbeefdeadbeefdeadbeef hash, (brackets) and "quotes"; the end.',
		`${family}${family}${eAcute}${eAcute}中文，。abc${family}`,
	];
	for (const sample of samples) {
		for (let width = 1; width <= 300; width++) {
			// Below 6 columns a glued unit such as 。」 after a hard split may not fit with a character: width wins.
			assertWrapped(sample, width, wrapLine(sample, width), {kinsoku: width >= 6});
		}
	}
});

test('wrapLine on a long Chinese paragraph fills lines and never starts one with ， or 。', () => {
	const base = '我们在这里测试一个很长的中文段落内容看看怎么样';
	let paragraph = '';
	for (let index = 0; paragraph.length < 5000; index++) {
		paragraph += base[index % base.length];
		if (index % 20 === 19) paragraph += index % 40 === 39 ? '。' : '，';
	}
	const lines = wrapLine(paragraph, 80);
	assertWrapped(paragraph, 80, lines, {kinsoku: true});
	// Greedy fill: only the last line, and lines ending before a character plus its punctuation, are short.
	for (const line of lines.slice(0, -1)) assert.ok(stringWidth(line) >= 76, line);
});

/** Article bodies crudely made text: tags become line breaks, a few entities decoded, then sanitized. */
function corpusParagraphs(): {name: string; paragraph: string}[] {
	const decode = (text: string) =>
		text
			.replace(/&nbsp;/g, '\u00a0')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&');
	return readdirSync(corpusDir)
		.filter((file) => file.endsWith('.md'))
		.sort()
		.flatMap((name) => {
			const text = sanitizeText(decode(readFileSync(join(corpusDir, name), 'utf8').replace(/<[^>]*>/g, '\n')));
			return text
				.split('\n')
				.filter((line) => line.trim() !== '')
				.map((paragraph) => ({name, paragraph}));
		});
}

test(
	'wrapLine keeps every rule on the real corpus at widths 20, 40 and 80',
	{skip: skipUnlessShared(corpusDir)},
	() => {
		const paragraphs = corpusParagraphs();
		assert.ok(paragraphs.length > 1000);
		for (const width of [20, 40, 80]) {
			for (const {name, paragraph} of paragraphs) {
				try {
					assertWrapped(paragraph, width, wrapLine(paragraph, width), {kinsoku: true});
				} catch (error) {
					assert.fail(`${name}: ${(error as Error).message}`);
				}
			}
		}
	},
);

test('hardWrap splits only where a line would pass the width, keeping every space', () => {
	const cases: [string, string, number, string[]][] = [
		['empty', '', 4, ['']],
		['fits', '  a  b', 6, ['  a  b']],
		['ASCII', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
		['spaces are kept, even at the ends', '  a  b  ', 3, ['  a', '  b', '  ']],
		['wide characters do not straddle', '中文中文中', 5, ['中文', '中文', '中']],
		['mixed', 'ab中文', 3, ['ab', '中', '文']],
		['emoji ZWJ sequences stay whole', `${family}a${family}`, 3, [`${family}a`, family]],
		['combining sequences stay whole', eAcute.repeat(3), 2, [eAcute.repeat(2), eAcute]],
		['a 2-column character alone on a 1-column line', '中文', 1, ['中', '文']],
		['closing punctuation does not start a line', 'abcd，e', 4, ['abc', 'd，e']],
		['opening punctuation does not end a line', 'abc（de', 4, ['abc', '（de']],
		['the width wins when nothing else fits', '，，，，', 1, ['，', '，', '，', '，']],
	];
	for (const [name, input, width, expected] of cases) {
		const lines = hardWrap(input, width);
		assert.deepEqual(lines, expected, name);
		assert.equal(lines.join(''), input, name);
	}
});

test('hardWrap keeps the width and all text for widths 1 to 120', () => {
	const sample = `    const x = "中文${family}${eAcute}𠀀ＡＢ";  // a comment with  two  spaces\tand more`;
	for (let width = 1; width <= 120; width++) {
		const lines = hardWrap(sample, width);
		assert.equal(lines.join(''), sample, `@ ${width}`);
		for (const line of lines)
			assert.ok(stringWidth(line) <= width || graphemes(line).length === 1, `${line} @ ${width}`);
	}
});

// A word wider than the line is split by grapheme; the split moves the last letter down with the punctuation.
test('a split word never puts closing punctuation first on a line, for every closing character', () => {
	for (const char of '，。、！？；：）」』】》〉”’…‥ー・］｝〕〗〙〛｠｡｣､〞〟,.;:!?)]}')
		assert.deepEqual(wrapLine(`abcdef${char}`, 3), ['abc', 'de', `f${char}`], char);
	for (const char of ')]}］｝〕〗') assert.deepEqual(wrapLine(`一二${char}`, 4), ['一', `二${char}`], char);
});

test('a split word never puts opening punctuation last on a line, for every opening character', () => {
	for (const char of '（「『【《〈［｛〔〖〘〚｟〝')
		assert.deepEqual(wrapLine(`ab${char}defgh`, 4), ['ab', `${char}de`, 'fgh'], char);
	for (const char of '“‘｢([{') assert.deepEqual(wrapLine(`abc${char}defgh`, 4), ['abc', `${char}def`, 'gh'], char);
	for (const char of '［｛〔') assert.deepEqual(wrapLine(`一${char}二`, 4), ['一', `${char}二`], char);
});

test('an emoji is a break point like an ideograph: the words beside it stay whole', () => {
	assert.deepEqual(wrapLine('hello😀world', 8), ['hello😀', 'world']);
	assert.deepEqual(wrapLine('hello🇨🇳world', 8), ['hello🇨🇳', 'world']);
	assert.deepEqual(wrapLine('hello👍🏽world', 8), ['hello👍🏽', 'world']);
});
