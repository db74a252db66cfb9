// Short forms shared by the list, the reader header and `leaf list`.

const pad = (n: number) => String(n).padStart(2, '0');

/** Columns of formatDate and formatDay: list rows line up whatever the year. */
export const DATE_COLUMNS = 16;
export const DAY_COLUMNS = 10;

/**
 * A year the four-digit columns cannot hold is said in words of the day's width (`after 9999`, `before 1`);
 * years 1 to 999 are padded with zeros (`0999-12-31`), as ISO 8601 writes them.
 */
function outOfRange(date: Date): string | null {
	const year = date.getFullYear();
	if (year > 9999) return 'after 9999';
	if (year < 1) return 'before 1';
	return null;
}

const year = (date: Date) => String(date.getFullYear()).padStart(4, '0');

/** `2022-02-02 15:38` in local time, or '' for no date; always DATE_COLUMNS wide otherwise. */
export function formatDate(date: Date | null): string {
	if (!date || Number.isNaN(date.getTime())) return '';
	const words = outOfRange(date);
	if (words !== null) return words.padEnd(DATE_COLUMNS);
	return `${year(date)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2022-02-02`, for narrow list rows; always DAY_COLUMNS wide when there is a date. */
export function formatDay(date: Date | null): string {
	if (!date || Number.isNaN(date.getTime())) return '';
	return (outOfRange(date) ?? formatDate(date)).padEnd(DAY_COLUMNS).slice(0, DAY_COLUMNS);
}

/** One hierarchy as the user types it on the command line: `新媒体/趣头条`. */
export function categoryKey(path: readonly string[]): string {
	return path.join('/');
}

/** Every hierarchy for display: `新媒体 › 趣头条 › 分类, 科技`. */
export function categoryLabel(categories: readonly (readonly string[])[]): string {
	return categories.map((path) => path.join(' › ')).join(', ');
}
