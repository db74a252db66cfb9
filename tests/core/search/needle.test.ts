import {test} from 'node:test';
import assert from 'node:assert/strict';
import {normalizeQuery, normalizeText, textContains} from '../../../src/core/search/needle.ts';

test('a query is lower-cased, its white space runs collapsed and trimmed', () => {
	assert.equal(normalizeQuery('  Open \t\n  SOURCE\u3000Way '), 'open source way');
	assert.equal(normalizeText(' A\n\nB '), ' a b ');
});

test('textContains: case and white space do not matter; an empty needle finds nothing', () => {
	assert.equal(textContains('The Open\n  Source way', 'open source'), true);
	assert.equal(textContains('The Open Sourcerer', 'open source'), true);
	assert.equal(textContains('The Open Sorce way', 'open source'), false);
	assert.equal(textContains('anything', ''), false);
});
