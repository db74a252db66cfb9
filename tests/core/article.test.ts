import {test} from 'node:test';
import assert from 'node:assert/strict';
import {articleId} from '../../src/core/article.ts';

test('articleId is 16 hex characters and depends only on the relative path', () => {
	assert.match(articleId('news/a.md'), /^[0-9a-f]{16}$/);
	assert.equal(articleId('news/a.md'), articleId('news/a.md'));
	assert.notEqual(articleId('news/a.md'), articleId('news/b.md'));
});
