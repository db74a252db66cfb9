// The bundle's stand-in for selderee (scripts/tag-picker.js) picks what selderee picks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {hp2Builder} from '@selderee/plugin-htmlparser2';
import {parseDocument} from 'htmlparser2';
import {DecisionTree as Selderee} from 'selderee';
// @ts-expect-error: a plain JavaScript module of the build, without types.
import {DecisionTree as TagTree} from '../../scripts/tag-picker.js';

interface Element {
	type: string;
	name: string;
	children?: Element[];
}
/** selderee's pickers take domhandler's elements; these are those, seen through the fields the test reads. */
type Picker = {pick1: (element: Element, preferFirst?: boolean) => string | null};
const seldereePicker = (pairs: [string, string][]): Picker =>
	new Selderee(pairs).build(hp2Builder) as unknown as Picker;
const standInPicker = (pairs: [string, string][]): Picker => new TagTree(pairs).build(hp2Builder) as Picker;

const elements = (nodes: Element[]): Element[] =>
	nodes.flatMap((node) => (node.type === 'tag' ? [node, ...elements(node.children ?? [])] : []));

const html =
	'<div><p>a <b>b</b> <i>i</i></p><table><tr><td>c</td></tr></table><custom-tag>x</custom-tag><h1>h</h1><img src=x><br></div>';

test('bare tag selectors: the stand-in picks the same definition as selderee, first or last', () => {
	const pairs: [string, string][] = [
		['*', 'inline'],
		['p', 'p-first'],
		['b', 'bold'],
		['div', 'block'],
		['p', 'p-last'],
		['td', 'cell'],
		['*', 'inline-last'],
		['h1', 'heading'],
	];
	const ours = standInPicker(pairs);
	const theirs = seldereePicker(pairs);
	const all = elements(parseDocument(html).children as unknown as Element[]);
	assert.ok(all.length >= 10);
	for (const element of all) {
		for (const preferFirst of [false, true]) {
			assert.equal(
				ours.pick1(element, preferFirst),
				theirs.pick1(element, preferFirst),
				`${element.name} ${preferFirst}`,
			);
		}
	}
	const custom = all.find((element) => element.name === 'custom-tag')!;
	assert.equal(ours.pick1(custom), 'inline-last');
	assert.equal(ours.pick1(all.find((element) => element.name === 'p')!), 'p-last');
});

test('no selectors pick nothing; any other selector goes to selderee', () => {
	const element = elements(parseDocument('<p class="x">a</p>').children as unknown as Element[])[0]!;
	assert.equal(standInPicker([]).pick1(element), null);
	assert.equal(
		new TagTree([
			['p.x', 'classy'],
			['p', 'plain'],
		])
			.build(hp2Builder)
			.pick1(element),
		'classy',
	);
});
