import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

test.serial('envs reports each environment on its own: ok, unreachable (closed port), auth-failed (wrong key); exit 1', async (t) => {
	const world = await makeWorld(t, [
		{name: 'staging', emulator: {seed: 2}},
		{name: 'down', emulator: false},
		{name: 'badkey', emulator: {seed: 2}, wrongKey: true},
	]);
	const [json, text, diff, publish, history] = await Promise.all([
		world.json(['envs']), world.cli(['envs']), world.cli(['diff', 'badkey', '--verbose']), world.cli(['publish', 'down', '--yes']),
		world.cli(['history', 'down', '--id', 'some-api']),
	]);

	t.is(json.code, 1, json.stderr);
	const byName = Object.fromEntries(json.data.environments.map((e: any) => [e.name, e]));
	t.deepEqual(Object.keys(byName), ['staging', 'down', 'badkey']);
	t.is(byName.staging.reachability, 'ok');
	t.is(byName.staging.error, undefined);
	t.like(byName.staging.counts, {api: 2});
	t.is(byName.staging.drift['only-live'], byName.staging.drift.total, 'a repository without commits: everything is only live');
	t.is(byName.staging.git.commit, undefined);
	t.is(byName.down.reachability, 'unreachable');
	t.regex(byName.down.error, /down/);
	t.is(byName.badkey.reachability, 'auth-failed');
	t.regex(byName.badkey.error, /^badkey: GET \S+ failed with 401/, 'names the environment, the request and the refusal');

	t.is(text.code, 1);
	t.regex(text.stdout, /staging[^\n]*git main \(no commits yet\)\n\s+ok: 2 APIs/);
	t.regex(text.stdout, /down[^\n]*\n\s+unreachable: /);
	t.regex(text.stdout, /badkey[^\n]*\n\s+auth-failed: /);

	t.is(diff.code, 1);
	t.regex(diff.stderr, /^badkey: GET \S+ 401 \d+ms/m, '--verbose logs the refused request');
	t.regex(diff.stderr, /^tyk-console: .*badkey/m);

	t.is(publish.code, 1);
	t.regex(publish.stderr, /^tyk-console: down: .*connection refused/);
	t.is(history.code, 1);
	t.regex(history.stderr, /^tyk-console: down: .*connection refused/, 'an unreachable Dashboard is not reported as "no such item"');

	assertNoSecrets(t, world, [json.stdout, json.stderr, text.stdout, text.stderr, diff.stdout, diff.stderr, publish.stdout, publish.stderr, history.stdout, history.stderr]);
});
