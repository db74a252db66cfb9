// The help overlay's text, made from the key table: each binding's keys, then what they do, wrapped to the
// screen's width (never cut). When the keys take more rows than the screen has, the last row says so and
// names the keys that scroll.
import {firstKeyLabel, keyLabel, keymap} from './keymap.ts';
import {wrapLine} from '../text/wrap.ts';
import {displayWidth, padEnd} from '../text/width.ts';

/** Keys in a column of their own, descriptions beside them, from this width; below it each below its keys. */
const TWO_COLUMNS_FROM = 44;
const KEYS_WIDTH = 20;
const INDENT = '  ';

const cache = new Map<number, readonly string[]>();

/** Every line of the help at `width` columns (each at most `width` wide). */
export function helpLines(width: number): readonly string[] {
	const known = cache.get(width);
	if (known) return known;
	const lines: string[] = [];
	for (const binding of keymap) {
		const keys = binding.keys.map(keyLabel).join(' ');
		if (width >= TWO_COLUMNS_FROM) {
			const room = width - INDENT.length - KEYS_WIDTH;
			wrapLine(binding.help, room).forEach((text, index) =>
				lines.push(INDENT + padEnd(index === 0 ? keys : '', KEYS_WIDTH) + text),
			);
		} else {
			lines.push(INDENT + keys);
			for (const text of wrapLine(binding.help, Math.max(1, width - 2 * INDENT.length)))
				lines.push(INDENT + INDENT + text);
		}
	}
	cache.set(width, lines);
	return lines;
}

export interface HelpView {
	/** The lines on screen. */
	lines: readonly string[];
	/** The last row when the help does not fit: where it stands and which keys scroll; null when it fits. */
	footer: string | null;
	/** The largest scroll that still fills the screen. */
	maxScroll: number;
}

/** What the help shows at `scroll` on a screen of `width` × `height`. */
export function helpView(scroll: number, width: number, height: number): HelpView {
	const all = helpLines(width);
	const rows = Math.max(1, height);
	if (all.length <= rows) return {lines: all, footer: null, maxScroll: 0};
	const shown = Math.max(1, rows - 1);
	const maxScroll = all.length - shown;
	const top = Math.min(Math.max(0, scroll), maxScroll);
	const below = all.length - top - shown;
	const [down, up, pageDown, pageUp] = (['down', 'up', 'pageDown', 'pageUp'] as const).map(firstKeyLabel);
	const where = below > 0 ? `${below} more row${below === 1 ? '' : 's'} below` : 'the end';
	const short = below > 0 ? `${below} more` : 'end';
	// The longest that fits: the footer is never cut.
	const forms = [
		` ${where} · ${down} ${up} ${pageDown} ${pageUp} scroll · ${firstKeyLabel('back')} closes`,
		` ${where} · ${down} ${up} ${pageDown} ${pageUp} scroll`,
		` ${short} · ${down} ${up} ${pageDown} ${pageUp}`,
		` ${short} · ${down} ${up}`,
	];
	const footer = forms.find((form) => displayWidth(form) <= width) ?? (forms.at(-1) as string);
	return {lines: all.slice(top, top + shown), footer, maxScroll};
}
