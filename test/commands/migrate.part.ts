import test from 'ava';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

/** Every item of an emulator as `kind:portable id`, sorted. */
function keysOf(emulator: RunningEmulator): string[] {
	const {store} = emulator;
	return [
		...store.listApis().map((wrapper: any) => `api:${wrapper.api_definition.api_id}`),
		...store.listPolicies().map((policy) => `policy:${String(policy['id'] || policy['_id'])}`),
		...store.listTemplates().map((asset) => `template:${String(asset['id'])}`),
	].sort();
}

test.serial('publish --from-env migrates one Dashboard to another; --prune lists its deletes in the plan, then makes them', async (t) => {
	const world = await makeWorld(t, [
		{name: 'staging', emulator: {seed: 6}},
		{name: 'prod', emulator: {seed: 3, seedPolicies: 1, seedTemplates: 1}},
	]);
	const staging = world.emulators['staging']!;
	const prod = world.emulators['prod']!;
	const source = keysOf(staging);
	const before = keysOf(prod);
	const extra = before.filter((key) => !source.includes(key));
	t.true(extra.length >= 3, 'prod must hold items staging lacks, so the prune has something to delete');
	const outputs: string[] = [];

	// The plan: every staging item created or updated, prod-only items deleted, deletes last; nothing written.
	const plan = await world.json(['publish', 'prod', '--from-env', 'staging', '--prune', '--dry-run']);
	outputs.push(plan.stdout, plan.stderr);
	t.is(plan.code, 0, plan.stderr);
	t.is(plan.data.direction, 'migrate');
	t.true(plan.data.dryRun);
	const deletes = plan.data.steps.filter((step: any) => step.action === 'delete').map((step: any) => `${step.kind}:${step.id}`).sort();
	t.deepEqual(deletes, extra);
	const writeSteps = plan.data.steps.filter((step: any) => step.action !== 'skip');
	const firstDelete = writeSteps.findIndex((step: any) => step.action === 'delete');
	t.true(writeSteps.slice(firstDelete).every((step: any) => step.action === 'delete'), 'deletes are the last writes');
	const writes = plan.data.steps.filter((step: any) => step.action === 'create' || step.action === 'update').map((step: any) => `${step.kind}:${step.id}`).sort();
	t.deepEqual(writes, source.filter((key) => !before.includes(key) || plan.data.steps.some((step: any) => `${step.kind}:${step.id}` === key && step.action === 'update')));
	t.deepEqual(plan.data.counts, {
		create: source.filter((key) => !before.includes(key)).length,
		update: plan.data.steps.filter((step: any) => step.action === 'update').length,
		delete: extra.length,
		skip: plan.data.steps.filter((step: any) => step.action === 'skip').length,
	});
	t.deepEqual(keysOf(prod), before, 'a dry run writes nothing');
	t.false(world.audit().some((line) => line.environment === 'prod'));

	// The text plan names what it deletes too.
	const textPlan = await world.cli(['publish', 'prod', '--from-env', 'staging', '--prune', '--dry-run']);
	outputs.push(textPlan.stdout, textPlan.stderr);
	t.is(textPlan.code, 0);
	for (const key of extra) t.regex(textPlan.stdout, new RegExp(`delete\\s+${key.split(':')[0]}\\s.*\\(${key.split(':')[1]}\\)`));
	t.regex(textPlan.stdout, /Dry run: nothing was written/);

	// Apply: prod now holds exactly staging's items, and compares equal to it.
	const applied = await world.json(['publish', 'prod', '--from-env', 'staging', '--prune']);
	outputs.push(applied.stdout, applied.stderr);
	t.is(applied.code, 0, applied.stdout + applied.stderr);
	t.true(applied.data.results.every((r: any) => r.status === 'applied' || r.status === 'skipped'));
	t.deepEqual(applied.data.results.filter((r: any) => r.action === 'delete').map((r: any) => `${r.kind}:${r.id}`).sort(), extra);
	t.deepEqual(keysOf(prod), source);
	t.deepEqual(keysOf(staging), source, 'the source environment is only read');
	const compared = await world.json(['diff', 'prod', '--against', 'staging']);
	outputs.push(compared.stdout, compared.stderr);
	t.is(compared.code, 0, compared.stdout);
	t.deepEqual(compared.data.source, {type: 'live', environment: 'staging'});
	t.is(compared.data.summary.unchanged, source.length);

	assertNoSecrets(t, world, [...outputs, world.stateText()]);
});
