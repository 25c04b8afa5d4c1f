import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {makeWorld} from '../helpers/world.js';
import {pollUntil} from './helpers.js';

// Two environments dumping at once into one checked-out branch: the first dump's commit must hold only what it
// wrote. Before the repository lock, one dump's dirty check, file writes and `git commit --only` could interleave
// with another's (about one run in four), and a commit labelled "dump from live prod" held staging's files. The lock
// makes that interleaving impossible by construction; this test pins the order deterministically: a pre-commit hook
// holds the first dump inside `git commit` (until the test writes to a FIFO) while the second one starts. The second
// must wait for the whole first commit, then refuse on the moved base (before: it blamed the other dump's in-flight
// files as the user's "uncommitted changes"), and the first commit holds only staging's items.

test.serial('two dumps into one checked-out branch run one after the other; each commit holds only its own dump', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}, {name: 'prod', emulator: {seed: 5}}]);
	// A first commit so the branch is checked out (work-tree mode), then the hook.
	writeFileSync(join(world.repo, 'README.md'), 'layouts\n');
	world.git(['add', 'README.md']);
	world.git(['commit', '-q', '-m', 'start']);
	const marks = join(world.root, 'marks');
	mkdirSync(marks);
	const fifo = join(world.root, 'hold');
	spawnSync('mkfifo', [fifo]);
	const hook = join(world.repo, '.git', 'hooks', 'pre-commit');
	writeFileSync(hook, `#!/bin/sh\ntouch "${marks}/$TYK_TAG"\nif [ "$TYK_TAG" = first ]; then cat "${fifo}" >/dev/null; fi\nexit 0\n`);
	chmodSync(hook, 0o755);

	const first = world.cli(['dump', 'staging'], {env: {TYK_TAG: 'first'}});
	t.true(await pollUntil(() => existsSync(join(marks, 'first')), {limitMs: 20_000}), 'the first dump reached its commit');
	const second = world.cli(['dump', 'prod'], {env: {TYK_TAG: 'second'}});
	// Without the lock the second dump writes its files and reaches its own commit while the first is held.
	const overlapped = await pollUntil(() => existsSync(join(marks, 'second')), {limitMs: 2_000});
	writeFileSync(fifo, 'go\n');
	const [a, b] = await Promise.all([first, second]);
	t.false(overlapped, 'the second dump waited for the first instead of writing into the same work tree');
	t.is(a.code, 0, a.stderr);

	const log = world.git(['log', '--format=%H %s', 'main']).trim().split('\n');
	const stagingCommit = log.find((line) => line.includes('live staging'))!.split(' ')[0]!;
	const stagingIndex = world.git(['show', `${stagingCommit}:.tyk.json`]);
	// Every file the staging commit lists is in that commit, and none of its items came from prod's Dashboard.
	const tree = world.git(['ls-tree', '-r', '--name-only', stagingCommit]).trim().split('\n');
	const listed = (JSON.parse(stagingIndex).files as {file: string}[]).map((entry) => entry.file);
	t.true(listed.length > 0);
	for (const file of listed) t.true(tree.includes(file), file);
	const ids = async (environment: string) => ((await world.request(environment, 'GET', '/api/apis?p=-1')).apis as any[]).map((api) => api.api_definition.api_id as string);
	const stagingIds = new Set(await ids('staging'));
	const prodOnly = (await ids('prod')).filter((id) => !stagingIds.has(id));
	t.true(prodOnly.length > 0, 'the two Dashboards hold different APIs');
	for (const id of prodOnly) t.false(stagingIndex.includes(id), `prod's ${id} is not in the staging commit`);
	// The second dump either landed on top with its own files or refused cleanly (its plan's base moved).
	if (b.code === 0) t.true(log[0]!.includes('live prod'));
	else t.regex(b.stdout + b.stderr, /since the dump was planned; nothing was committed/);
	t.is(world.git(['status', '--porcelain']).trim(), '', 'nothing half-written is left in the work tree');
});
