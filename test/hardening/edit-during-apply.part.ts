import test from 'ava';
import {assertNoSecrets} from '../helpers/world.js';
import {patchEnvironment, startProxy, worldWithRaisedRates} from './helpers.js';

test.serial('edit during apply: a policy edited on the Dashboard while a 60-item publish runs is not overwritten; it fails "changed since planned" and keeps the edit', async (t) => {
	// 50 ms per request: with every re-read of a phase run before its writes, the last item was re-read seconds before
	// it was written. Per item (re-read → pre-image → write → read-back, 8 items in flight) the gap is one round trip.
	// Git moves on: every policy gets a new rate.
	const world = await worldWithRaisedRates(t, {seed: 2, seedPolicies: 60, seedTemplates: 0, latencyMs: 50}, 1);
	const emulator = world.emulators['staging']!;
	const planned = await world.json(['publish', 'staging', '--dry-run']);
	t.is(planned.code, 0, planned.stderr);
	const updates = planned.data.steps.filter((step: any) => step.action === 'update');
	t.is(updates.length, 60);
	const last = updates.at(-1);

	// When the first write arrives, someone changes the plan's last policy on the Dashboard (held until it is done).
	let edited: Promise<void> | undefined;
	const edit = async () => {
		const policy = emulator.store.listPolicies().find((candidate) => candidate['id'] === last.id)!;
		await world.request('staging', 'PUT', `/api/portal/policies/${String(policy['_id'])}`, {...policy, rate: 4242});
	};
	const proxy = await startProxy(t, emulator.url, async (request): Promise<'pass'> => {
		if (request.method === 'PUT') await (edited ??= edit());
		return 'pass';
	});
	patchEnvironment(world, 'staging', {dashboard: proxy.url});
	const run = await world.json(['publish', 'staging', '--yes']);
	t.is(run.code, 3, run.stderr);
	t.truthy(edited, 'the publish wrote something');
	const result = run.data.results.find((entry: any) => entry.id === last.id);
	t.is(result.status, 'failed', JSON.stringify(result));
	t.regex(result.error, /^changed since planned/);
	t.is(run.data.results.filter((entry: any) => entry.status === 'applied').length, 59);
	const live = emulator.store.listPolicies().find((candidate) => candidate['id'] === last.id)!;
	t.is(live['rate'], 4242, 'the Dashboard edit is still there');
	assertNoSecrets(t, world, [run.stdout, run.stderr, world.stateText()]);
});
