import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, type World} from '../helpers/world.js';
import {changedKeys, liveState, patchEnvironment, pollUntil, startDetachedCli, startProxy, worldWithRaisedRates} from './helpers.js';

/** Journal lines of every operation, tolerating a line cut by the kill. */
function journalLines(world: World): any[] {
	const dir = join(world.stateDir, 'journal');
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n')).filter((line) => line.trim() !== '').flatMap((line) => {
		try {
			return [JSON.parse(line)];
		} catch {
			return [];
		}
	});
}

test('interrupted undo: an undo killed mid-way is named by envs and by undo, and a plain undo finishes it (restores the publish\'s remaining pre-images) instead of undoing the undo', async (t) => {
	const world = await worldWithRaisedRates(t, {seed: 2, seedPolicies: 4, seedTemplates: 0}, 1);
	const emulator = world.emulators['staging']!;
	const key = String(world.env['TYK_E2E_KEY_STAGING']);
	const before = await liveState(emulator.url, key);
	const published = await world.json(['publish', 'staging', '--yes']);
	t.is(published.code, 0, published.stderr);
	const publish = published.data.operation;
	t.is(changedKeys(before, await liveState(emulator.url, key)).length, 4);

	// The undo's first write lands; the next ones are held until the kill.
	let writes = 0;
	const proxy = await startProxy(t, emulator.url, (request) => (request.method === 'GET' || ++writes === 1 ? 'pass' : new Promise<never>(() => {})));
	patchEnvironment(world, 'staging', {dashboard: proxy.url});
	const run = startDetachedCli(world, ['undo', 'staging', '--yes']);
	t.true(await pollUntil(() => writes > 1, {stop: () => run.child.exitCode !== null, limitMs: 30_000}), run.output());
	const closed = new Promise((resolve) => run.child.on('close', resolve));
	process.kill(-run.child.pid!, 'SIGKILL');
	await closed;
	patchEnvironment(world, 'staging', {dashboard: emulator.url});
	const undo = journalLines(world).find((line) => line.type === 'start' && line.action === 'undo');
	t.is(undo.undoes, publish, 'the start record names the operation the undo restores');
	t.is(changedKeys(before, await liveState(emulator.url, key)).length, 3, 'one policy was restored before the kill');

	// envs names the interrupted undo, in text and JSON.
	const [envs, text, plan, byId] = await Promise.all([
		world.json(['envs']), world.cli(['envs']), world.json(['undo', 'staging', '--dry-run']), world.json(['undo', 'staging', '--dry-run', '--operation', undo.operation]),
	]);
	t.is(envs.code, 0, envs.stderr);
	t.like(envs.data.environments[0].interrupted, {operation: undo.operation, action: 'undo', undoes: publish});
	t.regex(text.stdout, new RegExp(`interrupted: operation ${undo.operation} \\(undo of ${publish}, .*has no finish record; run \`tyk-console undo staging\` to finish it`));

	// A plain undo finishes the undo: the three policies still as published go back; the restored one is left alone.
	t.is(plan.code, 0, plan.stderr);
	t.is(plan.data.source, `before ${publish}`);
	t.is(plan.data.steps.filter((step: any) => step.action === 'update').length, 3, JSON.stringify(plan.data.steps));
	t.regex(plan.data.notes[0], new RegExp(`operation ${undo.operation} \\(an undo of ${publish}\\) was interrupted: this plan finishes it`));
	// Asked for by ID, the undo itself is undone (its one restored policy goes back to the published state), with a warning.
	t.is(byId.data.steps.filter((step: any) => step.action === 'update').length, 1);
	t.regex(byId.data.notes[0], new RegExp(`operation ${undo.operation} is an interrupted undo of ${publish}: undoing it puts back what it had already restored`));
	const finish = await world.cli(['undo', 'staging', '--yes']);
	t.is(finish.code, 0, finish.stdout + finish.stderr);
	t.regex(finish.stdout, new RegExp(`Finishing the interrupted undo ${undo.operation}: undoing operation ${publish} again`));
	t.deepEqual(changedKeys(before, await liveState(emulator.url, key)), [], 'live is as before the publish');

	const after = await world.json(['envs']);
	t.is(after.data.environments[0].interrupted, null, 'nothing is interrupted any more');
	assertNoSecrets(t, world, [run.output(), envs.stdout, text.stdout, plan.stdout, finish.stdout, finish.stderr, world.stateText()]);
});
