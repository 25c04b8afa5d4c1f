import test from 'ava';
import {makeWorld} from '../helpers/world.js';

test('an existing policy is read, written and read back at its DB _id, which every Dashboard version accepts', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	const policy = ((await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[])[0];
	t.regex(policy._id, /^[0-9a-f]{24}$/);
	t.not(policy.id, policy._id, 'the seeded policy has a custom id, which Dashboards before 5.12 do not accept in a path');
	await world.request('staging', 'PUT', `/api/portal/policies/${policy._id}`, {...policy, rate: policy.rate + 5});

	const published = await world.json(['publish', 'staging', '--id', policy.id, '--verbose']);
	t.is(published.code, 0, published.stderr);
	t.deepEqual(published.data.results.map((r: any) => [r.id, r.action, r.status]), [[policy.id, 'update', 'applied']]);
	const paths = published.stderr.split('\n').filter((line: string) => line.includes('/api/portal/policies/'));
	t.true(paths.some((line: string) => line.includes(`PUT /api/portal/policies/${policy._id} 200`)), paths.join('\n'));
	t.false(paths.some((line: string) => line.includes(`/api/portal/policies/${policy.id} `)), 'never addressed by its custom id');
	t.is((await world.request('staging', 'GET', `/api/portal/policies/${policy._id}`) as any).rate, policy.rate);
});
