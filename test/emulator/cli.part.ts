import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {emulatorOptionsFromFlags} from '../../source/commands/emulator.js';
import {cliArgs, runCli} from '../helpers/cli.js';

interface Started {
	url: string;
	stdout: () => string;
	stop: () => Promise<number | null>;
}

/** Runs `tyk-console emulator` as a real process and waits for its ready line. */
async function startBinary(t: {teardown: (fn: () => void) => void}, args: string[]): Promise<Started> {
	const child = spawn(process.execPath, [...cliArgs(), 'emulator', '--port', '0', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	t.teardown(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});
	let out = '';
	let err = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
	const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
			const match = /listening on (http:\/\/\S+)/.exec(out);
			if (match && out.includes('Admin secret:')) resolve(match[1]!);
		});
		void closed.then((code) => reject(new Error(`emulator exited early (${code}): ${err}`)));
	});
	return {
		url,
		stdout: () => out,
		async stop() {
			child.kill('SIGTERM');
			return closed;
		},
	};
}

test('the real binary serves the Dashboard API, refuses a busy port, exits 0 on SIGTERM and flushes its data file', async (t) => {
	const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
	t.teardown(() => rm(dir, {recursive: true, force: true}));
	const dataFile = join(dir, 'state.json');
	const running = await startBinary(t, ['--secret', 'cli-secret', '--seed', '6', '--data', dataFile]);
	t.false(running.stdout().includes('cli-secret'), 'a key given on the command line is never echoed');
	const list = await fetch(`${running.url}/api/apis?p=-1`, {headers: {Authorization: 'cli-secret'}});
	t.is(list.status, 200);
	t.is(((await list.json()) as {apis: unknown[]}).apis.length, 6);
	const port = new URL(running.url).port;
	const busy = await runCli(['emulator', '--port', port, '--secret', 'second-secret-xyz'], {timeoutMs: 30_000});
	t.is(busy.code, 1, 'a port already in use is reported in one sentence');
	t.regex(busy.stderr, new RegExp(`port ${port} is already in use`));
	t.false(busy.stderr.includes('second-secret-xyz'));
	const created = await fetch(`${running.url}/api/portal/policies`, {method: 'POST', headers: {Authorization: 'cli-secret'}, body: JSON.stringify({name: 'From CLI test'})});
	t.is(created.status, 200);
	t.is(await running.stop(), 0);
	const state = JSON.parse(await readFile(dataFile, 'utf8'));
	t.true(state.policies.some((p: {name: string}) => p.name === 'From CLI test'));
});

test('without --secret a key is generated and printed, and it works', async (t) => {
	const running = await startBinary(t, []);
	const key = /API key: ([0-9a-f]{32})/.exec(running.stdout())?.[1];
	t.truthy(key);
	t.is((await fetch(`${running.url}/api/apis`, {headers: {Authorization: key!}})).status, 200);
	t.is((await fetch(`${running.url}/api/apis`)).status, 401);
	t.is(await running.stop(), 0);
});

test('bad flags fail fast with one clear sentence and exit code 1', async (t) => {
	const result = await runCli(['emulator', '--fail-rate', '2'], {timeoutMs: 30_000});
	t.is(result.code, 1);
	t.regex(result.stderr, /--fail-rate must be between 0 and 1 \(got "2"\)/);
	t.is(result.stdout, '');
});

test('flag validation names the flag and the bad value', (t) => {
	const cases: Array<[Record<string, string | string[]>, RegExp]> = [
		[{failRate: 'abc'}, /--fail-rate must be between 0 and 1/],
		[{failRate: ''}, /--fail-rate must be between 0 and 1/],
		[{port: '70000'}, /--port must be a whole number between 0 and 65535/],
		[{seed: '-3'}, /--seed must be a whole number/],
		[{failOn: 'sometimes'}, /--fail-on must be all, reads or writes/],
		[{latency: '1.5'}, /--latency must be a whole number/],
		[{pageSize: '0'}, /--page-size must be at least 1/],
		[{secret: ''}, /--secret must not be empty/],
		[{user: ['alice']}, /--user takes NAME=KEY/],
		[{user: ['=key']}, /--user takes NAME=KEY/],
	];
	for (const [raw, message] of cases) t.throws(() => emulatorOptionsFromFlags(raw, {}), {message}, JSON.stringify(raw));
	const {options, generated} = emulatorOptionsFromFlags({port: '8081', seed: '50', failRate: '0.25', failOn: 'writes', secret: 'k'}, {});
	t.deepEqual([options.port, options.seed, options.failRate, options.failOn, options.secret, generated], [8081, 50, 0.25, 'writes', 'k', false]);
	t.is(emulatorOptionsFromFlags({}, {TYK_EMULATOR_SECRET: 'from-env'}).options.secret, 'from-env');
	t.true(emulatorOptionsFromFlags({}, {}).generated);
	const users = emulatorOptionsFromFlags({user: ['alice@example.com=a=b', 'bob=k2'], auditLog: false}, {}).options;
	t.deepEqual(users.users, [{name: 'alice@example.com', secret: 'a=b'}, {name: 'bob', secret: 'k2'}]);
	t.is(users.auditLog, false);
});
