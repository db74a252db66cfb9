// Stands in for selderee (html-to-text's selector engine; scripts/build-plugins.mjs routes html-to-text's import
// here in the bundle). html-to-text compiles its selectors into a decision tree before converting anything:
// about 25 ms of every `leaf cat` and of the browser's first article, for leaf's selectors, which are all bare
// tag names. Those are picked from a Map with selderee's rules (a tag beats `*`; between equals, the last one
// defined, or the first with preferFirst); any other selector list goes to selderee itself.
import {DecisionTree as SeldereeTree} from 'selderee';

const BARE_TAG = /^[a-z][a-z0-9]*$/;

export class DecisionTree {
	constructor(pairs) {
		this.pairs = pairs;
	}

	build(builder) {
		return this.pairs.every(([selector]) => selector === '*' || BARE_TAG.test(selector))
			? new TagPicker(this.pairs)
			: new SeldereeTree(this.pairs).build(builder);
	}
}

class TagPicker {
	constructor(pairs) {
		this.byTag = new Map();
		this.universal = [];
		pairs.forEach(([selector, value], index) => {
			const match = {value, index, specificity: selector === '*' ? [0, 0, 0] : [0, 0, 1]};
			if (selector === '*') this.universal.push(match);
			else this.byTag.set(selector, [...(this.byTag.get(selector) ?? []), match]);
		});
	}

	pickAll(element) {
		return [...(this.byTag.get(element.name) ?? []), ...this.universal];
	}

	pick1(element, preferFirst = false) {
		const candidates = this.byTag.get(element.name) ?? this.universal;
		if (candidates.length === 0) return null;
		return candidates[preferFirst ? 0 : candidates.length - 1].value;
	}
}
