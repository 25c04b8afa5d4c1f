import test from 'ava';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {assertNoSecrets, makeWorld, writeFiles} from '../helpers/world.js';

const payments = {
	api_definition: {
		api_id: 'pay1', name: 'Payments', active: true, domain: 'api.staging.internal',
		proxy: {listen_path: '/pay/', target_url: 'https://payments.staging.internal/', strip_listen_path: true},
		upstream_auth: {enabled: true, basic_auth: {username: 'svc', password: ''}},
	},
};
const gold = {id: 'gold', name: 'Gold', org_id: '', rate: 1000, per: 60, access_rights: {pay1: {api_id: 'pay1', api_name: 'Payments', versions: ['Default']}}};
const overlay = `# prod differs from the base in these fields only
replace:
  - {from: staging.internal, to: prod.internal}
set:
  api/pay1:
    api_definition.proxy.target_url: https://payments.prod.internal/
  policy/gold:
    rate: 200
secrets:
  api/pay1:
    api_definition.upstream_auth.basic_auth.password: {env: PAY_PROD_PASSWORD}
`;
const password = 'prod-upstream-pw-7f3a9c';

test.serial('overlays: both environments published from one base, both diffs clean, Git holds no prod value or secret; a prod hotfix dumped lands in the overlay; a migration keeps prod\'s values', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 0}}, {name: 'prod', emulator: {seed: 0}}]);
	writeFiles(world.repo, {
		'.tyk.json': {type: 'apidef', files: [{file: 'api-pay1.json'}], policies: [{file: 'policy-gold.json'}]},
		'api-pay1.json': payments, 'policy-gold.json': gold,
	});
	writeFiles(world.repo, {'.tyk-console/overlays/prod.yaml': overlay});
	world.git(['add', '-A']);
	world.git(['commit', '-qm', 'base and prod overlay']);
	const firstCommit = world.git(['rev-parse', 'HEAD']).trim();
	const env = {PAY_PROD_PASSWORD: password};
	const outputs: string[] = [];
	const run = async (args: string[]) => {
		const result = await world.cli(args, {env});
		outputs.push(result.stdout, result.stderr);
		return result;
	};
	const json = async (args: string[]) => {
		const result = await run([...args, '--json']);
		return {...result, data: JSON.parse(result.stdout)};
	};
	const live = (name: string) => {
		const store = world.emulators[name]!.store;
		const api = (store.listApis() as any[]).find((wrapper) => wrapper.api_definition.api_id === 'pay1').api_definition;
		const policy = store.listPolicies().find((entry) => entry['id'] === 'gold')!;
		return {target: api.proxy.target_url, domain: api.domain, password: api.upstream_auth.basic_auth.password, rate: policy['rate'], name: policy['name'], dbId: api.id};
	};

	// The plan shows which fields come from the overlay; publishing both environments from one base.
	const plan = await json(['publish', 'prod', '--dry-run']);
	t.is(plan.code, 0, plan.stderr);
	const planned = Object.fromEntries(plan.data.steps.map((step: any) => [`${step.kind}:${step.id}`, step.overlay]));
	t.deepEqual(planned['policy:gold'], {environment: 'prod', fields: ['rate']});
	t.deepEqual(planned['api:pay1'].fields.sort(), ['api_definition.domain', 'api_definition.proxy.target_url', 'api_definition.upstream_auth.basic_auth.password']);
	for (const name of ['staging', 'prod']) {
		const published = await run(['publish', name, '--yes']);
		t.is(published.code, 0, published.stdout + published.stderr);
	}
	t.like(live('staging'), {target: 'https://payments.staging.internal/', domain: 'api.staging.internal', password: '', rate: 1000});
	t.like(live('prod'), {target: 'https://payments.prod.internal/', domain: 'api.prod.internal', password, rate: 200});
	for (const name of ['staging', 'prod']) {
		const diff = await json(['diff', name]);
		t.is(diff.code, 0, `diff ${name} is clean: ${diff.stdout}`);
	}
	const prodDiff = await run(['diff', 'prod', '--status', 'unchanged']);
	t.regex(prodDiff.stdout, /4 field\(s\) from overlay prod \(2 item\(s\)\)/);

	// Git: the layout holds the base only; no prod value and no secret anywhere in its history.
	const history = world.git(['log', '-p', '--all']);
	t.false(history.includes(password));
	t.false(world.git(['show', 'HEAD:api-pay1.json']).includes('prod.internal'));

	// A hotfix on prod: dumped into prod's overlay, in the same commit; the base and staging are unaffected.
	await world.request('prod', 'PUT', `/api/apis/${live('prod').dbId}`, {api_definition: {...(world.emulators['prod']!.store.listApis() as any[])[0].api_definition, proxy: {listen_path: '/pay/', target_url: 'https://payments-v2.prod.internal/', strip_listen_path: true}}});
	const dump = await run(['dump', 'prod']);
	t.is(dump.code, 0, dump.stdout + dump.stderr);
	t.regex(dump.stdout, /api_definition\.proxy\.target_url: the new value goes into \.tyk-console\/overlays\/prod\.yaml/);
	t.regex(dump.stdout, /secret api_definition\.upstream_auth\.basic_auth\.password from overlay prod is never written to Git/);
	t.true(world.git(['show', '--name-only', '--format=', 'HEAD']).includes('.tyk-console/overlays/prod.yaml'), 'the overlay is in the dump\'s commit');
	const overlayNow = world.git(['show', 'HEAD:.tyk-console/overlays/prod.yaml']);
	t.is(overlayNow, overlay.replace('https://payments.prod.internal/', 'https://payments-v2.prod.internal/'), 'only the hotfixed value changes; comments and layout stay');
	const base = JSON.parse(world.git(['show', 'HEAD:api-pay1.json'])).api_definition;
	t.like(base, {domain: 'api.staging.internal', proxy: {target_url: 'https://payments.staging.internal/'}, upstream_auth: {basic_auth: {password: ''}}});
	for (const name of ['staging', 'prod']) t.is((await json(['diff', name])).code, 0, `diff ${name} after the dump`);

	// The console's views after a dump: staging's Git side stays the base, prod's shows the hotfix it dumped, both clean.
	const engine = await world.engine();
	const prodGold = world.emulators['prod']!.store.listPolicies()[0]!;
	await world.request('prod', 'PUT', `/api/portal/policies/${String(prodGold['_id'])}`, {...prodGold, rate: 150});
	const [stagingView, prodView] = [await engine.load('staging'), await engine.load('prod')];
	const {plan: dumpPlan} = await engine.plan({type: 'dump', environment: 'prod', selection: {keys: ['policy:gold']}});
	const dumped = await engine.apply(dumpPlan);
	const gitGold = (view: typeof stagingView) => view.comparisons.find((row) => row.key === 'policy:gold')!;
	const stagingAfter = await engine.refreshView(stagingView, dumped);
	t.is(gitGold(stagingAfter).left?.body['rate'], 1000, 'staging\'s view keeps the base rate');
	t.is(gitGold(stagingAfter).status, 'unchanged');
	const prodAfter = await engine.refreshView(prodView, dumped);
	t.is(gitGold(prodAfter).left?.body['rate'], 150);
	t.is(gitGold(prodAfter).status, 'unchanged');

	// Migration staging → prod: staging's change travels, prod keeps its own values (overlay and secret).
	const policyId = world.emulators['staging']!.store.listPolicies()[0]!['_id'];
	await world.request('staging', 'PUT', `/api/portal/policies/${String(policyId)}`, {...world.emulators['staging']!.store.listPolicies()[0], name: 'Gold plus'});
	const migrated = await run(['publish', 'prod', '--from-env', 'staging', '--yes']);
	t.is(migrated.code, 0, migrated.stdout + migrated.stderr);
	t.regex(migrated.stdout, /1 field\(s\) from overlay prod: rate/, 'the plan names the fields prod\'s overlay gives');
	t.like(live('prod'), {target: 'https://payments-v2.prod.internal/', domain: 'api.prod.internal', password, rate: 150, name: 'Gold plus'});

	// A rollback to a Git version is that version rendered with prod's overlay as it was then (rate 200, not the base's 1000).
	const rolledBack = await run(['rollback', 'prod', '--id', 'gold', '--to', firstCommit, '--yes']);
	t.is(rolledBack.code, 0, rolledBack.stdout + rolledBack.stderr);
	t.like(live('prod'), {rate: 200, name: 'Gold', password});

	// secretsInGit: refuse lists the secret fields a dump would write in plain text and writes nothing; warn lists them.
	const stagingApi = (world.emulators['staging']!.store.listApis() as any[])[0].api_definition;
	await world.request('staging', 'PUT', `/api/apis/${stagingApi.id}`, {api_definition: {...stagingApi, upstream_auth: {enabled: true, basic_auth: {username: 'svc', password: 'staging-pw-1b2c'}}}});
	world.writeConfig({...JSON.parse(readFileSync(world.configPath, 'utf8')), secretsInGit: 'refuse'});
	const head = world.git(['rev-parse', 'HEAD']);
	const refused = await run(['dump', 'staging']);
	t.is(refused.code, 1, refused.stdout + refused.stderr);
	t.regex(refused.stderr, /dump refused \(secretsInGit: refuse\): 1 secret field\(s\)[^]*api Payments \(pay1\): api_definition\.upstream_auth\.basic_auth\.password/);
	t.is(world.git(['rev-parse', 'HEAD']), head, 'nothing written');
	world.writeConfig({...JSON.parse(readFileSync(world.configPath, 'utf8')), secretsInGit: 'warn'});
	const warned = await run(['dump', 'staging']);
	t.is(warned.code, 0, warned.stdout + warned.stderr);
	t.regex(warned.stdout, /1 secret field\(s\) written to Git in plain text \(secretsInGit: warn[^)]*\): api Payments \(pay1\): api_definition\.upstream_auth\.basic_auth\.password/);
	t.false([refused.stdout, refused.stderr, warned.stdout, warned.stderr].some((text) => text.includes('staging-pw-1b2c')), 'listed by path, never the value');

	// A bad overlay is that environment's Git error (file, line, key path); the other environment is unaffected.
	writeFiles(world.repo, {'.tyk-console/overlays/prod.yaml': 'set:\n  api/nope:\n    rate: 1\n'});
	world.git(['commit', '-qam', 'broken overlay']);
	const broken = await run(['diff', 'prod']);
	t.is(broken.code, 1);
	t.regex(broken.stderr, /\.tyk-console\/overlays\/prod\.yaml:2: set\[api\/nope\]: unknown item/);
	t.is((await run(['diff', 'staging'])).code, 0);

	// The secret never reaches output or the audit log.
	const audit = readFileSync(join(world.stateDir, 'audit.jsonl'), 'utf8');
	t.false([...outputs, audit].some((text) => text.includes(password)));
	assertNoSecrets(t, world, outputs);
});
