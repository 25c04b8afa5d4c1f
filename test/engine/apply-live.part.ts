import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import type {Engine} from '../../source/engine/engine.js';
import {resultExitCode} from '../../source/commands/plan-output.js';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';
import {dumpAll, engineOf} from './_engine.js';

/** Dumps live into Git, then raises one policy's rate and moves one Classic API in a new commit. */
async function driftInGit(engine: Engine, world: World): Promise<{apiId: string; policyId: string}> {
	await dumpAll(engine, 'staging');
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const policyFile = join(world.repo, index.policies[0].file);
	const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
	writeFileSync(policyFile, JSON.stringify({...policy, rate: policy.rate + 1}, null, 2));
	const apiEntry = index.files.find((entry: any) => entry.file.startsWith('api-'));
	const apiFile = join(world.repo, apiEntry.file);
	const api = JSON.parse(readFileSync(apiFile, 'utf8'));
	api.api_definition.proxy.target_url = 'http://from-git.internal/';
	writeFileSync(apiFile, JSON.stringify(api, null, 2));
	world.git(['commit', '-q', '-am', 'two changes']);
	return {apiId: api.api_definition.api_id, policyId: policy.id};
}

test('an item changed on the Dashboard between plan and apply is not overwritten; the rest is applied', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const engine = await engineOf(t, world);
	const {apiId, policyId} = await driftInGit(engine, world);
	const {plan} = await engine.plan({type: 'publish', environment: 'staging'});
	t.deepEqual(plan.steps.filter((step) => step.action === 'update').map((step) => step.id).sort(), [apiId, policyId].sort());

	// Someone edits the API on the Dashboard after the plan was shown.
	const wrapper = await world.request('staging', 'GET', `/api/apis/${apiId}`);
	wrapper.api_definition.proxy.target_url = 'http://hotfix.internal/';
	await world.request('staging', 'PUT', `/api/apis/${wrapper.api_definition.id}`, wrapper);

	const result = await engine.apply(plan);
	const byId = Object.fromEntries(result.results.map((r) => [r.id, r]));
	t.is(byId[apiId]!.status, 'failed');
	t.regex(byId[apiId]!.error!, /changed since planned/);
	t.is(byId[policyId]!.status, 'applied');
	t.true(byId[policyId]!.verified);
	t.is(resultExitCode(result), 3);
	const live = await world.request('staging', 'GET', `/api/apis/${apiId}`);
	t.is(live.api_definition.proxy.target_url, 'http://hotfix.internal/', 'the Dashboard edit is kept');
	const journal = world.journal(result.operation);
	const preImages = journal.filter((line) => line.type === 'pre-image').map((line) => line.id);
	t.deepEqual(preImages, [policyId], 'nothing is journalled for an item that was not written');
	t.deepEqual(journal.filter((line) => line.type === 'result' && line.status !== 'skipped').map((line) => [line.id, line.status]).sort(), [[apiId, 'failed'], [policyId, 'applied']].sort());
	assertNoSecrets(t, world, [world.stateText()]);
});

test('two applies on one environment never interleave: the second is refused by the lock and writes nothing', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const engine = await engineOf(t, world);
	const {apiId, policyId} = await driftInGit(engine, world);
	const {plan} = await engine.plan({type: 'publish', environment: 'staging'});
	world.emulators['staging']!.store.setFaults({latencyMs: 30});
	const [first, second] = await Promise.allSettled([engine.apply(plan), engine.apply(plan)]);
	const settled = [first, second];
	const won = settled.filter((s) => s.status === 'fulfilled');
	const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
	t.is(won.length, 1);
	t.is(lost.length, 1);
	t.regex(String(lost[0]!.reason?.message), /staging/);
	const applied = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<Engine['apply']>>>).value.results.filter((r) => r.status === 'applied');
	t.deepEqual(applied.map((r) => r.id).sort(), [apiId, policyId].sort());
	t.is(world.audit().filter((line) => line.source !== 'live staging').length, 2, 'only the winner wrote');
	assertNoSecrets(t, world, [world.stateText(), String(lost[0]!.reason?.message)]);
});
