// newsboat (a Debian package: `apt-get install -y newsboat`) on the same articles as one RSS feed, beside
// leaf: from start to its article list on screen (with its cache warm, as leaf's index), and key to frame
// for a move in that list. Only run when newsboat is on the PATH.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {BrowserRun} from './browser.mjs';
import {median} from './process.mjs';

export const NEWSBOAT_KEY_PRESSES = 50;
const FEED_TITLE = 'leaf-bench-feed';

export function newsboatVersion() {
	const result = spawnSync('newsboat', ['-v'], {encoding: 'utf8'});
	return result.status === 0 ? (result.stdout.split('\n')[0] ?? 'newsboat').trim() : null;
}

const escapeXml = (text) =>
	text
		.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c])
		.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');

function articleFiles(dir) {
	return readdirSync(dir, {recursive: true})
		.filter((path) => path.endsWith('.md'))
		.sort();
}

/** One RSS item per article of the library: title, date, body as description (what leaf shows too). */
function writeFeed(dir, file) {
	const out = [
		`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${FEED_TITLE}</title><link>http://localhost/</link><description>bench</description>\n`,
	];
	for (const path of articleFiles(dir)) {
		const text = readFileSync(join(dir, path), 'utf8');
		const end = text.indexOf('\n---', 3);
		const head = text.slice(0, end);
		const title = /^title: '(.*)'$/m.exec(head)?.[1]?.replace(/''/g, "'") ?? path;
		const dateText = /^date: (.*)$/m.exec(head)?.[1] ?? '';
		const date = new Date(/GMT$/.test(dateText) ? dateText : `${dateText.replace(' ', 'T')}Z`);
		const body = text.slice(end + 4);
		out.push(
			`<item><title>${escapeXml(title)}</title><link>http://localhost/${escapeXml(path)}</link><guid>${escapeXml(path)}</guid>` +
				`<pubDate>${Number.isNaN(date.getTime()) ? '' : date.toUTCString()}</pubDate><description>${escapeXml(body)}</description></item>\n`,
		);
	}
	out.push('</channel></rss>\n');
	writeFileSync(file, out.join(''));
}

/** A newsboat home for `library`: the feed file (made once per library stamp), urls, config, and its cache filled. */
function prepare(benchDir, library, column) {
	const home = join(benchDir, `newsboat-${column}`);
	const stamp = existsSync(join(library.dir, '.stamp'))
		? readFileSync(join(library.dir, '.stamp'), 'utf8')
		: String(statSync(library.dir).mtimeMs);
	const stampFile = join(home, 'stamp');
	if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
		rmSync(home, {recursive: true, force: true});
		mkdirSync(home, {recursive: true});
		writeFeed(library.dir, join(home, 'feed.xml'));
		writeFileSync(join(home, 'urls'), `file://${join(home, 'feed.xml')}\n`);
		writeFileSync(
			join(home, 'config'),
			[
				'auto-reload no',
				'max-items 0',
				'show-read-feeds yes',
				'confirm-exit no',
				'cleanup-on-quit no',
				'history-limit 0',
			].join('\n') + '\n',
		);
		const args = ['-u', join(home, 'urls'), '-c', join(home, 'cache.db'), '-C', join(home, 'config'), '-x', 'reload'];
		const result = spawnSync('newsboat', args, {encoding: 'utf8', timeout: 600_000, env: {...process.env, HOME: home}});
		if (result.status !== 0)
			throw new Error(`newsboat -x reload: ${(result.stderr || result.stdout).trim().slice(0, 100)}`);
		writeFileSync(stampFile, stamp);
	}
	return home;
}

/** Start to the article list on screen (Enter pressed as soon as the feed list shows), then j x 50. */
async function oneStart(tmux, home, size, keys) {
	const argv = [
		'env',
		`HOME=${home}`,
		'newsboat',
		'-u',
		join(home, 'urls'),
		'-c',
		join(home, 'cache.db'),
		'-C',
		join(home, 'config'),
	];
	const run = await BrowserRun.start(tmux, argv, size);
	try {
		await run.waitForScreen((screen) => screen.includes(FEED_TITLE), 120_000, 'the feed list');
		run.tmux.sendKeys(run.paneId, 'Enter');
		const list = await run.waitForScreen((screen) => /Articles in feed/i.test(screen), 120_000, 'the article list');
		const first = list.at - run.spawnedAt;
		const latencies = keys ? await run.keyLatencies('j', NEWSBOAT_KEY_PRESSES) : null;
		return {first, latencies};
	} finally {
		run.unsubscribe();
		await tmux.killWindow(run.windowId);
	}
}

/** Records `newsboat-first` and `newsboat-key` for one library column. */
export async function newsboatMeasures({results, tmux, benchDir, overheadMs}, library) {
	let home;
	const prepared = await results.measure('newsboat-first', library.column, async () => {
		home = prepare(benchDir, library, library.column);
		const runs = await results.repeat(library.expected >= 100000 ? 1 : 3, (i) =>
			oneStart(tmux, home, {width: 120, height: 40}, i === 0),
		);
		if (runs.done.length === 0) throw new Error(runs.error ?? 'not measured');
		const keys = runs.done[0].latencies;
		if (keys)
			results.record('newsboat-key', library.column, {
				value: Math.max(0, median(keys) - overheadMs),
				runs: keys.length,
			});
		return {value: median(runs.done.map((run) => run.first)), runs: runs.done.length};
	});
	if (!prepared) results.record('newsboat-key', library.column, {error: 'newsboat did not start'});
}
