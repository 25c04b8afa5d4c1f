import type {ChildProcess} from 'node:child_process';
import {appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {delimiter, join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';
import {assertRepoConsistent, changedKeys, liveState, patchEnvironment, pollUntil, preImageKeys, startDetachedCli, startProxy} from './helpers.js';

async function killGroup(child: ChildProcess): Promise<void> {
	const closed = new Promise((resolve) => child.on('close', resolve));
	process.kill(-child.pid!, 'SIGKILL');
	await closed;
}

/** Journal lines (of one operation's file, or all), tolerating a last line cut by the kill. */
function journalLines(world: World, operation = ''): any[] {
	const dir = join(world.stateDir, 'journal');
	if (!existsSync(dir)) return [];
	return readdirSync(dir).filter((file) => file.endsWith('.jsonl') && file.startsWith(operation)).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
		.filter((line) => line.trim() !== '').flatMap((line) => {
			try {
				return [JSON.parse(line)];
			} catch {
				return [];
			}
		});
}

test('crash: SIGKILL in the middle of a publish (after the first pre-image is journaled); the stale lock is broken, undo restores every written item', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const key = String(world.env['TYK_E2E_KEY_STAGING']);
	// Git moves on: every policy gets a new rate, every API a new upstream.
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	for (const entry of [...index.files, ...index.policies]) {
		const file = join(world.repo, entry.file);
		const body = JSON.parse(readFileSync(file, 'utf8'));
		if (body.oas) body.oas['x-tyk-api-gateway'].upstream.url = 'http://moved.internal/';
		else if (body.api_definition) body.api_definition.proxy.target_url = 'http://moved.internal/';
		else body.rate = Number(body.rate) + 1;
		writeFileSync(file, JSON.stringify(body, null, 2));
	}
	world.git(['commit', '-q', '-am', 'change everything']);
	const before = await liveState(emulator.url, key);

	// The first write goes through; every later one is held by a proxy until the kill, so the run is cut short
	// after a pre-image was journaled and a write made, whatever the machine's speed.
	let writes = 0;
	const proxy = await startProxy(t, emulator.url, (request) => (request.method === 'GET' || ++writes === 1 ? 'pass' : new Promise<never>(() => {})));
	patchEnvironment(world, 'staging', {dashboard: proxy.url});
	const run = startDetachedCli(world, ['publish', 'staging', '--yes']);
	const held = await pollUntil(() => writes > 1 && journalLines(world).some((line) => line.type === 'pre-image'), {stop: () => run.child.exitCode !== null});
	t.true(held, `the publish journaled a pre-image and went on to a second write: ${run.output()}`);
	await killGroup(run.child);
	patchEnvironment(world, 'staging', {dashboard: emulator.url});

	const operation = journalLines(world).find((line) => line.type === 'start' && line.action === 'publish')?.operation;
	t.truthy(operation);
	t.true(journalLines(world, operation).length > 1);
	t.false(journalLines(world, operation).some((line) => line.type === 'finish'), 'the operation was cut short');
	const written = changedKeys(before, await liveState(emulator.url, key));
	const preImages = preImageKeys(world);
	t.deepEqual(written.filter((item) => !preImages.includes(item)), [], 'every item that reached the Dashboard has a pre-image');

	// The kill may tear the journal's last line; a torn line must not stop undo from reading the rest.
	appendFileSync(join(world.stateDir, 'journal', `${operation}.staging.jsonl`), '{"type":"pre-image","kind":"api","id":"torn","bo');
	// The dead run's lock does not block the next one; undo puts back whatever was written.
	const undo = await world.json(['undo', 'staging']);
	t.is(undo.code, 0, undo.stdout + undo.stderr);
	t.deepEqual(changedKeys(before, await liveState(emulator.url, key)), [], 'live is back as before the publish');
	assertNoSecrets(t, world, [run.output(), undo.stdout, undo.stderr, world.stateText()]);
});

test('crash: SIGKILL in the middle of a dump commit (git commit running); the branch is old, no partial file, only whole files staged, and a re-run completes the dump (no dirty-tree refusal)', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const old = world.git(['rev-parse', 'main']).trim();
	// Live changes, so the next dump has something to commit.
	const policy = emulator.store.listPolicies()[0]!;
	await world.request('staging', 'PUT', `/api/portal/policies/${String(policy['_id'])}`, {...policy, rate: Number(policy['rate']) + 7});

	// A git that announces `commit` and then stops itself (no timer): the kill lands while the commit is being made.
	const bin = join(world.root, 'slow-git');
	mkdirSync(bin);
	const marker = join(world.root, 'commit-started');
	writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do if [ "$a" = commit ] || [ "$a" = update-ref ]; then touch '${marker}'; kill -STOP $$; fi; done\nexec /usr/bin/git "$@"\n`);
	chmodSync(join(bin, 'git'), 0o755);
	const run = startDetachedCli(world, ['dump', 'staging'], {PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`});
	t.true(await pollUntil(() => existsSync(marker), {stop: () => run.child.exitCode !== null}), `the dump reached its commit: ${run.output()}`);
	await killGroup(run.child);

	// Killed before the ref moved: the branch is old, the files in the work tree are whole (written atomically) and
	// at most staged; nothing else is touched.
	assertRepoConsistent(t, world, [old], {allowStagedDump: true});
	// The same dump again, with a working git: it completes, and the branch moves exactly once.
	const again = await world.cli(['dump', 'staging']);
	t.is(again.code, 0, again.stdout + again.stderr);
	const now = world.git(['rev-parse', 'main']).trim();
	t.not(now, old);
	t.is(world.git(['rev-parse', `${now}^`]).trim(), old);
	assertRepoConsistent(t, world, [now]);
	assertNoSecrets(t, world, [run.output(), again.stdout, again.stderr, world.stateText()]);
});
