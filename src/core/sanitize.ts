// PLACEHOLDER (being replaced by the text helper): keep control sequences off the terminal.

/** Multi-line text: drop control characters except newline, expand tabs. */
export function sanitizeText(text: string): string {
	return text.replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A single-line field (title, author, file name): newlines become spaces too. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s*\n\s*/g, ' ').trim();
}
