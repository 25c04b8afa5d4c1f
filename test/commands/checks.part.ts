import {existsSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, writeFiles} from '../helpers/world.js';

const classic = (id: string, listenPath: string) => ({
	api_definition: {api_id: id, name: `API ${id}`, active: true, proxy: {listen_path: listenPath, target_url: 'http://upstream.internal/'}},
});

test.serial('checks before writing: a policy whose API is missing is blocked until --with-dependencies adds it; a listen-path clash writes nothing; apply of a saved plan re-checks', async (t) => {
	const world = await makeWorld(t, [{name: 'prod', emulator: {seed: 0}}]);
	const prod = world.emulators['prod']!;
	writeFiles(world.repo, {
		'.tyk.json': {type: 'apidef', files: [{file: 'api-dep1.json'}, {file: 'api-clash1.json'}, {file: 'api-free1.json'}, {file: 'api-sec1.json'}], policies: [{file: 'policy-gold.json'}]},
		'api-sec1.json': {api_definition: {...classic('sec1', '/sec/').api_definition, upstream_auth: {enabled: true, basic_auth: {username: 'svc', password: ''}}}},
		'.tyk-console/overlays/prod.yaml': 'secrets:\n  api/sec1:\n    api_definition.upstream_auth.basic_auth.password: {env: SEC1_PASSWORD}\n',
		'api-dep1.json': classic('dep1', '/dep/'),
		'api-clash1.json': classic('clash1', '/taken/'),
		'api-free1.json': classic('free1', '/free/'),
		'policy-gold.json': {id: 'gold', name: 'Gold', org_id: '', rate: 100, per: 60, access_rights: {dep1: {api_id: 'dep1', api_name: 'API dep1', versions: ['Default']}}},
	});
	world.git(['add', '-A']);
	world.git(['commit', '-qm', 'layout']);
	await world.request('prod', 'POST', '/api/apis', classic('live1', '/taken/'));
	const held = () => JSON.stringify({apis: prod.store.listApis(), policies: prod.store.listPolicies()});
	const before = held();
	const outputs: string[] = [];

	// Runs that write nothing go side by side: the policy alone (blocked, naming the API it grants: exit 1 with
	// --dry-run, --yes and --out alike), a listen path another live API holds, a plan saved while its path is free,
	// and an overlay secret whose variable is unset (blocked) or set (passes).
	const file = join(world.root, 'plan.json');
	const [dry, refused, notSaved, clash, saved, unset, set] = await Promise.all([
		world.json(['publish', 'prod', '--id', 'gold', '--dry-run']),
		world.cli(['publish', 'prod', '--id', 'gold', '--yes']),
		world.cli(['publish', 'prod', '--id', 'gold', '--out', join(world.root, 'blocked.json')]),
		world.cli(['publish', 'prod', '--id', 'clash1', '--yes']),
		world.cli(['publish', 'prod', '--id', 'free1', '--out', file]),
		world.cli(['publish', 'prod', '--id', 'sec1', '--dry-run', '--json']),
		world.cli(['publish', 'prod', '--id', 'sec1', '--dry-run', '--json'], {env: {SEC1_PASSWORD: 'pw-from-the-vault'}}),
	]);
	outputs.push(...[dry, refused, notSaved, clash, saved, unset, set].flatMap((run) => [run.stdout, run.stderr]));
	t.is(dry.code, 1, dry.stderr);
	t.is(dry.data.blocked.length, 1);
	t.like(dry.data.blocked[0], {kind: 'policy', id: 'gold', name: 'Gold'});
	t.regex(dry.data.blocked[0].reason, /grants API dep1, which is neither in live prod nor in this plan/);
	t.is(refused.code, 1);
	t.regex(refused.stdout, /blocked\s+policy\s+Gold \(gold\): grants API dep1/);
	t.regex(refused.stdout, /--with-dependencies adds the APIs/);
	t.regex(refused.stderr, /1 blocked step\(s\).*nothing was written/);
	t.is(notSaved.code, 1);
	t.regex(notSaved.stderr, /the plan was not saved to .*blocked\.json/);
	t.false(existsSync(join(world.root, 'blocked.json')), 'a blocked plan is not saved for later');
	t.is(clash.code, 1, clash.stdout + clash.stderr);
	t.regex(clash.stdout, /blocked\s+api\s+API clash1 \(clash1\): listen path \/taken\/ is also used by API "API live1" \(live1\) in live prod/);
	t.is(saved.code, 0, saved.stdout + saved.stderr);
	t.is(unset.code, 1, unset.stderr);
	t.regex(JSON.parse(unset.stdout).blocked[0].reason, /overlay secret api_definition\.upstream_auth\.basic_auth\.password: .*environment variable SEC1_PASSWORD is not set/);
	t.is(set.code, 0, set.stdout + set.stderr);
	t.deepEqual(JSON.parse(set.stdout).blocked, []);
	t.false(set.stdout.includes('pw-from-the-vault'));
	t.is(held(), before, 'blocked plans write nothing: no 403 half-way through');

	// --with-dependencies adds the granted API from Git and unblocks the plan.
	const fixed = await world.json(['publish', 'prod', '--id', 'gold', '--with-dependencies', '--yes']);
	outputs.push(fixed.stdout, fixed.stderr);
	t.is(fixed.code, 0, fixed.stdout + fixed.stderr);
	t.deepEqual(fixed.data.results.map((r: any) => `${r.action} ${r.kind}:${r.id} ${r.status}`).sort(), ['create api:dep1 applied', 'create policy:gold applied']);

	// The plan saved while /free/ was free is checked again at apply, against the Dashboard as it is then.
	await world.request('prod', 'POST', '/api/apis', classic('live2', '/free/'));
	const afterClaim = held();
	const applied = await world.json(['apply', file, '--yes']);
	outputs.push(applied.stdout, applied.stderr);
	t.is(applied.code, 1, applied.stdout + applied.stderr);
	t.like(applied.data.blocked[0], {kind: 'api', id: 'free1'});
	t.regex(applied.data.blocked[0].reason, /listen path \/free\/ is also used by API "API live2"/);
	t.is(held(), afterClaim);
	assertNoSecrets(t, world, outputs);
});
