import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

test.serial('with no config file, --dashboard/--secret-env/--repo/--dir make an "adhoc" environment that dumps, diffs and publishes', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const cwd = join(world.root, 'work');
	mkdirSync(cwd);
	const flags = ['--dashboard', world.emulators['staging']!.url, '--secret-env', 'TYK_E2E_KEY_STAGING', '--repo', world.repo, '--dir', 'tyk'];
	const run = (args: readonly string[]) => runCli([...args, ...flags], {cwd, env: world.env});

	const dumped = await run(['dump', 'adhoc']);
	t.is(dumped.code, 0, dumped.stdout + dumped.stderr);
	t.regex(dumped.stdout, /Plan: live adhoc → git /);
	const files = world.git(['ls-tree', '-r', '--name-only', 'HEAD']).trim().split('\n');
	t.true(files.includes('tyk/.tyk.json'));
	t.true(files.every((file) => file.startsWith('tyk/')), files.join(' '));
	const [diff, dry, missingKey] = await Promise.all([
		run(['diff', 'adhoc', '--json']),
		run(['publish', 'adhoc', '--dry-run']),
		runCli(['diff', 'adhoc', ...flags], {cwd, env: {...world.env, TYK_E2E_KEY_STAGING: undefined}}),
	]);
	t.is(diff.code, 0, diff.stdout + diff.stderr);
	const data = JSON.parse(diff.stdout);
	t.is(data.environment, 'adhoc');
	t.is(data.source.repo, world.repo);
	t.is(data.source.dir, 'tyk');
	t.is(data.summary.unchanged, data.summary.total);
	t.is(dry.code, 0, dry.stderr);
	t.regex(dry.stdout, /0 to create, 0 to update, 0 to delete/);

	// The key variable must be set; the message names the variable, never a value.
	t.is(missingKey.code, 1);
	t.regex(missingKey.stderr, /TYK_E2E_KEY_STAGING/);

	// Journal and audit land in the default state dir under the (isolated) home, not in the work tree.
	const state = join(world.env['HOME']!, '.local', 'state', 'tyk-console');
	t.true(existsSync(join(state, 'journal')), 'journal in ~/.local/state/tyk-console');
	t.deepEqual(readdirSync(cwd), []);
	assertNoSecrets(t, world, [dumped.stdout, dumped.stderr, diff.stdout, diff.stderr, dry.stdout, dry.stderr, missingKey.stderr]);
});
