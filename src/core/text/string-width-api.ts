// string-width's interface over displayWidth, for Ink and the helpers it measures with (scripts/build-plugins.mjs
// routes their `string-width` imports here in the bundle). Ink measures every character of every frame through
// it; string-width segments each string with Intl.Segmenter, displayWidth looks code points up in a table and
// gives the same widths. Escape sequences are stripped first, as string-width does (Ink measures styled text);
// a call with options goes to string-width itself.
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {displayWidth} from './width.ts';

type Options = Parameters<typeof stringWidth>[1];

export default function stringWidthApi(input: string, options?: Options): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options !== undefined) return stringWidth(input, options);
	return displayWidth(stripAnsi(input));
}
