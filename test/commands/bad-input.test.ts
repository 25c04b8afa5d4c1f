import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';

/** A world whose repo holds a dump of its seeded emulator, so Git and live agree. */
async function dumpedWorld(t: Parameters<typeof makeWorld>[0]): Promise<World> {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	return world;
}

test('unknown environment, unknown ref, unknown ID, prune without a layout, rollback without exactly one version: a clear message, exit 1, nothing written', async (t) => {
	const world = await dumpedWorld(t);
	const before = JSON.stringify(world.emulators['staging']!.store.snapshot());
	const auditBefore = world.audit().length;
	const apiId = String((world.emulators['staging']!.store.listApis()[0] as any).api_definition.api_id);
	const runs = await Promise.all([
		world.cli(['diff', 'nope']),
		world.cli(['publish', 'staging', '--prune', '--yes', '--dir', 'nowhere']),
		world.cli(['diff', 'staging', '--ref', 'no-such-ref']),
		world.cli(['publish', 'staging', '--ref', 'no-such-ref']),
		world.cli(['publish', 'staging', '--id', 'no-such-id']),
		world.cli(['diff', 'staging', '--id', 'no-such-id']),
		world.cli(['rollback', 'staging', '--id', apiId]),
		world.cli(['rollback', 'staging', '--id', apiId, '--to', 'main', '--snapshot', 'x']),
		world.cli(['rollback', 'staging', '--id', 'no-such-id', '--to', 'main']),
		world.cli(['undo', 'staging', '--operation', 'no-such-operation']),
	]);
	const [unknownEnv, pruneWithoutLayout, unknownRef, unknownRefPublish, unknownId, unknownIdDiff, neither, both, unknownRollback, unknownOperation] = runs;
	for (const [index, run] of runs.entries()) {
		t.is(run.code, 1, `run ${index}: ${run.stdout}${run.stderr}`);
		t.regex(run.stderr, /^tyk-console: \S/, `run ${index} starts with one sentence`);
	}
	t.regex(unknownEnv.stderr, /"nope"/);
	t.regex(unknownEnv.stderr, /staging/, 'names the environments that exist');
	// A wrong --dir must not wipe the Dashboard: a missing index is an error naming the directories that hold one.
	t.regex(pruneWithoutLayout.stderr, /no \.tyk\.json found in .* under directory nowhere; directories that hold one: \. \(did you mean --dir \.\?/, 'a wrong --dir must not wipe the Dashboard');
	t.regex(unknownRef.stderr, /no-such-ref/);
	t.true(unknownRef.stderr.includes(world.repo), unknownRef.stderr);
	t.regex(unknownRefPublish.stderr, /no-such-ref/);
	t.regex(unknownId.stderr, /no-such-id/);
	t.regex(unknownIdDiff.stderr, /no-such-id/);
	t.regex(neither.stderr, /exactly one of --to REV or --snapshot SNAP/);
	t.regex(both.stderr, /exactly one of --to REV or --snapshot SNAP/);
	t.regex(unknownRollback.stderr, /no-such-id/);
	t.regex(unknownOperation.stderr, /no-such-operation/);

	t.is(JSON.stringify(world.emulators['staging']!.store.snapshot()), before);
	t.is(world.audit().length, auditBefore);
	assertNoSecrets(t, world, runs.flatMap((run) => [run.stdout, run.stderr]));
});

test('a config with wrong types names the file and each key path', async (t) => {
	const world = await makeWorld(t, [{name: 'staging'}]);
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	config.environments[0].protected = 'yes';
	config.environments[0].concurrency = 'eight';
	config.environments.push({name: 'prod', dashboard: 42, secretEnv: 'X'});
	world.writeConfig(config);
	// A config that is not even JSON, beside it; both runs at once.
	const brokenPath = join(world.root, 'broken', 'tyk-console.json');
	mkdirSync(dirname(brokenPath));
	writeFileSync(brokenPath, '{"environments": [');
	const [result, broken] = await Promise.all([
		world.cli(['envs']), runCli(['envs', '--config', brokenPath], {cwd: world.root, env: world.env}),
	]);
	t.is(result.code, 1);
	t.true(result.stderr.includes(world.configPath) || result.stderr.includes('tyk-console.json'), result.stderr);
	t.regex(result.stderr, /environments\[0\]\.protected: must be true or false/);
	t.regex(result.stderr, /environments\[0\]\.concurrency/);
	t.regex(result.stderr, /environments\[1\]\.dashboard/);
	t.is(result.stdout, '');

	t.is(broken.code, 1);
	t.regex(broken.stderr, /broken\/tyk-console\.json:1:\d+: invalid JSON/, 'names the file and the place');
	assertNoSecrets(t, world, [result.stdout, result.stderr, broken.stdout, broken.stderr]);
});

test('an invalid JSON file in the layout is reported by name, the rest is still compared, and --prune refuses to delete its item', async (t) => {
	const world = await dumpedWorld(t);
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const brokenFile: string = index.files[0].file;
	const brokenId = brokenFile.replace(/^(api|oas)-|\.json$/g, '');
	writeFileSync(join(world.repo, brokenFile), '{"api_definition": {');
	world.git(['commit', '-q', '-am', 'break one file']);
	const total = world.emulators['staging']!.store.listApis().length + world.emulators['staging']!.store.listPolicies().length
		+ world.emulators['staging']!.store.listTemplates().length;

	const [diff, text, prune] = await Promise.all([
		world.json(['diff', 'staging']),
		world.cli(['diff', 'staging']),
		world.json(['publish', 'staging', '--prune', '--dry-run']),
	]);
	t.is(diff.code, 1, diff.stderr);
	const invalid = diff.data.items.filter((item: any) => item.status === 'invalid');
	t.is(invalid.length, 1);
	t.is(invalid[0].file, brokenFile);
	t.true(invalid[0].error.includes(brokenFile), invalid[0].error);
	t.is(diff.data.summary.invalid, 1);
	t.true(diff.data.summary.unchanged >= total - 1, JSON.stringify(diff.data.summary));
	t.is(text.code, 1);
	t.true(text.stdout.includes(brokenFile));

	// The item behind the broken file is live; a prune must never read "could not parse" as "delete it".
	const planned = (prune.data?.steps ?? []).filter((step: any) => step.action === 'delete').map((step: any) => step.id);
	t.false(planned.includes(brokenId), 'the live item of an unreadable file is not deleted');
	t.is(prune.code, 1, prune.stdout + prune.stderr);
	t.regex(prune.stderr, new RegExp(brokenFile.replace('.', '\\.')));
	t.truthy(world.emulators['staging']!.store.listApis().find((w: any) => w.api_definition.api_id === brokenId));

	// A publish that can write the rest does so, but says what it left out and does not exit 0.
	const policy = world.emulators['staging']!.store.listPolicies()[0] as any;
	await world.request('staging', 'PUT', `/api/portal/policies/${policy._id}`, {...policy, rate: policy.rate + 3});
	const dry = await world.json(['publish', 'staging', '--dry-run']);
	t.is(dry.code, 1, 'a dry run exits as the real run would');
	t.deepEqual(dry.data.excluded.map((entry: any) => entry.file), [brokenFile]);
	t.deepEqual(dry.data.steps.filter((step: any) => step.action === 'update').map((step: any) => step.id), [policy.id]);
	const publish = await world.json(['publish', 'staging']);
	t.is(publish.code, 1, publish.stdout + publish.stderr);
	t.deepEqual(publish.data.results.filter((r: any) => r.status === 'applied').map((r: any) => r.id), [policy.id]);
	t.deepEqual(publish.data.excluded.map((entry: any) => [entry.file, entry.status]), [[brokenFile, 'invalid']]);
	const textPublish = await world.cli(['publish', 'staging']);
	t.is(textPublish.code, 1, textPublish.stdout);
	t.regex(textPublish.stdout, /Nothing to do/);
	assertNoSecrets(t, world, [diff, text, prune, dry, publish, textPublish].flatMap((run) => [run.stdout, run.stderr]).concat(world.stateText()));
	t.true(textPublish.stdout.includes(`left out ${brokenFile}`), textPublish.stdout);
});
