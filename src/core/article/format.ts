// Short forms shared by the list, the reader header and `leaf list`.

const pad = (n: number) => String(n).padStart(2, '0');

/** `2022-02-02 15:38` in local time, or '' for no date. */
export function formatDate(date: Date | null): string {
	if (!date) return '';
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2022-02-02`, for narrow list rows. */
export function formatDay(date: Date | null): string {
	return formatDate(date).slice(0, 10);
}

/** One hierarchy as the user types it on the command line: `新媒体/趣头条`. */
export function categoryKey(path: readonly string[]): string {
	return path.join('/');
}

/** Every hierarchy for display: `新媒体 › 趣头条 › 分类, 科技`. */
export function categoryLabel(categories: readonly (readonly string[])[]): string {
	return categories.map((path) => path.join(' › ')).join(', ');
}
