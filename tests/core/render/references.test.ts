// Reference numbers and targets, directly (render.test.ts and html-links.test.ts see them through whole articles).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	displayUrl,
	recordReferences,
	ReferenceTable,
	referencesOf,
	referenceTarget,
} from '../../../src/core/render/references.ts';

test('the same URL keeps its first number and kind; new URLs count on', () => {
	const table = new ReferenceTable();
	assert.equal(table.add('https://a.example/', 'link'), 1);
	assert.equal(table.add('https://b.example/x.png', 'image'), 2);
	assert.equal(table.add('https://a.example/', 'cover'), 1);
	assert.equal(table.add('https://c.example/v.mp4', 'media'), 3);
	assert.deepEqual(table.list(), [
		{number: 1, url: 'https://a.example/', kind: 'link'},
		{number: 2, url: 'https://b.example/x.png', kind: 'image'},
		{number: 3, url: 'https://c.example/v.mp4', kind: 'media'},
	]);
	assert.deepEqual(new ReferenceTable().list(), []);
});

test('references are found by the very lines they were recorded for', () => {
	const lines = [{text: 'a'}];
	const references = [{number: 1, url: 'https://a.example/', kind: 'link' as const}];
	assert.deepEqual(referencesOf(lines), []);
	recordReferences(lines, references);
	assert.equal(referencesOf(lines), references);
	assert.deepEqual(referencesOf([{text: 'a'}]), []);
});

test('another copy of this module finds them too, and they are not among the lines as data', async () => {
	// The bundled browser renders in a second script with a copy of this module of its own (scripts/build.mjs).
	// A query makes the loader load it again, as a module of its own (.js in the mutation sandbox, as in
	// index-prune.test.ts).
	const again = new URL(
		`../../../src/core/render/references.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}?copy`,
		import.meta.url,
	).href;
	const copy = (await import(again)) as typeof import('../../../src/core/render/references.ts');
	assert.notEqual(copy.referencesOf, referencesOf);
	const lines = [{text: 'a'}];
	const references = [{number: 1, url: 'https://a.example/', kind: 'link' as const}];
	copy.recordReferences(lines, references);
	assert.equal(referencesOf(lines), references);
	assert.deepEqual(lines, [{text: 'a'}]);
	assert.deepEqual(Object.keys(lines), ['0']);
});

test('a reference target: sanitised, no fragments, no script, protocol-relative made https', () => {
	const cases: [string | undefined, string | null][] = [
		[undefined, null],
		['', null],
		['   ', null],
		['#section', null],
		['  #top', null],
		['javascript:alert(1)', null],
		['JavaScript:alert(1)', null],
		['java script:alert(1)', null],
		[' j\ta\nv a s c r i p t :x', null],
		['vbscript:msgbox', null],
		['VBScript :x', null],
		['\ufdd0#x', null],
		['javascriptx:y', 'javascriptx:y'],
		['https://a.example/#frag', 'https://a.example/#frag'],
		['  https://a.example/x  ', 'https://a.example/x'],
		['https://a.example/\u001b[31mx', 'https://a.example/x'],
		['https://a.example/\ufdd0x\ufdef', 'https://a.example/x'],
		['//cdn.example/a.png', 'https://cdn.example/a.png'],
		['/local/a.png', '/local/a.png'],
		['a.png', 'a.png'],
	];
	for (const [raw, expected] of cases) assert.equal(referenceTarget(raw), expected, JSON.stringify(raw));
});

test('a data: URI is shown as its media type only; other URLs whole', () => {
	assert.equal(displayUrl('data:image/png;base64,iVBORw0KGgo'), 'data:image/png…');
	assert.equal(displayUrl('DATA:text/plain,hello'), 'data:text/plain…');
	assert.equal(displayUrl('data:,hello'), 'data:…');
	assert.equal(displayUrl(`data:${'x'.repeat(50)},y`), `data:${'x'.repeat(40)}…`);
	assert.equal(displayUrl('https://a.example/data:x'), 'https://a.example/data:x');
	assert.equal(displayUrl('https://a.example/'), 'https://a.example/');
});

test('script hides nowhere but at the start; noncharacters do not hide a fragment', () => {
	assert.equal(referenceTarget('https://a.example/?next=javascript:x'), 'https://a.example/?next=javascript:x');
	assert.equal(referenceTarget('\ufdd0 #top'), null);
	assert.equal(referenceTarget('\ufdd0 https://a.example/'), 'https://a.example/');
});
