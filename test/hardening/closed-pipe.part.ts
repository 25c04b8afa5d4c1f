import {spawn} from 'node:child_process';
import test from 'ava';
import {cliArgs} from '../helpers/cli.js';
import {assertNoSecrets} from '../helpers/world.js';
import {startProxy, worldWithRaisedRates, writeConfigFile, type Misbehaviour} from './helpers.js';

test.serial('closed pipe: `publish … | head` that stops reading after the first line ends quietly with the operation\'s exit code (no EPIPE stack trace)', async (t) => {
	const world = await worldWithRaisedRates(t, {seed: 2}, 5);

	// The first write is held until the reader has gone, so the results are certainly printed into a closed pipe.
	let readerGone!: () => void;
	const gone = new Promise<void>((resolve) => (readerGone = resolve));
	const proxy = await startProxy(t, world.emulators['staging']!.url, async (request): Promise<Misbehaviour> => {
		if (request.method !== 'GET') await gone;
		return 'pass';
	});
	const config = writeConfigFile(world, 'proxied.json', [{name: 'staging', dashboard: proxy.url}]);

	const child = spawn(process.execPath, [...cliArgs(), 'publish', 'staging', '--yes', '--config', config], {
		cwd: world.root, env: {...process.env, NO_COLOR: '1', ...world.env}, stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
	let first = '';
	await new Promise<void>((resolve) => {
		const read = (chunk: Buffer) => {
			first += chunk.toString('utf8');
			if (!first.includes('\n')) return;
			child.stdout.off('data', read);
			child.stdout.destroy();
			resolve();
		};
		child.stdout.on('data', read);
	});
	readerGone();
	const code = await exited;
	t.regex(first, /Plan/);
	t.is(code, 0, stderr);
	t.false(/EPIPE|Error:|\n\s+at /.test(stderr), stderr);
	t.true(proxy.requests.some((request) => request.method !== 'GET'), 'the publish wrote');
	assertNoSecrets(t, world, [first, stderr]);
});
