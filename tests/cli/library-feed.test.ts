// When the articles found while indexing go to the browser (cli/library-feed.ts): in batches at most every 100 ms,
// but the first titles at once, however recently a report of progress alone was sent.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {feedWait} from '../../src/cli/library-feed.ts';

test('the first titles go at once, even just after a report of progress alone', () => {
	assert.equal(feedWait({titlesSent: false, titlesPending: true, lastSent: 1000, now: 1001}), 0);
	assert.equal(feedWait({titlesSent: false, titlesPending: true, lastSent: 0, now: 5}), 0);
});

test('after the first titles, and for progress alone, a batch at most every 100 ms', () => {
	assert.equal(feedWait({titlesSent: true, titlesPending: true, lastSent: 1000, now: 1030}), 70);
	assert.equal(feedWait({titlesSent: false, titlesPending: false, lastSent: 1000, now: 1030}), 70);
	assert.equal(feedWait({titlesSent: true, titlesPending: true, lastSent: 1000, now: 1100}), 0);
	assert.equal(feedWait({titlesSent: true, titlesPending: false, lastSent: 1000, now: 1500}), 0);
});
