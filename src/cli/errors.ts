// The two ways a command fails. main() turns them into one line on stderr and an exit code.

/** The command line itself is wrong (unknown option, bad value): exit code 2. */
export class UsageError extends Error {
	/** The command whose help explains the right use, if any. */
	readonly command: string | undefined;

	constructor(message: string, command?: string) {
		super(message);
		this.command = command;
	}
}

/** The command could not do its work (missing file, not a folder): exit code 1. */
export class CommandError extends Error {}
