// The bottom line: where the cursor is in this view, what is unread here and in all, the library's size, how far
// the open article is read (only while it is on screen), and the key hint. It is exactly the terminal's width:
// on a narrow terminal the least needed parts shorten, then go, but `? help` stays down to 20 columns.
import {Text} from 'ink';
import type {StatusInfo} from '../core/browser/selectors.ts';
import {sortLabels} from '../core/browser/sort.ts';
import {sanitizeLine} from '../core/text/sanitize.ts';
import {displayWidth, padEnd, truncate} from '../core/text/width.ts';
import {groupDigits} from '../core/text/numbers.ts';
import type {Theme} from './theme.ts';

const GAP = '  ';
/** The view's name is shown only with at least this many columns (or whole). */
const MIN_VIEW_WIDTH = 8;

type PartName = 'position' | 'find' | 'unread' | 'total' | 'sort' | 'indexing' | 'reading' | 'hint';

interface Part {
	name: PartName;
	/** From the longest to the shortest; the last is kept when the part cannot go. */
	forms: readonly string[];
}

/** What gives way, in order, when the line is too long: a part shortens to its next form, or goes (null). */
const givingWay: readonly [PartName, 'shorten' | 'drop'][] = [
	['total', 'drop'],
	['unread', 'shorten'],
	['indexing', 'drop'],
	['reading', 'shorten'],
	['hint', 'shorten'],
	['sort', 'drop'],
	['unread', 'drop'],
	['reading', 'drop'],
];

function partsOf(info: StatusInfo): Part[] {
	const parts: Part[] = [{name: 'position', forms: [`${groupDigits(info.position)}/${groupDigits(info.count)}`]}];
	// A kept filter or a search says what it is: it never gives way.
	if (info.find) parts.push({name: 'find', forms: [sanitizeLine(info.find)]});
	parts.push({
		name: 'unread',
		forms: [
			`${groupDigits(info.unread)} unread here, ${groupDigits(info.unreadAll)} in all`,
			`${groupDigits(info.unread)} unread here`,
		],
	});
	parts.push({name: 'total', forms: [`${groupDigits(info.total)} in library`]});
	if (!info.loading.finished)
		parts.push({
			name: 'indexing',
			forms: [`indexing ${groupDigits(info.loading.done)} / ${groupDigits(info.loading.total)}`],
		});
	// The default order goes unsaid; another one is said until it is changed back.
	if (info.sort !== 'newest') parts.push({name: 'sort', forms: [sortLabels[info.sort]]});
	const {reading} = info;
	if (reading)
		parts.push({
			name: 'reading',
			forms: [
				`lines ${reading.first}-${reading.last} of ${reading.total} (${reading.percent}%)`,
				`${reading.percent}% of article`,
			],
		});
	return parts;
}

/**
 * The status line's text for `info`, exactly `width` columns. `hints` are the forms of the key hint, longest first
 * (`? help  q back`, `? help`): right-aligned, and its last form never gives way.
 */
export function statusText(info: StatusInfo, width: number, hints: readonly string[]): string {
	const parts = partsOf(info);
	const hint: Part | null = hints.length > 0 ? {name: 'hint', forms: hints} : null;
	const chosen = new Map<Part, number>(parts.map((part) => [part, 0]));
	if (hint) chosen.set(hint, 0);
	const text = (part: Part) => part.forms[chosen.get(part) ?? 0] ?? '';
	const left = () => parts.filter((part) => chosen.has(part)).map(text);
	const used = () => {
		const shown = left();
		const leftWidth = shown.reduce((sum, item, index) => sum + displayWidth(item) + (index > 0 ? GAP.length : 0), 0);
		return leftWidth + (hint ? GAP.length + displayWidth(text(hint)) : 0);
	};
	const inner = width - 2;
	// The view's name goes before the position: room for a short one is kept while the others give way.
	const view = info.unreadOnly ? `${info.categoryPath} (unread)` : info.categoryPath;
	const viewRoom = Math.min(MIN_VIEW_WIDTH, displayWidth(view)) + 1;
	for (const [name, how] of givingWay) {
		if (used() + viewRoom <= inner) break;
		const part = name === 'hint' ? hint : parts.find((candidate) => candidate.name === name);
		if (!part || !chosen.has(part)) continue;
		const form = chosen.get(part) ?? 0;
		if (how === 'shorten' && form < part.forms.length - 1) chosen.set(part, form + 1);
		else if (how === 'drop') chosen.delete(part);
	}
	// The view's name takes what room is left, shortened with an ellipsis, or goes when too little is left.
	const room = inner - used() - 1;
	const shown = left();
	if (room >= Math.min(MIN_VIEW_WIDTH, displayWidth(view))) shown[0] = `${truncate(view, room)} ${shown[0] ?? ''}`;
	const leftText = shown.join(GAP);
	const rightText = hint ? text(hint) : '';
	const spaces = Math.max(0, inner - displayWidth(leftText) - displayWidth(rightText));
	return truncate(padEnd(` ${leftText}${' '.repeat(spaces)}${rightText} `, width), width);
}

export interface StatusLineProps {
	info: StatusInfo;
	width: number;
	/** Forms of the key hint, longest first. */
	hints: readonly string[];
	/** A question waiting for y/n, shown instead of the status. */
	prompt: string | null;
	/** What the last key did not do, shown instead of the status until the next key. */
	keyHint: string | null;
	theme: Theme;
}

export function StatusLine({info, width, hints, prompt, keyHint, theme}: StatusLineProps) {
	if (prompt !== null) {
		return (
			<Text wrap="truncate" bold inverse color={theme.color ? 'yellow' : undefined}>
				{padEnd(truncate(` ${prompt}`, width), width)}
			</Text>
		);
	}
	if (keyHint !== null) {
		return (
			<Text wrap="truncate" bold inverse>
				{padEnd(truncate(` ${sanitizeLine(keyHint)}`, width), width)}
			</Text>
		);
	}
	return (
		<Text wrap="truncate" inverse>
			{statusText(info, width, hints)}
		</Text>
	);
}
