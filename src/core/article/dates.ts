// Front-matter dates. We parse them ourselves instead of trusting js-yaml or Date.parse:
// js-yaml reads `2021-10-28 14:08:07` as UTC while hexo means local time, and Date.parse
// accepts a zoo of forms that differ between engines.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 2822 zone names; anything else must be a numeric offset. */
const ZONE_MINUTES: Record<string, number> = {
	gmt: 0,
	ut: 0,
	utc: 0,
	z: 0,
	est: -300,
	edt: -240,
	cst: -360,
	cdt: -300,
	mst: -420,
	mdt: -360,
	pst: -480,
	pdt: -420,
};

// `2021-10-28`, `2021-10-28 14:08`, `2021-10-28T14:08:07.5`, optionally followed by a zone.
const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// `Wed, 02 Feb 2022 07:38:40 GMT` (weekday optional, seconds optional).
const RFC2822 =
	/^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,3}|[+-]\d{4})?$/i;

interface Fields {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

/**
 * A front-matter date, or null when there is none or it cannot be read (`Invalid Date`,
 * `2021-13-40`, a number, a list...). Zone-less forms are local time, as hexo reads them.
 */
export function parseDate(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length > 64) return null;
	return parseIso(text) ?? parseRfc2822(text);
}

function parseIso(text: string): Date | null {
	const match = ISO.exec(text);
	if (!match) return null;
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	const fields: Fields = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour ?? 0),
		minute: Number(minute ?? 0),
		second: Number(second ?? 0),
		millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
	};
	if (!isValid(fields)) return null;
	if (zone === undefined) return localDate(fields);
	const offset = zoneOffset(zone);
	return offset === null ? null : zonedDate(fields, offset);
}

function parseRfc2822(text: string): Date | null {
	const match = RFC2822.exec(text);
	if (!match) return null;
	const [, day, monthName, year, hour, minute, second, zone] = match;
	const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
	const fields: Fields = {
		year: Number(year),
		month,
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second ?? 0),
		millisecond: 0,
	};
	if (month === 0 || !isValid(fields)) return null;
	// RFC 2822 says a missing zone is unknown; GMT is what every feed that omits it means.
	const offset = zone === undefined ? 0 : zoneOffset(zone);
	return offset === null ? null : zonedDate(fields, offset);
}

/** Minutes east of UTC, or null for a zone we do not know. */
function zoneOffset(zone: string): number | null {
	const named = ZONE_MINUTES[zone.toLowerCase()];
	if (named !== undefined) return named;
	const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!match) return null;
	const hours = Number(match[2]);
	const minutes = Number(match[3] ?? 0);
	if (hours > 23 || minutes > 59) return null;
	return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function isValid(f: Fields): boolean {
	if (f.year < 1 || f.month < 1 || f.month > 12 || f.day < 1) return false;
	if (f.hour > 23 || f.minute > 59 || f.second > 59) return false;
	// Day 0 of the next month is the last day of this one.
	const daysInMonth = new Date(Date.UTC(2000, f.month, 0)).getUTCDate();
	const leap = f.year % 4 === 0 && (f.year % 100 !== 0 || f.year % 400 === 0);
	return f.day <= (f.month === 2 ? (leap ? 29 : 28) : daysInMonth);
}

function localDate(f: Fields): Date {
	const date = new Date(2000, 0, 1, f.hour, f.minute, f.second, f.millisecond);
	// setFullYear, because the Date constructor maps years 0 to 99 to 1900 to 1999.
	date.setFullYear(f.year, f.month - 1, f.day);
	return date;
}

function zonedDate(f: Fields, offsetMinutes: number): Date {
	const date = new Date(Date.UTC(2000, 0, 1, f.hour, f.minute, f.second, f.millisecond));
	date.setUTCFullYear(f.year, f.month - 1, f.day);
	return new Date(date.getTime() - offsetMinutes * 60_000);
}
