import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, driftClassicApis, makeWorld} from '../helpers/world.js';

test.serial('publish --out saves the plan (0600) and writes nothing; apply applies it as reviewed, refusing a step whose live item moved since', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	const [first, second] = await driftClassicApis(world, 'staging');
	const file = join(world.root, 'plan.json');
	const saved = await world.cli(['publish', 'staging', '--out', file]);
	t.is(saved.code, 0, saved.stdout + saved.stderr);
	t.regex(saved.stdout, /Plan saved to .*plan\.json .*nothing was written\.\n.*tyk-console apply /s);
	t.is(statSync(file).mode & 0o777, 0o600);
	const stored = JSON.parse(readFileSync(file, 'utf8'));
	t.like(stored, {format: 'tyk-console plan', version: 1, environment: 'staging', dashboard: world.emulators['staging']!.url});
	t.is(stored.plan.steps.filter((step: any) => step.action === 'update').length, 2);
	const live = await world.request('staging', 'GET', `/api/apis/${first.api_definition.id}`);
	t.is(live.api_definition.proxy.target_url, 'http://drifted.internal/', 'nothing was written');

	// Someone fixes the second API by hand after the review: apply must not overwrite that change.
	const moved = await world.request('staging', 'GET', `/api/apis/${second.api_definition.id}`);
	moved.api_definition.proxy.target_url = 'http://hotfix.internal/';
	await world.request('staging', 'PUT', `/api/apis/${second.api_definition.id}`, moved);

	const applied = await world.json(['apply', file, '--yes']);
	t.is(applied.code, 3, applied.stdout + applied.stderr);
	const byId = Object.fromEntries(applied.data.results.map((result: any) => [result.id, result]));
	t.like(byId[first.api_definition.api_id], {status: 'applied', verified: true});
	t.like(byId[second.api_definition.api_id], {status: 'failed'});
	t.regex(byId[second.api_definition.api_id].error, /changed since/);
	t.is((await world.request('staging', 'GET', `/api/apis/${second.api_definition.id}`)).api_definition.proxy.target_url, 'http://hotfix.internal/');
	assertNoSecrets(t, world, [saved.stdout, saved.stderr, applied.stdout, applied.stderr, readFileSync(file, 'utf8')]);
});

test.serial('apply refuses a whole plan that is too old, made for another Dashboard, or not a plan, naming the file and the field', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	const api = ((await world.request('staging', 'GET', '/api/apis?p=-1')).apis as any[])[0];
	await world.request('staging', 'DELETE', `/api/apis/${api.api_definition.id}`);
	const file = join(world.root, 'plan.json');
	t.is((await world.cli(['publish', 'staging', '--out', file])).code, 0);
	const plan = JSON.parse(readFileSync(file, 'utf8'));
	const variant = (name: string, change: (copy: any) => void): string => {
		const copy = structuredClone(plan);
		change(copy);
		const path = join(world.root, name);
		writeFileSync(path, JSON.stringify(copy));
		return path;
	};
	const old = variant('old.json', (copy) => (copy.created = new Date(Date.now() - 25 * 3_600_000).toISOString()));
	const elsewhere = variant('elsewhere.json', (copy) => (copy.dashboard = 'https://prod.example.com'));
	const broken = variant('broken.json', (copy) => (copy.plan.steps[0].kind = 'gateway'));
	const runs = await Promise.all([
		world.cli(['apply', old, '--yes']),
		world.cli(['apply', elsewhere, '--yes']),
		world.cli(['apply', broken, '--yes']),
		world.cli(['apply', join(world.root, 'nope.json'), '--yes']),
		world.cli(['apply', old, '--yes', '--max-age', 'soon']),
	]);
	for (const run of runs) t.is(run.code, 1, run.stdout + run.stderr);
	t.regex(runs[0]!.stderr, /old\.json was made 25 h ago .* more than --max-age 24h: nothing was written/);
	t.regex(runs[1]!.stderr, /elsewhere\.json was made against https:\/\/prod\.example\.com, but environment staging is http:\/\/127\.0\.0\.1:\d+ now: nothing was written/);
	t.regex(runs[2]!.stderr, /broken\.json: "plan\.steps\[0\]\.kind" must be one of api, policy, template/);
	t.regex(runs[3]!.stderr, /nope\.json: no such file/);
	t.regex(runs[4]!.stderr, /--max-age "soon" is not a duration/);
	t.is(world.emulators['staging']!.store.listApis().length, 1, 'nothing was written');
	// Within --max-age it applies: the deleted API is back.
	const applied = await world.cli(['apply', old, '--yes', '--max-age', '2d']);
	t.is(applied.code, 0, applied.stdout + applied.stderr);
	t.is(world.emulators['staging']!.store.listApis().length, 2);
});
