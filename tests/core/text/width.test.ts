import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {clusterWidths, displayWidth, graphemes, padEnd, truncate} from '../../../src/core/text/width.ts';
import {corpusDir, skipUnlessShared} from '../../helpers/shared.ts';

const family = '👩‍👩‍👧‍👦';
const eAcute = 'e\u0301';

test('displayWidth counts terminal columns', () => {
	const cases: [string, string, number][] = [
		['empty', '', 0],
		['ASCII', 'hello, world', 12],
		['Chinese', '中文', 4],
		['Chinese punctuation', '，。「」', 8],
		['Japanese kana', 'カタカナー', 10],
		['halfwidth katakana with voiced mark', 'ｶﾞ', 2],
		['Hangul syllables', '한국어', 6],
		['Hangul jamo forming one syllable', '\u1100\u1161', 2],
		['fullwidth forms', 'ＡＢＣ１２３', 12],
		['supplementary-plane ideograph', '𠀀𠀁', 4],
		['precomposed é', 'é', 1],
		['e + combining acute', eAcute, 1],
		['many combining marks on one base', `a${'\u0301'.repeat(20)}`, 1],
		['emoji ZWJ family', family, 2],
		['emoji with skin tone', '👍🏽', 2],
		['flag', '🇯🇵', 2],
		['heart with VS16', '❤️', 2],
		['keycap', '1️⃣', 2],
		['zero-width space and joiner', 'a\u200bb\u200dc', 3],
		['ellipsis (ambiguous, narrow)', '…', 1],
		['mixed', `中文 abc ${family} ${eAcute}`, 4 + 1 + 3 + 1 + 2 + 1 + 1],
	];
	for (const [name, text, expected] of cases) assert.equal(displayWidth(text), expected, name);
});

test('displayWidth equals string-width on every line of the real corpus', {skip: skipUnlessShared(corpusDir)}, () => {
	for (const name of readdirSync(corpusDir).filter((file) => file.endsWith('.md'))) {
		for (const line of readFileSync(join(corpusDir, name), 'utf8').split('\n')) {
			assert.equal(displayWidth(line), stringWidth(line), `${name}: ${line.slice(0, 60)}`);
		}
	}
});

test('graphemes never split a cluster, and clusterWidths measures each', () => {
	const cases: [string, string[]][] = [
		['ab', ['a', 'b']],
		['中文', ['中', '文']],
		[`${family}x`, [family, 'x']],
		[`${eAcute}${eAcute}`, [eAcute, eAcute]],
		['𠀀a', ['𠀀', 'a']],
		['🇯🇵👍🏽', ['🇯🇵', '👍🏽']],
	];
	for (const [text, expected] of cases) {
		assert.deepEqual(graphemes(text), expected, text);
		const {clusters, widths} = clusterWidths(text);
		assert.deepEqual(
			widths,
			clusters.map((cluster) => stringWidth(cluster)),
			text,
		);
	}
});

test('truncate cuts by grapheme to at most width columns, with an ellipsis when cut', () => {
	const cases: [string, number, string | undefined, string][] = [
		['fits', 5, undefined, 'fits'],
		['hello world', 11, undefined, 'hello world'],
		['hello world', 5, undefined, 'hell…'],
		['hello', 1, undefined, '…'],
		['hello', 0, undefined, ''],
		['hello', -3, undefined, ''],
		['中文中文', 8, undefined, '中文中文'],
		['中文中文', 5, undefined, '中文…'],
		// 中 would straddle the last column: it is left out rather than overflowing.
		['中文中文', 4, undefined, '中…'],
		['中文中文', 2, undefined, '…'],
		['中文中文', 1, undefined, '…'],
		[family.repeat(3), 3, undefined, `${family}…`],
		[eAcute.repeat(4), 3, undefined, `${eAcute}${eAcute}…`],
		['abcdef', 2, '...', 'ab'],
		['abcdef', 4, '...', 'a...'],
		['abcdef', 3, '', 'abc'],
		// Long text is segmented only as far as needed, still by whole clusters.
		[`${family.repeat(500)}x`, 7, undefined, `${family.repeat(3)}…`],
		[`a${'\u0301'.repeat(300)}bc`, 2, undefined, `a${'\u0301'.repeat(300)}…`],
		[`${'🇯🇵'.repeat(40)}x`, 5, undefined, `${'🇯🇵'.repeat(2)}…`],
	];
	for (const [text, width, ellipsis, expected] of cases) {
		assert.equal(truncate(text, width, ellipsis), expected, `${text} @ ${width}`);
	}
});

test('truncate never exceeds the width and keeps whole clusters, for widths 0..12', () => {
	const samples = ['中文English混合', `${family}${eAcute}中a`, 'ＡＢＣ𠀀𠀁', 'plain ascii text', '，。「引用」'];
	for (const sample of samples) {
		const clusters = graphemes(sample);
		for (let width = 0; width <= 12; width++) {
			const cut = truncate(sample, width);
			assert.ok(displayWidth(cut) <= width, `${sample} @ ${width}: ${cut}`);
			const kept = cut.endsWith('…') && cut !== sample ? cut.slice(0, -1) : cut;
			const prefix = clusters.slice(0, graphemes(kept).length).join('');
			assert.equal(kept, prefix, `${sample} @ ${width}: not whole clusters`);
		}
	}
});

test('padEnd gives exactly width columns', () => {
	const cases: [string, number, string][] = [
		['ab', 4, 'ab  '],
		['中文', 5, '中文 '],
		['中文中文', 5, '中文…'],
		['中文中文', 4, '中… '],
		[family, 3, `${family} `],
		['abc', 0, ''],
	];
	for (const [text, width, expected] of cases) {
		assert.equal(padEnd(text, width), expected, `${text} @ ${width}`);
		assert.equal(displayWidth(padEnd(text, width)), width);
	}
});
