import test from 'ava';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';

/** A Classic API and a policy on the emulator, as the tests change them through the Dashboard API. */
async function pickTargets(world: World): Promise<{api: any; policy: any}> {
	const apis = (await world.request('staging', 'GET', '/api/apis?p=-1')).apis as any[];
	const api = apis.find((wrapper) => wrapper.api_definition.is_oas !== true);
	const policies = (await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[];
	return {api, policy: policies[0]};
}

test.serial('dump, drift, publish one item, roll back to a snapshot, undo the rollback', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 6}}]);
	const outputs: string[] = [];
	const run = async (args: readonly string[]) => {
		const result = await world.cli(args);
		outputs.push(result.stdout, result.stderr);
		return result;
	};
	const json = async (args: readonly string[]) => {
		const result = await world.json(args);
		outputs.push(result.stdout, result.stderr);
		return result;
	};

	// Dump everything into the empty repo: Git and live now agree.
	const dumped = await run(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const total = world.emulators['staging']!.store.listApis().length + world.emulators['staging']!.store.listPolicies().length
		+ world.emulators['staging']!.store.listTemplates().length;
	t.regex(world.git(['log', '--format=%s', 'main']), /^tyk-console dump from live staging/);
	const clean = await run(['diff', 'staging']);
	t.is(clean.code, 0, clean.stdout + clean.stderr);
	t.regex(clean.stdout, new RegExp(`${total} item\\(s\\): ${total} unchanged`));

	// Drift on the Dashboard: one API's target URL, one policy's rate.
	const {api, policy} = await pickTargets(world);
	const apiId: string = api.api_definition.api_id;
	const gitUrl: string = api.api_definition.proxy.target_url;
	const driftUrl = 'http://drifted.internal:9999/';
	api.api_definition.proxy.target_url = driftUrl;
	await world.request('staging', 'PUT', `/api/apis/${api.api_definition.id}`, api);
	await world.request('staging', 'PUT', `/api/portal/policies/${policy._id}`, {...policy, rate: policy.rate + 17});

	const drift = await json(['diff', 'staging']);
	t.is(drift.code, 2, drift.stderr);
	const commit = world.git(['rev-parse', 'main']).trim();
	t.deepEqual(drift.data.source, {type: 'git', repo: world.repo, ref: 'main', commit, dir: ''});
	t.is(drift.data.environment, 'staging');
	t.like(drift.data.summary, {total, unchanged: total - 2, changed: 2, 'only-in-git': 0, 'only-live': 0, invalid: 0, conflict: 0});
	const byKind = Object.fromEntries(drift.data.items.map((item: any) => [item.kind, item]));
	t.is(drift.data.items.length, 2);
	t.like(byKind['api'], {kind: 'api', flavor: 'classic', id: apiId, name: api.api_definition.name, status: 'changed', file: `api-${apiId}.json`});
	t.deepEqual(byKind['api'].changes, ['api_definition.proxy.target_url']);
	t.like(byKind['policy'], {kind: 'policy', id: policy.id, status: 'changed'});
	t.deepEqual(byKind['policy'].changes, ['rate']);
	t.is(typeof byKind['policy'].file, 'string');

	// Publish only the API: one write, one audit line, the policy is left alone.
	const auditBefore = world.audit().length;
	const others = () => JSON.stringify(world.emulators['staging']!.store.snapshot(), (key, value) =>
		value && typeof value === 'object' && value.api_definition?.api_id === apiId ? undefined : value);
	const othersBefore = others();
	const published = await json(['publish', 'staging', '--id', apiId, '--verbose']);
	t.regex(published.stderr, /staging: PUT \/api\/apis\/\S+ 200 \d+ms/, 'verbose logs each request (never the key)');
	t.is(published.code, 0, published.stderr);
	t.deepEqual(published.data.results.map((r: any) => [r.kind, r.id, r.action, r.status]), [['api', apiId, 'update', 'applied']]);
	const audit = world.audit().slice(auditBefore);
	t.deepEqual(audit.map((line) => [line.kind, line.id, line.action, line.result]), [['api', apiId, 'update', 'applied']]);
	t.is(others(), othersBefore, 'nothing but that API changed on the Dashboard');
	const liveApi = world.emulators['staging']!.store.listApis().find((w: any) => w.api_definition.api_id === apiId) as any;
	t.is(liveApi.api_definition.proxy.target_url, gitUrl);
	t.is(world.emulators['staging']!.store.listPolicies().find((p: any) => p.id === policy.id)!['rate'], policy.rate + 17);
	const onlyPolicy = await json(['diff', 'staging']);
	t.is(onlyPolicy.code, 2);
	t.deepEqual(onlyPolicy.data.items.map((item: any) => [item.kind, item.id, item.changes]), [['policy', policy.id, ['rate']]]);

	// Roll back to the snapshot taken before the publish: the drifted URL goes live again.
	const history = await json(['history', 'staging', '--id', apiId]);
	t.is(history.code, 0, history.stderr);
	t.is(history.data.kind, 'api');
	t.true(history.data.revisions.length >= 1);
	t.is(history.data.revisions[0].commit, commit);
	t.deepEqual(Object.keys(history.data).sort(), ['environment', 'id', 'kind', 'revisions', 'snapshots']);
	t.deepEqual(Object.keys(history.data.revisions[0]).sort(), ['author', 'commit', 'date', 'subject']);
	t.true(history.data.snapshots.every((s: any) => ['action', 'id', 'operation', 'time'].every((key) => typeof s[key] === 'string')));
	const snapshot = history.data.snapshots.find((s: any) => s.operation === published.data.operation);
	t.truthy(snapshot, JSON.stringify(history.data.snapshots));
	const rolled = await json(['rollback', 'staging', '--id', apiId, '--snapshot', snapshot.id]);
	t.is(rolled.code, 0, rolled.stderr);
	t.deepEqual(rolled.data.results.map((r: any) => [r.id, r.action, r.status]), [[apiId, 'update', 'applied']]);
	const afterRollback = world.emulators['staging']!.store.listApis().find((w: any) => w.api_definition.api_id === apiId) as any;
	t.is(afterRollback.api_definition.proxy.target_url, driftUrl);

	// Undo the rollback: the published (Git) URL is back.
	const undone = await json(['undo', 'staging', '--operation', rolled.data.operation]);
	t.is(undone.code, 0, undone.stderr);
	t.deepEqual(undone.data.results.map((r: any) => [r.id, r.action, r.status]), [[apiId, 'update', 'applied']]);
	const afterUndo = world.emulators['staging']!.store.listApis().find((w: any) => w.api_definition.api_id === apiId) as any;
	t.is(afterUndo.api_definition.proxy.target_url, gitUrl);

	// The policy goes back to its Git revision: nothing drifts any more.
	const toRevision = await json(['rollback', 'staging', '--id', policy.id, '--to', commit]);
	t.is(toRevision.code, 0, toRevision.stderr);
	t.deepEqual(toRevision.data.results.map((r: any) => [r.kind, r.id, r.action, r.status]), [['policy', policy.id, 'update', 'applied']]);
	const settled = await run(['diff', 'staging']);
	t.is(settled.code, 0, settled.stdout);

	assertNoSecrets(t, world, [...outputs, world.stateText(), world.git(['log', '-p', '--all'])]);
});
