// Counts as the status lines show them: 1,234,567. Intl.NumberFormat('en-US') writes the same, but making one loads
// ICU's number data, 15–20 ms of the browser's start before its first frame.

/** `count` with a comma between each group of three digits, as en-US writes it. */
export function groupDigits(count: number): string {
	if (!Number.isSafeInteger(count) || Object.is(count, -0)) return count.toLocaleString('en-US');
	const digits = String(Math.abs(count));
	let grouped = digits.slice(0, digits.length % 3 || 3);
	for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
	return count < 0 ? `-${grouped}` : grouped;
}
