// parseDate's local reading in child processes under several TZ values.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';

test('the local reading follows the TZ of the process', () => {
	const module = new URL('../../src/core/article/dates.ts', import.meta.url).href;
	const script = `import {parseDate} from '${module}'; console.log(parseDate('2021-10-28 14:08:07').toISOString())`;
	const run = (tz: string) =>
		execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			cwd: new URL('../../', import.meta.url),
			env: {...process.env, TZ: tz},
			encoding: 'utf8',
		}).trim();
	assert.equal(run('Asia/Shanghai'), '2021-10-28T06:08:07.000Z');
	assert.equal(run('America/New_York'), '2021-10-28T18:08:07.000Z');
	assert.equal(run('UTC'), '2021-10-28T14:08:07.000Z');
});
