// Where a search's needle is in the reader's lines: case, characters a pattern would read as operators, spaces over
// line breaks (blank lines drawn without a range), and offsets in text whose lower case is longer.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {findMatches} from '../../../src/core/browser/matches.ts';
import type {Line} from '../../../src/core/render/lines.ts';

const lines = (...texts: string[]): Line[] => texts.map((text) => ({text, style: 'body'}));

test('an empty needle finds nothing', () => {
	const found = findMatches(lines('tea'), '  ');
	assert.deepEqual(found.list, []);
	assert.equal(found.byLine.size, 0);
});

test('characters of the needle are matched as written, not as a pattern', () => {
	assert.deepEqual(findMatches(lines('axb a.b'), 'a.b').list, [{line: 0, start: 4, end: 7}]);
	assert.deepEqual(findMatches(lines('c and c++ (so)'), 'c++ (so)').list, [{line: 0, start: 6, end: 14}]);
});

test('a space of the needle is white space or a line break, never nothing', () => {
	assert.deepEqual(findMatches(lines('teacup'), 'tea cup').list, []);
	assert.deepEqual(findMatches(lines('a tea  cup'), 'tea cup').list, [{line: 0, start: 2, end: 10}]);
	const over = findMatches(lines('some tea', '', 'cup here'), 'tea cup');
	assert.deepEqual(over.list, [{line: 0, start: 5, end: 8}]);
	assert.deepEqual([...over.byLine.keys()], [0, 2], 'the blank line between holds no range');
	assert.deepEqual(over.byLine.get(2), [{line: 2, start: 0, end: 3}]);
});

test('matches blind to case, at the offsets of the text as shown', () => {
	assert.deepEqual(findMatches(lines('Green TEA'), 'tea').list, [{line: 0, start: 6, end: 9}]);
	// `İ` lower-cases to two code units: the offsets stay those of the line as written.
	assert.deepEqual(findMatches(lines('İstanbul Tea'), 'tea').list, [{line: 0, start: 9, end: 12}]);
});
