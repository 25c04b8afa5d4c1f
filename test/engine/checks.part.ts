import test from 'ava';
import {readFileSync} from 'node:fs';
import {makeWorld, writeFiles} from '../helpers/world.js';
import {engineOf} from './_engine.js';
import {recheckPlan} from '../../source/engine/plans.js';

const api = (id: string) => ({api_definition: {api_id: id, name: `API ${id}`, active: true, proxy: {listen_path: `/${id}/`, target_url: 'http://upstream.internal/'}}});
const policy = (id: string, apis: string[]) => ({
	id, name: `Policy ${id}`, rate: 10, per: 60,
	access_rights: Object.fromEntries(apis.map((apiId) => [apiId, {api_id: apiId, api_name: `API ${apiId}`, versions: ['Default']}])),
});

test('a migration of a policy whose API the target lacks is blocked; with dependencies it takes the API from the other environment, from a read or a held view; a prune never deletes an API a remaining policy grants', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 0}}, {name: 'prod', emulator: {seed: 0}}]);
	for (const [environment, id] of [['staging', 'a1'], ['prod', 'b1']] as const) await world.request(environment, 'POST', '/api/apis', api(id));
	await world.request('staging', 'POST', '/api/portal/policies', policy('p1', ['a1']));
	for (const environment of ['staging', 'prod']) await world.request(environment, 'POST', '/api/portal/policies', policy('q1', ['b1']));
	const engine = await engineOf(t, world);
	const migrate = {type: 'publish', environment: 'prod', fromEnvironment: 'staging'} as const;
	const keys = (steps: readonly {kind: string; id: string; action: string}[]) => steps.filter((s) => s.action !== 'skip').map((s) => `${s.action} ${s.kind}:${s.id}`).sort();

	const alone = (await engine.plan({...migrate, selection: {ids: ['p1']}})).plan;
	t.deepEqual(alone.blocked?.map((b) => [b.kind, b.id, b.missingApi]), [['policy', 'p1', 'a1']]);
	t.regex(alone.blocked![0]!.reason, /grants API a1, which is neither in live prod nor in this plan \(adding dependencies takes it from live staging\)/);
	// Checked again as a saved plan (tyk-console apply): still blocked, and nothing can be added to it any more.
	const again = await recheckPlan(engine.context, alone);
	t.deepEqual(again.blocked?.map((b) => [b.id, b.missingApi]), [['p1', undefined]]);
	const added = (await engine.plan({...migrate, selection: {ids: ['p1']}, withDependencies: true})).plan;
	t.is(added.blocked, undefined);
	t.deepEqual(keys(added.steps), ['create api:a1', 'create policy:p1']);
	// The console's way: a view it holds, marks as keys.
	const view = await engine.load('prod', {against: 'staging'});
	const held = (await engine.plan({...migrate, view, selection: {keys: ['policy:p1']}, withDependencies: true})).plan;
	t.deepEqual(keys(held.steps), ['create api:a1', 'create policy:p1']);

	// staging lacks b1, which q1 (on both) grants: the prune's delete of b1 is blocked, naming q1.
	const pruned = (await engine.plan({...migrate, prune: true})).plan;
	t.true(pruned.steps.some((s) => s.action === 'delete' && s.id === 'b1'));
	t.deepEqual(pruned.blocked?.map((b) => [b.kind, b.id]), [['api', 'b1']]);
	t.regex(pruned.blocked![0]!.reason, /policy "Policy q1" \(q1\) grants this API and stays in live prod/);
});

test('a Dashboard with duplicate listen paths allowed (enableDuplicateSlugs in the config, as the emulator runs) is not refused a shared path', async (t) => {
	const world = await makeWorld(t, [{name: 'lab', emulator: {seed: 0, enableDuplicateSlugs: true}}]);
	writeFiles(world.repo, {'.tyk.json': {type: 'apidef', files: [{file: 'api-b2.json'}]}, 'api-b2.json': {...api('b2'), api_definition: {...api('b2').api_definition, proxy: {listen_path: '/same/'}}}});
	world.git(['add', '-A']);
	world.git(['commit', '-qm', 'layout']);
	await world.request('lab', 'POST', '/api/apis', {...api('a2'), api_definition: {...api('a2').api_definition, proxy: {listen_path: '/same/'}}});
	const strict = (await (await engineOf(t, world)).plan({type: 'publish', environment: 'lab'})).plan;
	t.regex(strict.blocked?.[0]?.reason ?? '', /listen path \/same\/ is also used by API "API a2"/);
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	config.environments[0].enableDuplicateSlugs = true;
	world.writeConfig(config);
	const engine = await engineOf(t, world);
	const allowed = (await engine.plan({type: 'publish', environment: 'lab'})).plan;
	t.is(allowed.blocked, undefined);
	const result = await engine.apply(allowed);
	t.deepEqual(result.results.map((r) => `${r.id} ${r.status}`), ['b2 applied'], 'and the Dashboard takes it');
});
