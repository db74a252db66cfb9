// The benchmark's one table: a row per measure, a column per library, the target and pass/fail.
// A cell is {value, runs} or {error}; failed measurements print `n/a [k]` with the reason as footnote k.

export const COLUMNS = [
	{key: 'single', label: 'fixed input'},
	{key: 'content', label: 'content/'},
	{key: '1000', label: '1k'},
	{key: '10000', label: '10k'},
	{key: '100000', label: '100k'},
];

const LARGE = '100000';
const below = (limit) => (value) => value < limit;

/**
 * kind: ms | mb | ratio. target: text, and `check(value, column, results)` per column it applies to
 * (`columns`: which; all measured ones when absent).
 */
export const ROWS = [
	{
		key: 'list-cold',
		label: '`leaf list --json`, no index',
		kind: 'ms',
		target: {text: '< 12 s @100k', columns: [LARGE], check: below(12_000)},
	},
	{
		key: 'list-warm',
		label: '`leaf list --json`, warm index',
		kind: 'ms',
		target: {
			text: '< 3x floor + 0.8 s @100k',
			columns: [LARGE],
			check: (value, column, results) => value < 3 * results.floor?.[column]?.value + 800,
		},
	},
	{key: 'floor', label: 'stat floor (find -printf size, mtime)', kind: 'ms'},
	{key: 'ratio', label: 'warm index / stat floor', kind: 'ratio'},
	{
		key: 'first-cold',
		label: 'browser first frame with titles, no index',
		kind: 'ms',
		target: {
			text: '< 1 s @100k; < 300 ms content/',
			columns: ['content', LARGE],
			check: (value, column) => value < (column === 'content' ? 300 : 1000),
		},
	},
	{
		key: 'first-warm',
		label: 'browser first frame with titles, warm index',
		kind: 'ms',
		target: {
			text: '< 1 s @100k; < 300 ms content/',
			columns: ['content', LARGE],
			check: (value, column) => value < (column === 'content' ? 300 : 1000),
		},
	},
	{key: 'counted-cold', label: 'browser all counted, no index', kind: 'ms'},
	{
		key: 'counted-warm',
		label: 'browser all counted, warm index',
		kind: 'ms',
		target: {text: '< 2.5 s @100k', columns: [LARGE], check: below(2500)},
	},
	{
		key: 'key-list',
		label: 'key to frame: list move (j), median',
		kind: 'ms',
		target: {text: '< 16 ms', check: below(16)},
	},
	{
		key: 'key-reader',
		label: 'key to frame: reader scroll (j), median',
		kind: 'ms',
		target: {text: '< 16 ms', check: below(16)},
	},
	{key: 'open', label: 'open the 50,000-character article', kind: 'ms', target: {text: '< 50 ms', check: below(50)}},
	{
		key: 'rss-list-cold',
		label: 'peak RSS: list --json, no index',
		kind: 'mb',
		target: {text: '< 300 MB @100k', columns: [LARGE], check: below(300)},
	},
	{
		key: 'rss-list-warm',
		label: 'peak RSS: list --json, warm index',
		kind: 'mb',
		target: {text: '< 300 MB @100k', columns: [LARGE], check: below(300)},
	},
	{
		key: 'rss-browser',
		label: 'peak RSS: browser (after the key tests)',
		kind: 'mb',
		target: {text: '< 300 MB @100k', columns: [LARGE], check: below(300)},
	},
	{
		key: 'cat-seed',
		label: '`leaf cat` the seed article, whole process',
		kind: 'ms',
		target: {text: '< 150 ms', check: below(150)},
	},
	{
		key: 'render-50k',
		label: 'render 50k-char Chinese body @80, in process',
		kind: 'ms',
		target: {text: '< 20 ms', check: below(20)},
	},
	{key: 'node-baseline', label: 'baseline: `node -e 0`', kind: 'ms'},
	{key: 'tmux-overhead', label: 'baseline: tmux key round trip (subtracted above)', kind: 'ms'},
];

function formatValue(kind, value) {
	if (kind === 'mb') return `${value.toFixed(0)} MB`;
	if (kind === 'ratio') return `${value.toFixed(1)}x`;
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function verdict(row, results, measured) {
	const target = row.target;
	if (!target) return '';
	const columns = (target.columns ?? COLUMNS.map((column) => column.key)).filter((column) => measured.includes(column));
	const cells = columns.map((column) => [column, results[row.key]?.[column]]).filter(([, cell]) => cell);
	if (cells.length === 0)
		return target.columns?.includes(LARGE) && !measured.includes(LARGE) ? 'not run (--quick)' : 'n/a';
	if (cells.some(([, cell]) => cell.error)) return 'n/a';
	const failed = cells.filter(([column, cell]) => !target.check(cell.value, column, results));
	return failed.length === 0
		? 'pass'
		: `FAIL${cells.length > 1 ? ` (${failed.map(([column]) => COLUMNS.find((c) => c.key === column).label).join(', ')})` : ''}`;
}

/** The table as text, with footnotes for failed measurements and notes. */
export function renderTable(results, measured) {
	const notes = [];
	const footnote = (text) => {
		const existing = notes.indexOf(text);
		if (existing >= 0) return existing + 1;
		notes.push(text);
		return notes.length;
	};
	const columns = COLUMNS.filter((column) => measured.includes(column.key));
	const header = ['measure', ...columns.map((column) => column.label), 'target', 'result'];
	const body = ROWS.filter((row) => results[row.key]).map((row) => [
		row.label,
		...columns.map((column) => {
			const cell = results[row.key][column.key];
			if (!cell) return '';
			if (cell.error) return `n/a [${footnote(cell.error)}]`;
			const runs = cell.runs > 1 ? ` (${cell.runs})` : '';
			const note = cell.note ? ` [${footnote(cell.note)}]` : '';
			return `${formatValue(row.kind, cell.value)}${runs}${note}`;
		}),
		row.target?.text ?? '',
		verdict(row, results, measured),
	]);
	const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i].length)));
	const format = (line) => `| ${line.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
	const lines = [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(format)];
	if (notes.length > 0) lines.push('', ...notes.map((text, i) => `[${i + 1}] ${text}`));
	return lines.join('\n');
}
