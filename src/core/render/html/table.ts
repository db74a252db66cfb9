// Tables: columns aligned by display width when they fit, otherwise one `header: value` record per row.
//
// Every cell is first rendered unwrapped to measure it; only when the aligned table does not fit
// are the cells rendered again, wrapped to the width. Reference numbers are stable across the two
// passes because the same URLs are met in the same order.
import type {DomNode, FormatCallback, RecursiveCallback} from 'html-to-text';
import {closeBlock, layoutOf, type Builder} from './formatters.ts';
import {finishBlock, inheritedStyle, innerWidth, mark, markedWidth, styleOf, unmark} from './layout.ts';
import {displayWidth} from '../../text/width.ts';
import {noOpenStyles, plainText, wrapStyled} from './inline.ts';
import {maxOf, pushAll} from '../../arrays.ts';

const GAP = '  ';

interface TableRow {
	/** The nodes of each cell (a td's children, or a stray node standing for itself). */
	cells: DomNode[][];
	/** All th, or inside thead: only the first row's labels are used. */
	header: boolean;
}

const isTag = (node: DomNode, ...names: string[]) => node.type === 'tag' && names.includes(node.name ?? '');
const ignorable = (node: DomNode) =>
	(node.type !== 'text' && node.type !== 'tag') ||
	(node.type === 'text' && (node.data ?? '').trim() === '') ||
	isTag(node, 'col', 'colgroup');

function readRow(tr: DomNode, inHead: boolean): TableRow {
	const cells: DomNode[][] = [];
	let allHeaders = true;
	for (const child of tr.children ?? []) {
		if (ignorable(child)) continue;
		const isCell = isTag(child, 'td', 'th');
		cells.push(isCell ? (child.children ?? []) : [child]);
		if (!isTag(child, 'th')) allHeaders = false;
	}
	return {cells, header: cells.length > 0 && (inHead || allHeaders)};
}

function readTable(table: DomNode): {captions: DomNode[][]; rows: TableRow[]} {
	const captions: DomNode[][] = [];
	const rows: TableRow[] = [];
	const visit = (nodes: DomNode[], inHead: boolean) => {
		for (const node of nodes) {
			if (ignorable(node)) continue;
			if (isTag(node, 'caption')) captions.push(node.children ?? []);
			else if (isTag(node, 'thead', 'tbody', 'tfoot')) visit(node.children ?? [], node.name === 'thead');
			else if (isTag(node, 'tr')) rows.push(readRow(node, inHead));
			else rows.push({cells: [[node]], header: false});
		}
	};
	visit(table.children ?? [], false);
	return {captions, rows: rows.filter((row) => row.cells.length > 0)};
}

type CellRenderer = (nodes: DomNode[], width: number) => string[];

function cellRenderer(walk: RecursiveCallback, builder: Builder): CellRenderer {
	const layout = layoutOf(builder);
	return (nodes, width) => {
		let lines: string[] = [];
		const style = inheritedStyle(layout);
		layout.widths.push(width);
		builder.openBlock({leadingLineBreaks: 1});
		walk(nodes, builder);
		builder.closeBlock({
			trailingLineBreaks: 1,
			blockTransform: (text) => {
				lines = finishBlock(text, width, style);
				return '';
			},
		});
		layout.widths.pop();
		return lines;
	};
}

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(plainText(text))));

/** Aligned columns, or null when they do not fit `width`. A row with a single cell spans the table. */
function alignRows(rows: string[][][], header: boolean, width: number): string[] | null {
	const columns = maxOf(rows.map((cells) => cells.length));
	const spans = (cells: string[][]) => cells.length === 1 && columns > 1;
	const widths = Array.from({length: columns}, () => 0);
	let spanWidth = 0;
	for (const cells of rows) {
		cells.forEach((lines, column) => {
			for (const line of lines) {
				const lineWidth = markedWidth(line);
				if (spans(cells)) spanWidth = Math.max(spanWidth, lineWidth);
				else widths[column] = Math.max(widths[column] ?? 0, lineWidth);
			}
		});
	}
	const total = widths.reduce((sum, w) => sum + w, 0) + GAP.length * Math.max(0, columns - 1);
	if (total > width || spanWidth > width) return null;
	const out: string[] = [];
	rows.forEach((cells, index) => {
		const isHeader = header && index === 0;
		if (spans(cells)) {
			pushAll(
				out,
				(cells[0] ?? []).filter((line) => line !== ''),
			);
			return;
		}
		const filled = cells.map((lines) => lines.filter((line) => line !== '').map(unmark));
		const height = maxOf(filled.map((lines) => lines.length));
		for (let row = 0; row < height; row++) {
			const text = widths
				.map((w, column) => padTo(filled[column]?.[row] ?? '', w))
				.join(GAP)
				.trimEnd();
			out.push(mark(isHeader ? 'heading3' : 'body', text));
		}
		if (isHeader) out.push(mark('rule', widths.map((w) => '─'.repeat(w)).join(GAP)));
	});
	return out;
}

/** One record per row, each cell as `label: value` (the label alone on a line when both do not fit). */
function stackRows(rows: TableRow[], labels: string[] | null, width: number, render: CellRenderer): string[] {
	const records = labels ? rows.slice(1) : rows;
	const out: string[] = [];
	for (const row of records) {
		if (out.length > 0) out.push('');
		row.cells.forEach((nodes, column) => {
			const lines = render(nodes, width);
			const label = labels?.[column] ?? '';
			const first = lines[0];
			if (label === '') {
				pushAll(out, lines);
			} else if (first !== undefined && displayWidth(plainText(`${label}: ${unmark(first)}`)) <= width) {
				out.push(mark(styleOf(first) ?? 'body', `${label}: ${unmark(first)}`));
				pushAll(out, lines.slice(1));
			} else {
				pushAll(
					out,
					wrapStyled(`${label}:`, width, noOpenStyles()).map((piece) => mark('body', piece)),
				);
				pushAll(out, lines);
			}
		});
	}
	return out;
}

export const formatTable: FormatCallback = (elem, walk, builder) => {
	const layout = layoutOf(builder);
	const width = innerWidth(layout);
	const render = cellRenderer(walk, builder);
	const {captions, rows} = readTable(elem);
	builder.openBlock({leadingLineBreaks: 2});
	const lines = captions.flatMap((nodes) => render(nodes, width));
	const natural = rows.map((row) => row.cells.map((nodes) => render(nodes, Number.POSITIVE_INFINITY)));
	const header = rows.length > 1 && rows[0]?.header === true;
	const aligned = alignRows(natural, header, width);
	if (aligned) {
		pushAll(lines, aligned);
	} else {
		const labels = header
			? (natural[0] ?? []).map((cell) =>
					cell
						.filter((line) => line !== '')
						.map(unmark)
						.join(' '),
				)
			: null;
		pushAll(lines, stackRows(rows, labels, width, render));
	}
	closeBlock(builder, 2, 2, () => lines.join('\n'));
};
