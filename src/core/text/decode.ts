// Bytes to text, refusing what is not text: `leaf cat /bin/ls` must not print 172 KB of garbage.

/**
 * Invalid UTF-8 sequences tolerated in any file (a few stray bytes from a bad copy), or 1 per 1,000 bytes. NUL
 * bytes the same in any file, or 1 per 100 bytes: a scraped page may carry a stray control byte (leaf strips
 * it), while executables and images are full of them.
 */
const STRAY_ALLOWED = 8;
const INVALID_PER_BYTE = 1 / 1000;
const NUL_PER_BYTE = 1 / 100;

const decoder = new TextDecoder('utf-8', {fatal: false});

/** Occurrences of a real U+FFFD (EF BF BD) in the bytes: they are text, not decoding errors. */
function replacementCharacters(bytes: Uint8Array): number {
	let count = 0;
	for (
		let index = bytes.indexOf(0xef);
		index !== -1 && index + 2 < bytes.length;
		index = bytes.indexOf(0xef, index + 1)
	)
		if (bytes[index + 1] === 0xbf && bytes[index + 2] === 0xbd) count++;
	return count;
}

function countReplacements(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\ufffd'); index !== -1; index = text.indexOf('\ufffd', index + 1)) count++;
	return count;
}

/**
 * The UTF-8 text of `bytes`, or why it is not text: more NUL bytes or invalid UTF-8 sequences than the
 * allowances above (stray bytes within them become U+FFFD, and the sanitiser drops NULs).
 */
export function decodeText(bytes: Uint8Array): {text: string} | {problem: string} {
	let nul = 0;
	for (let index = bytes.indexOf(0); index !== -1; index = bytes.indexOf(0, index + 1)) nul++;
	if (nul > Math.max(STRAY_ALLOWED, bytes.length * NUL_PER_BYTE)) return {problem: 'is not a text file (NUL bytes)'};
	const text = decoder.decode(bytes);
	const invalid = countReplacements(text) - replacementCharacters(bytes);
	if (invalid > Math.max(STRAY_ALLOWED, bytes.length * INVALID_PER_BYTE))
		return {problem: `is not UTF-8 text (${invalid} invalid sequences)`};
	return {text};
}
