import test from 'ava';
import {makeWorld} from '../helpers/world.js';
import {dumpAll, engineOf} from './_engine.js';

const alice = {name: 'alice@example.com', secret: 'alice-engine-key'};

test('blame: one read of the Dashboard audit log per load (not per item), none for planning, and measured again after an apply', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4, users: [alice]}}]);
	const log: string[] = [];
	const engine = await engineOf(t, world, {log: (line) => log.push(line)});
	await dumpAll(engine, 'staging');
	const policies = (await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[];
	for (const policy of policies.slice(0, 2)) {
		const answer = await fetch(`${world.emulators['staging']!.url}/api/portal/policies/${policy._id}`, {
			method: 'PUT', headers: {Authorization: alice.secret}, body: JSON.stringify({...policy, rate: Number(policy.rate) + 1}),
		});
		t.is(answer.status, 200);
	}
	const auditReads = () => log.filter((line) => line.includes('/api/audit-logs')).length;

	log.length = 0;
	const planned = await engine.load('staging');
	t.is(planned.blame, undefined, 'planning loads read no blame');
	t.is(auditReads(), 0);

	const view = await engine.loadEnvironment('staging');
	const changed = view.comparisons.filter((row) => row.status === 'changed');
	t.is(changed.length, 2);
	for (const row of changed) t.like(view.blame?.[row.key], {by: alice.name, via: 'dashboard'});
	t.is(auditReads(), 2, 'PUT and DELETE, one page each, for two changed items');

	// Git takes one policy back live: its row is unchanged now, and its Dashboard blame is gone from the refreshed view.
	const first = changed[0]!;
	const {plan} = await engine.plan({type: 'publish', environment: 'staging', view, selection: {keys: [first.key]}});
	const result = await engine.apply(plan);
	const refreshed = await engine.refreshView(view, result);
	t.is(refreshed.comparisons.find((row) => row.key === first.key)?.status, 'unchanged');
	t.is(refreshed.blame?.[first.key], undefined);
	t.like(refreshed.blame?.[changed[1]!.key], {by: alice.name});
	t.is(auditReads(), 2, 'the refresh asks the Dashboard nothing more');
});
