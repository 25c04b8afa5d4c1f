import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';
import {
	assertRepoConsistent, changedKeys, cliWith, liveState, parsed, preImageKeys, startProxy, writeConfigFile, type Misbehaviour,
} from './helpers.js';

/** Moves every API upstream and raises every policy rate in Git, as a reviewer's commit would. */
function changeEverythingInGit(world: World): void {
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	for (const entry of [...index.files, ...index.policies]) {
		const file = join(world.repo, entry.file);
		const body = JSON.parse(readFileSync(file, 'utf8'));
		if (body.oas) body.oas['x-tyk-api-gateway'].upstream.url = 'http://moved.internal:7000/';
		else if (body.api_definition) body.api_definition.proxy.target_url = 'http://moved.internal:7000/';
		else body.rate = Number(body.rate) + 5;
		writeFileSync(file, JSON.stringify(body, null, 2));
	}
	world.git(['commit', '-q', '-am', 'move every upstream, raise every rate']);
}

const keyVariable = (name: string) => `TYK_E2E_KEY_${name.toUpperCase()}`;

/** Write faults by the number of the write (1-based); reads pass. Policies are written first (phase 1). */
const scenarios: Readonly<Record<string, {fault: (write: number) => Misbehaviour; error: RegExp}>> = {
	timeout: {fault: (n) => (n === 1 ? 'slow' : 'pass'), error: /no answer within 1500 ms/},
	reset: {fault: (n) => (n === 1 ? 'reset-mid-body' : 'pass'), error: /reset|ECONNRESET|failed/},
	errors: {fault: (n) => (n === 1 ? 'status-500' : n === 2 ? 'status-429' : 'pass'), error: /with (500|429)/},
	revoked: {fault: (n) => (n > 2 ? 'status-401' : 'pass'), error: /401/},
};

test('fault: publish with a write timing out, a reset mid-body, a 500 and a 429 on writes, and the key revoked mid-run: exit 3, every written item journaled, undo restores all; rollback and undo under faults fail clearly', async (t) => {
	const names = Object.keys(scenarios);
	const world = await makeWorld(t, names.map((name) => ({name, emulator: {seed: 3}})));
	const dumped = await world.cli(['dump', names[0]!]);
	t.is(dumped.code, 0, dumped.stderr);
	const original = world.git(['rev-parse', 'main']).trim();
	changeEverythingInGit(world);
	const head = world.git(['rev-parse', 'main']).trim();
	const emulator = (name: string) => world.emulators[name]!;
	const key = (name: string) => String(world.env[keyVariable(name)]);
	const before = new Map(await Promise.all(names.map(async (name) => [name, await liveState(emulator(name).url, key(name))] as const)));

	const proxies = new Map(await Promise.all(names.map(async (name) => {
		let writes = 0;
		let revoked = false;
		const proxy = await startProxy(t, emulator(name).url, (request) => {
			if (revoked) return 'status-401';
			if (request.method === 'GET') return 'pass';
			const fault = scenarios[name]!.fault(++writes);
			if (fault === 'status-401') revoked = true;
			return fault;
		});
		return [name, proxy] as const;
	})));
	const faulty = writeConfigFile(world, 'faulty.json', names.map((name) => ({
		name, dashboard: proxies.get(name)!.url, secretEnv: keyVariable(name), timeoutMs: name === 'timeout' ? 1500 : 10_000,
	})));
	const publishes = await Promise.all(names.map((name) => cliWith(world, faulty, ['publish', name, '--json'])));
	const outputs = publishes.flatMap((run) => [run.stdout, run.stderr]);
	for (const [index, name] of names.entries()) {
		const run = publishes[index]!;
		const data = parsed(run);
		t.is(run.code, 3, `${name}: ${run.stdout}${run.stderr}`);
		const failed = data.results.filter((result: any) => result.status === 'failed');
		t.true(failed.length > 0, `${name}: some items failed`);
		for (const result of failed) t.regex(result.error, scenarios[name]!.error, `${name}: ${result.id}`);
		t.true(data.results.some((result: any) => result.status === 'applied'), `${name}: the others were applied`);
		// Whatever reached the Dashboard (even a write whose answer was lost) has its pre-image in the journal.
		const after = await liveState(emulator(name).url, key(name));
		const written = changedKeys(before.get(name)!, after);
		const journaled = preImageKeys(world, data.operation);
		t.true(written.length > 0);
		t.deepEqual(written.filter((item) => !journaled.includes(item)), [], `${name}: every written item has a pre-image`);
	}
	assertRepoConsistent(t, world, [head]);

	// Faults gone: undo puts every environment back exactly as it was before the publish.
	const direct = writeConfigFile(world, 'direct.json', names.map((name) => ({name, dashboard: emulator(name).url, secretEnv: keyVariable(name)})));
	const undos = await Promise.all(names.map((name) => cliWith(world, direct, ['undo', name, '--json'])));
	outputs.push(...undos.flatMap((run) => [run.stdout, run.stderr]));
	for (const [index, name] of names.entries()) {
		t.is(undos[index]!.code, 0, `${name}: ${undos[index]!.stdout}${undos[index]!.stderr}`);
		t.deepEqual(changedKeys(before.get(name)!, await liveState(emulator(name).url, key(name))), [], `${name}: undo restored every item`);
	}

	// rollback through a Dashboard that fails every write, and undo with a revoked key: a clear error, exit 1.
	const failing = await startProxy(t, emulator('errors').url, (request) => (request.method === 'GET' ? 'pass' : 'status-500'));
	const revoked = await startProxy(t, emulator('revoked').url, () => 'status-401');
	const broken = writeConfigFile(world, 'broken.json', [
		{name: 'errors', dashboard: failing.url, secretEnv: keyVariable('errors')},
		{name: 'revoked', dashboard: revoked.url, secretEnv: keyVariable('revoked')},
	]);
	const policy = [...before.get('errors')!.keys()].find((item) => item.startsWith('policy:'))!.slice('policy:'.length);
	const liveBefore = JSON.stringify(emulator('errors').store.snapshot());
	const [rollback, undo] = await Promise.all([
		cliWith(world, broken, ['rollback', 'errors', '--id', policy, '--kind', 'policy', '--to', head, '--json']),
		cliWith(world, broken, ['undo', 'revoked']),
	]);
	outputs.push(rollback.stdout, rollback.stderr, undo.stdout, undo.stderr);
	t.is(rollback.code, 1, rollback.stdout + rollback.stderr);
	t.regex(parsed(rollback).results[0].error, /errors: PUT \S+ failed with 500: Internal error/);
	t.deepEqual(preImageKeys(world, parsed(rollback).operation), [`policy:${policy}`], 'the attempted write is journaled');
	t.is(JSON.stringify(emulator('errors').store.snapshot()), liveBefore, 'the failed rollback changed nothing');
	t.is(undo.code, 1, undo.stdout + undo.stderr);
	t.regex(undo.stderr, /^tyk-console: revoked: GET \S+ failed with 401: Not authorised\. Check the Dashboard API key/m);
	assertRepoConsistent(t, world, [head]);
	t.not(original, head);
	assertNoSecrets(t, world, [...outputs, world.stateText()]);
});
