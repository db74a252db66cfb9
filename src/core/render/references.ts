// The numbered references of a rendered article: link targets, image sources and the cover image.
import {sanitizeLine} from '../text/sanitize.ts';

export type ReferenceKind = 'link' | 'image' | 'media' | 'cover';

export interface Reference {
	number: number;
	/** The target as given (sanitised); see displayUrl for what to print. */
	url: string;
	/** How it was first referenced; a URL seen again keeps its number and first kind. */
	kind: ReferenceKind;
}

// The references each rendered article numbers, kept on its lines (render.ts records them): the reader's lines travel
// through the browser's state as they are, so whoever holds them can ask which URL `[n]` means without rendering
// again. Here and not in render.ts, so the browser can ask without loading the render pipeline. Under a registered
// symbol, not in a WeakMap of this module's: the bundled browser renders in its later script (scripts/build.mjs),
// which has a copy of this module of its own, and asks in the first.
const REFERENCES = Symbol.for('leaf.references');
const noReferences: readonly Reference[] = Object.freeze([]);

/** The references numbered in `lines` as renderArticle made them (none for lines made any other way). */
export function referencesOf(lines: readonly object[]): readonly Reference[] {
	return (Reflect.get(lines, REFERENCES) as readonly Reference[] | undefined) ?? noReferences;
}

export function recordReferences(lines: readonly object[], references: readonly Reference[]): void {
	Object.defineProperty(lines, REFERENCES, {value: references});
}

/** Numbers URLs in the order they are first seen; the same URL always gets the same number. */
export class ReferenceTable {
	readonly #byUrl = new Map<string, Reference>();

	add(url: string, kind: ReferenceKind): number {
		const known = this.#byUrl.get(url);
		if (known) return known.number;
		const reference = {number: this.#byUrl.size + 1, url, kind};
		this.#byUrl.set(url, reference);
		return reference.number;
	}

	list(): Reference[] {
		return [...this.#byUrl.values()];
	}
}

const unsafeScheme = /^(?:javascript|vbscript):/i;

/**
 * The URL a link or image points at, or null when there is nothing worth a reference number:
 * no href, an in-page `#fragment`, or script (`javascript:`, `vbscript:`, also when obfuscated with spaces).
 * Protocol-relative `//host/x` becomes `https://host/x` so it can be opened.
 */
export function referenceTarget(raw: string | undefined): string | null {
	if (raw === undefined) return null;
	const url = sanitizeLine(raw)
		.replace(/[\ufdd0-\ufdef]/g, '')
		.trim();
	if (url === '' || url.startsWith('#')) return null;
	if (unsafeScheme.test(url.replace(/\s+/g, ''))) return null;
	return url.startsWith('//') ? `https:${url}` : url;
}

/** What the References list prints: data: URIs are cut to their media type (`data:image/png…`). */
export function displayUrl(url: string): string {
	const data = /^data:([^,;]{0,40})/i.exec(url);
	if (data) return `data:${data[1] ?? ''}…`;
	return url;
}
