// PLACEHOLDER (being replaced by the library/cli helper).
export async function main(argv: string[]): Promise<void> {
	process.stdout.write(`leaf ${argv.join(' ')}\n`);
}
