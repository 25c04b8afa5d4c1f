import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';
import {assertRepoConsistent, cliWith, type Misbehaviour, parsed, pollUntil, startProxy, worldWithRaisedRates, writeConfigFile} from './helpers.js';

test('concurrency: a second publish to an environment whose lock is held by a running publish refuses with a message naming the lock, writes nothing; the first completes', async (t) => {
	const world = await worldWithRaisedRates(t, {seed: 2});
	const emulator = world.emulators['staging']!;

	// The first publish goes through a proxy that keeps its first write in flight until the second publish is done.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let writes = 0;
	const proxy = await startProxy(t, emulator.url, async (request): Promise<Misbehaviour> => {
		if (request.method !== 'GET' && ++writes === 1) await held;
		return 'pass';
	});
	const slow = writeConfigFile(world, 'slow.json', [{name: 'staging', dashboard: proxy.url, timeoutMs: 120_000}]);
	const first = cliWith(world, slow, ['publish', 'staging', '--json']);
	t.true(await pollUntil(() => writes > 0), 'the first publish is writing');
	const snapshot = JSON.stringify(emulator.store.snapshot());
	const second = await world.json(['publish', 'staging']);
	t.true(JSON.stringify(emulator.store.snapshot()) === snapshot, 'the refused publish wrote nothing');
	release();
	const done = await first;
	t.is(second.code, 1, second.stdout + second.stderr);
	t.regex(second.stderr, /environment "staging" is locked by pid \d+ since \S+: another tyk-console run is writing to it/);
	t.is(done.code, 0, done.stdout + done.stderr);
	t.true(parsed(done).results.filter((result: any) => result.status === 'applied').length >= 1);
	const after = await world.cli(['diff', 'staging']);
	t.is(after.code, 0, after.stdout);
	assertNoSecrets(t, world, [second.stdout, second.stderr, done.stdout, done.stderr, after.stdout, world.stateText()]);
});

/**
 * A git on PATH that stops before its first `word` (commit / update-ref) until the test says go: it touches `paused`,
 * then blocks reading a FIFO (no timer, no polling) that `go()` writes to.
 */
function pausingGit(world: World, word: string): {env: NodeJS.ProcessEnv; paused: string; go: () => Promise<void>} {
	const bin = join(world.root, `pause-${word}`);
	mkdirSync(bin);
	const paused = join(bin, 'paused');
	const fifo = join(bin, 'go');
	execFileSync('mkfifo', [fifo]);
	writeFileSync(join(bin, 'git'), `#!/bin/sh
for a in "$@"; do
	if [ "$a" = ${word} ]; then
		if [ ! -f '${paused}' ]; then
			touch '${paused}'
			read go < '${fifo}'
		fi
		break
	fi
done
exec /usr/bin/git "$@"
`);
	chmodSync(join(bin, 'git'), 0o755);
	// Opening the FIFO for writing waits for the paused git to open it for reading.
	return {env: {PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`}, paused, go: () => writeFile(fifo, 'go\n')};
}

/** Someone else's commit adding one file to `branch`, made with plumbing (no work tree needed). */
function commitElsewhere(world: World, branch: string, file: string): string {
	const env = {...process.env, ...world.env, GIT_INDEX_FILE: join(world.root, `other-${branch}.index`)};
	const git = (args: string[], input?: string) => execFileSync('git', args, {cwd: world.repo, env, encoding: 'utf8', input}).trim();
	git(['read-tree', branch]);
	const blob = git(['hash-object', '-w', '--stdin'], 'someone else\n');
	git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`]);
	const commit = git(['commit-tree', git(['write-tree']), '-p', branch, '-m', `someone else adds ${file}`]);
	git(['update-ref', `refs/heads/${branch}`, commit]);
	return commit;
}

test('concurrency: a dump while someone else commits to the branch (checked-out work tree, and a branch committed through a temporary index) loses no commit', async (t) => {
	const world = await makeWorld(t, [
		{name: 'staging', emulator: {seed: 1}},
		{name: 'snap', emulator: {seed: 1}, git: {branch: 'snapshots'}},
	]);
	for (const name of ['staging', 'snap']) {
		const dumped = await world.cli(['dump', name]);
		t.is(dumped.code, 0, dumped.stderr);
		const policy = world.emulators[name]!.store.listPolicies()[0]!;
		await world.request(name, 'PUT', `/api/portal/policies/${String(policy['_id'])}`, {...policy, rate: Number(policy['rate']) + 11});
	}
	const outputs: string[] = [];
	for (const [name, branch, word] of [['staging', 'main', 'commit'], ['snap', 'snapshots', 'update-ref']] as const) {
		const before = world.git(['rev-parse', branch]).trim();
		const gate = pausingGit(world, word);
		const running = world.cli(['dump', name], {env: gate.env});
		t.true(await pollUntil(() => existsSync(gate.paused)), `${name}: the dump reached ${word}`);
		const theirs = branch === 'main'
			? (writeFileSync(join(world.repo, 'notes.txt'), 'someone else\n'), world.git(['add', 'notes.txt']), world.git(['commit', '-q', '-m', 'someone else', '--', 'notes.txt']), world.git(['rev-parse', 'HEAD']).trim())
			: commitElsewhere(world, branch, 'notes.txt');
		await gate.go();
		const run = await running;
		outputs.push(run.stdout, run.stderr);
		t.is(run.code, 0, `${name}: ${run.stdout}${run.stderr}`);
		const head = world.git(['rev-parse', branch]).trim();
		t.not(head, theirs, `${name}: the dump committed`);
		for (const commit of [before, theirs]) {
			t.notThrows(() => world.git(['merge-base', '--is-ancestor', commit, head]), `${name}: ${commit.slice(0, 7)} is still reachable from ${branch}`);
		}
		t.true(world.git(['show', `${branch}:notes.txt`]).includes('someone else'), `${name}: their file survived`);
	}
	assertRepoConsistent(t, world, [world.git(['rev-parse', 'main']).trim()]);
	assertNoSecrets(t, world, outputs);
});

test('concurrency: a dump while another git process holds the index lock fails clearly, leaves only whole files, and the re-run after the lock is gone completes', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const before = world.git(['rev-parse', 'main']).trim();
	const policy = world.emulators['staging']!.store.listPolicies()[0]!;
	await world.request('staging', 'PUT', `/api/portal/policies/${String(policy['_id'])}`, {...policy, rate: Number(policy['rate']) + 5});
	const lock = join(world.repo, '.git', 'index.lock');
	writeFileSync(lock, '');
	const blocked = await world.cli(['dump', 'staging']);
	t.not(blocked.code, 0, blocked.stdout + blocked.stderr);
	t.regex(blocked.stdout + blocked.stderr, /index\.lock/, 'the message names the lock');
	t.is(world.git(['rev-parse', 'main']).trim(), before, 'no commit was made');
	rmSync(lock);
	const again = await world.cli(['dump', 'staging']);
	t.is(again.code, 0, again.stdout + again.stderr);
	t.is(world.git(['rev-parse', 'main^']).trim(), before);
	assertRepoConsistent(t, world, [world.git(['rev-parse', 'main']).trim()]);
	assertNoSecrets(t, world, [blocked.stdout, blocked.stderr, again.stdout, again.stderr]);
});
