// Opening a link in the user's browser: $BROWSER when set, else xdg-open (open on macOS). The program is
// started directly with the URL as one argument, never through a shell, detached and with its output
// discarded, so a browser's chatter cannot garble leaf's screen and a URL cannot run anything.
import {spawn} from 'node:child_process';

export interface OpenerCommand {
	command: string;
	args: string[];
}

/**
 * The program and arguments that open `url`. $BROWSER is a list of commands separated by `:` (the convention
 * of xdg-utils and Python's webbrowser): the first is used, split into words, `%s` replaced by the URL or the
 * URL added at the end.
 */
export function openerCommand(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): OpenerCommand {
	const first = (env.BROWSER ?? '').split(':')[0]?.trim() ?? '';
	if (first !== '') {
		const words = first.split(/\s+/);
		const command = words[0] as string;
		const rest = words.slice(1);
		const args = rest.some((word) => word.includes('%s'))
			? rest.map((word) => word.replaceAll('%s', url))
			: [...rest, url];
		return {command, args};
	}
	return {command: platform === 'darwin' ? 'open' : 'xdg-open', args: [url]};
}

/** Starts the opener for `url`; resolves to null once it runs, or to what went wrong (a missing program). */
export function openUrl(
	url: string,
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
	const {command, args} = openerCommand(url, env, platform);
	return new Promise((resolve) => {
		let child;
		try {
			child = spawn(command, args, {detached: true, stdio: 'ignore', shell: false});
		} catch (error) {
			resolve(`cannot run ${command}: ${error instanceof Error ? error.message : String(error)}`);
			return;
		}
		child.once('error', (error: NodeJS.ErrnoException) =>
			resolve(
				error.code === 'ENOENT' ? `${command} not found (set $BROWSER)` : `cannot run ${command}: ${error.message}`,
			),
		);
		child.once('spawn', () => {
			child.unref();
			resolve(null);
		});
	});
}
