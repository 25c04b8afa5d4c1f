import test from 'ava';
import {makeWorld} from '../helpers/world.js';

// Dashboards before 5.12 accept only the DB `_id` in policy paths (contract 5.3); the emulator's legacyPolicyPaths
// answers a custom policy id there with 400 "Invalid policy ID.", as they do.
for (const legacy of [false, true]) {
	test(`an existing policy is read, written, read back and diffed at its DB _id (${legacy ? 'Dashboard before 5.12' : 'current Dashboard'})`, async (t) => {
		const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4, legacyPolicyPaths: legacy}}]);
		t.is((await world.cli(['dump', 'staging'])).code, 0);
		const commit = world.git(['rev-parse', 'main']).trim();
		const policy = ((await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[])[0];
		t.regex(policy._id, /^[0-9a-f]{24}$/);
		t.not(policy.id, policy._id, 'the seeded policy has a custom id');
		if (legacy) {
			await t.throwsAsync(world.request('staging', 'GET', `/api/portal/policies/${policy.id}`), {message: /400 .*Invalid policy ID\./});
		}
		await world.request('staging', 'PUT', `/api/portal/policies/${policy._id}`, {...policy, rate: policy.rate + 5});

		const published = await world.json(['publish', 'staging', '--id', policy.id, '--verbose']);
		t.is(published.code, 0, published.stderr);
		t.deepEqual(published.data.results.map((r: any) => [r.id, r.action, r.status]), [[policy.id, 'update', 'applied']]);
		const paths = published.stderr.split('\n').filter((line: string) => line.includes('/api/portal/policies/'));
		t.true(paths.some((line: string) => line.includes(`PUT /api/portal/policies/${policy._id} 200`)), paths.join('\n'));
		t.false(paths.some((line: string) => line.includes(`/api/portal/policies/${policy.id} `)), 'never addressed by its custom id');
		t.is((await world.request('staging', 'GET', `/api/portal/policies/${policy._id}`) as any).rate, policy.rate);

		// The console's history diff reads the live policy the same way.
		const engine = await world.engine();
		const compared = await engine.versionComparison('staging', 'policy', policy.id, {type: 'git', commit});
		t.is(compared.status, 'unchanged', 'the dumped revision equals live again');
		t.is(compared.right?.id, policy.id, 'live was read');
	});
}

test.serial('a policy with a custom id is created on a Dashboard before 5.12 (looked up in the list, read back at its new _id)', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4, legacyPolicyPaths: true}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	const [gone, kept] = (await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[];
	await world.request('staging', 'DELETE', `/api/portal/policies/${gone._id}`);

	const published = await world.json(['publish', 'staging', '--id', gone.id, '--id', kept.id, '--yes', '--verbose']);
	t.is(published.code, 0, published.stderr);
	t.deepEqual(published.data.results.map((r: any) => [r.id, r.action, r.status, r.verified]), [
		[gone.id, 'create', 'applied', true], [kept.id, 'skip', 'skipped', undefined],
	]);
	t.regex(published.stderr, /GET \/api\/portal\/policies\?p=-1 200/, 'the absent policy was looked up in the list');
	const created = ((await world.request('staging', 'GET', '/api/portal/policies?p=-1')).Data as any[]).find((p) => p.id === gone.id);
	t.truthy(created, 'the policy exists again, under its custom id');
	t.not(created._id, gone._id, 'with a new DB _id');
	const clean = await world.cli(['diff', 'staging']);
	t.is(clean.code, 0, clean.stdout);
});
