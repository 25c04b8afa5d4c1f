import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

test.serial('protected needs --yes without a TTY, read-only refuses, --dry-run writes nothing', async (t) => {
	// Same seed, same items: both environments drift the same way from the one repo.
	const world = await makeWorld(t, [
		{name: 'prod', emulator: {seed: 4}, protected: true},
		{name: 'frozen', emulator: {seed: 4}, readOnly: true},
	]);
	const outputs: string[] = [];
	const run = async (args: readonly string[], json = false) => {
		const result = json ? await world.json(args) : {...(await world.cli(args)), data: undefined};
		outputs.push(result.stdout, result.stderr);
		return result;
	};

	// Dump writes Git, not the Dashboard: allowed for both.
	t.is((await run(['dump', 'prod'])).code, 0);
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const file = join(world.repo, index.policies[0].file);
	const policy = JSON.parse(readFileSync(file, 'utf8'));
	writeFileSync(file, JSON.stringify({...policy, rate: Number(policy.rate) + 1}, null, 2));
	world.git(['commit', '-q', '-am', 'raise a rate']);
	const state = (name: string) => JSON.stringify(world.emulators[name]!.store.snapshot());
	const prodBefore = state('prod');
	const auditAfterDump = world.audit().length;
	const frozenBefore = state('frozen');

	// Three runs that must write nothing, at once.
	const [dry, refused, readOnly] = await Promise.all([run(['publish', 'prod', '--dry-run']), run(['publish', 'prod']), run(['publish', 'frozen', '--yes'])]);
	t.is(dry.code, 0, dry.stderr);
	t.regex(dry.stdout, /1 to update/);
	t.regex(dry.stdout, /Dry run: nothing was written/);

	t.is(refused.code, 1);
	t.regex(refused.stderr, /prod is protected: re-run with --yes/);
	t.regex(refused.stderr, /nothing was written/);
	t.is(state('prod'), prodBefore);
	t.is(world.audit().length, auditAfterDump);
	t.deepEqual(world.journal().filter((line) => line.environment === 'prod' && line.action !== 'dump'), []);

	t.is(readOnly.code, 1);
	t.regex(readOnly.stderr, /frozen is read-only/);
	t.is(state('frozen'), frozenBefore);
	t.is(world.audit().length, auditAfterDump);

	const applied = await run(['publish', 'prod', '--yes'], true);
	t.is(applied.code, 0, applied.stderr);
	t.deepEqual(applied.data.results.filter((r: any) => r.status === 'applied').map((r: any) => r.id), [policy.id]);
	t.is(world.emulators['prod']!.store.listPolicies().find((p) => p['id'] === policy.id)!['rate'], Number(policy.rate) + 1);
	t.is(world.audit().length, auditAfterDump + 1);

	// The undo is a write too: gated the same way.
	const undoRefused = await run(['undo', 'prod']);
	t.is(undoRefused.code, 1);
	t.regex(undoRefused.stderr, /protected/);
	t.is(world.emulators['prod']!.store.listPolicies().find((p) => p['id'] === policy.id)!['rate'], Number(policy.rate) + 1);

	assertNoSecrets(t, world, [...outputs, world.stateText()]);
});
