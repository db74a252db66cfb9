// The tmux harness itself: a test's server must not outlive it (each is a process, and a run starts dozens).
// `list-sessions` succeeds on a running server, even one with no session left, and never starts one.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {Tmux} from './tmux.ts';

const serverRuns = (socket: string) => spawnSync('tmux', ['-L', socket, 'list-sessions']).status === 0;

test('kill() ends the server, with panes left open and after the last pane was closed', async () => {
	for (const closeFirst of [false, true]) {
		const tmux = new Tmux(`leaf-harness-${process.pid}-${closeFirst}`);
		try {
			const pane = tmux.start({columns: 40, rows: 5, command: ['sh', '-c', 'exit 3']});
			assert.equal(await pane.waitForExit(), 3);
			if (closeFirst) pane.close();
			assert.equal(serverRuns(tmux.socket), true, `closeFirst ${closeFirst}: no server to begin with`);
			tmux.kill();
			assert.equal(serverRuns(tmux.socket), false, `closeFirst ${closeFirst}: the server still runs`);
		} finally {
			spawnSync('tmux', ['-L', tmux.socket, 'kill-server']);
		}
	}
});
