// The bottom line (category, position, counts, reader progress, key hint) and the title line at the top.
// Each is exactly the terminal's width: the least important parts give way on narrow terminals.
import {Text} from 'ink';
import {sanitizeLine} from '../core/text/sanitize.ts';
import type {StatusInfo} from '../core/browser/selectors.ts';
import {displayWidth, padEnd, truncate} from '../core/text/width.ts';
import type {Theme} from './theme.ts';

const GAP = '  ';
const grouped = new Intl.NumberFormat('en-US');

interface Part {
	text: string;
	/** Parts with a higher rank give way first when the line is too narrow. */
	rank: number;
}

/** The status line's text for `info`, exactly `width` columns; `hint` is right-aligned when there is room. */
export function statusText(info: StatusInfo, width: number, hint: string): string {
	const parts: Part[] = [{text: `${info.position}/${info.count}`, rank: 0}];
	if (!info.loading.finished)
		parts.push({
			text: `indexing ${grouped.format(info.loading.done)} / ${grouped.format(info.loading.total)}`,
			rank: 2,
		});
	parts.push({text: `${info.total} articles`, rank: 3}, {text: `${info.unread} unread`, rank: 1});
	if (info.readerPercent !== null) parts.push({text: `${info.readerPercent}%`, rank: 4});
	const right = hint === '' ? [] : [{text: hint, rank: 5}];
	const inner = width - 2;
	const widthOf = (list: readonly Part[]) =>
		list.reduce((sum, part, index) => sum + displayWidth(part.text) + (index > 0 ? GAP.length : 0), 0);
	let kept = [...parts];
	let hintParts = right;
	const total = () => widthOf(kept) + (hintParts.length > 0 ? GAP.length + widthOf(hintParts) : 0);
	while (total() > inner && (hintParts.length > 0 || kept.length > 1)) {
		if (hintParts.length > 0) {
			hintParts = [];
			continue;
		}
		const worst = kept.reduce((a, b) => (b.rank > a.rank ? b : a));
		kept = kept.filter((part) => part !== worst);
	}
	// The category path takes what is left, shortened with an ellipsis, or goes when too little is left.
	const path = info.unreadOnly ? `${info.categoryPath} (unread)` : info.categoryPath;
	const room = inner - total() - GAP.length;
	const left =
		room >= Math.min(8, displayWidth(path))
			? [truncate(path, room), ...kept.map((part) => part.text)]
			: kept.map((part) => part.text);
	const leftText = left.join(GAP);
	const rightText = hintParts.map((part) => part.text).join(GAP);
	const spaces = Math.max(0, inner - displayWidth(leftText) - displayWidth(rightText));
	return padEnd(` ${leftText}${' '.repeat(spaces)}${rightText} `, width);
}

export interface StatusLineProps {
	info: StatusInfo;
	width: number;
	hint: string;
	/** A question waiting for y/n, shown instead of the status. */
	prompt: string | null;
	theme: Theme;
}

export function StatusLine({info, width, hint, prompt, theme}: StatusLineProps) {
	if (prompt !== null) {
		return (
			<Text wrap="truncate" bold inverse color={theme.color ? 'yellow' : undefined}>
				{padEnd(` ${prompt}`, width)}
			</Text>
		);
	}
	return (
		<Text wrap="truncate" inverse>
			{statusText(info, width, hint)}
		</Text>
	);
}

export interface TitleLineProps {
	libraryName: string;
	notice: string | null;
	/** The notice means data will be lost and stays until dismissed: drawn so that it is not missed. */
	standing?: boolean;
	width: number;
	theme: Theme;
}

export function TitleLine({libraryName, notice, standing = false, width, theme}: TitleLineProps) {
	const title = truncate(` leaf · ${libraryName}`, width);
	const room = width - displayWidth(title) - GAP.length;
	if (notice === null || room < 8)
		return (
			<Text wrap="truncate" bold>
				{padEnd(title, width)}
			</Text>
		);
	return (
		<Text wrap="truncate">
			<Text bold>{title}</Text>
			{GAP}
			{standing ? (
				<Text color={theme.color ? 'red' : undefined} bold inverse>
					{padEnd(` ${sanitizeLine(notice)}`, room)}
				</Text>
			) : (
				<Text color={theme.color ? 'yellow' : undefined} bold={!theme.color}>
					{padEnd(sanitizeLine(notice), room)}
				</Text>
			)}
		</Text>
	);
}
