// The state file's format (read-state-format.ts): what parseState accepts, what it sets aside and why (the reason
// is shown and kept beside the set-aside file), a newer version left alone, version 1 carried over.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseState} from '../../src/io/read-state-format.ts';

const library = {root: '/lib', sample: ['a.md'], read: ['0123456789abcdef']};
const v2 = (changes: Record<string, unknown>) => JSON.stringify({version: 2, libraries: {k: library}, ...changes});
const withLibrary = (changes: Record<string, unknown>) => v2({libraries: {k: {...library, ...changes}}});

test('what is not a state file is set aside, saying why', () => {
	const invalid = parseState('{"version": 2,');
	assert.equal(invalid.kind, 'corrupt');
	assert.match((invalid as {reason: string}).reason, /^invalid JSON: ./);
	const table: [string, string][] = [
		['[]', 'not a JSON object'],
		['null', 'not a JSON object'],
		['"state"', 'not a JSON object'],
		['{"version": "2"}', '"version" is not a positive integer'],
		['{"version": 1.5}', '"version" is not a positive integer'],
		['{"version": 0}', '"version" is not a positive integer'],
		['{"version": 1, "read": [1]}', '"read" is not a list of ids'],
		['{"read": "abc"}', '"read" is not a list of ids'],
		[v2({libraries: []}), '"libraries" is not an object'],
		[v2({libraries: {k: 'lib'}}), 'library "k": not an object'],
		[withLibrary({root: ''}), 'library "k": "root" is not a path'],
		[withLibrary({root: 5}), 'library "k": "root" is not a path'],
		[withLibrary({sample: [1]}), 'library "k": "sample" is not a list of paths'],
		[withLibrary({read: 'x'}), 'library "k": "read" is not a list of ids'],
		[withLibrary({starred: [null]}), 'library "k": "starred" is not a list of ids'],
		[withLibrary({migrated: 'yes'}), 'library "k": "migrated" is not true or false'],
		[v2({legacyRead: ['a', 2]}), '"legacyRead" is not a list of ids'],
	];
	for (const [text, reason] of table) assert.deepEqual(parseState(text), {kind: 'corrupt', reason}, text);
});

test('a newer version is left alone; version 1 (a list of read ids) is carried over, other keys kept', () => {
	assert.deepEqual(parseState('{"version": 3, "libraries": 5}'), {kind: 'newer', version: 3});
	assert.deepEqual(parseState('{"read": ["a", "b"], "other": 1}'), {
		kind: 'ok',
		data: {other: 1, version: 2, libraries: {}, legacyRead: ['a', 'b']},
	});
	assert.deepEqual(parseState('{"version": 1}'), {kind: 'ok', data: {version: 2, libraries: {}, legacyRead: []}});
});

test('version 2: libraries as written, optional fields at their defaults; bad positions and session dropped alone', () => {
	assert.deepEqual(parseState('{"version": 2}'), {kind: 'ok', data: {version: 2, libraries: {}}});
	const full = {...library, starred: ['0123456789abcdef'], migrated: true, positions: {a: [0.5, 10]}};
	assert.deepEqual(parseState(v2({libraries: {k: full}, legacyRead: ['x'], extra: 'kept'})), {
		kind: 'ok',
		data: {version: 2, libraries: {k: full}, legacyRead: ['x'], extra: 'kept'},
	});
	assert.deepEqual(parseState(withLibrary({migrated: false, positions: {a: [2, 10], '': [0.5, 1]}, session: 'x'})), {
		kind: 'ok',
		data: {version: 2, libraries: {k: {...library, migrated: false}}},
	});
	const session = {category: [], starred: false, query: '', cursor: null, open: null, focus: 'list', sort: 'title'};
	assert.deepEqual(parseState(withLibrary({session: {sort: 'title'}})), {
		kind: 'ok',
		data: {version: 2, libraries: {k: {...library, session}}},
	});
});
