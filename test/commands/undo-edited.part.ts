import test from 'ava';
import {driftClassicApis, makeWorld} from '../helpers/world.js';

test.serial('undo names the items edited on the Dashboard after the operation, and still restores them when confirmed', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 6}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	// Two Classic APIs drift on the Dashboard, then both are published back to their Git state.
	const [edited, untouched] = await driftClassicApis(world, 'staging');
	const published = await world.json(['publish', 'staging', '--id', edited.api_definition.api_id, '--id', untouched.api_definition.api_id]);
	t.is(published.code, 0, published.stderr);

	const quiet = await world.json(['undo', 'staging', '--dry-run']);
	t.deepEqual(quiet.data.notes, [], 'nothing was edited since the publish: no note');

	// Someone edits one of them after the publish.
	const now = (await world.request('staging', 'GET', `/api/apis/${edited.api_definition.id}`)) as any;
	now.api_definition.proxy.target_url = 'http://hotfix.internal/';
	await world.request('staging', 'PUT', `/api/apis/${edited.api_definition.id}`, now);

	const plan = await world.json(['undo', 'staging', '--dry-run']);
	t.is(plan.code, 0, plan.stderr);
	t.is(plan.data.notes.length, 1, JSON.stringify(plan.data.notes));
	t.regex(plan.data.notes[0], new RegExp(`${edited.api_definition.api_id}\\) was changed on the Dashboard after ${published.data.operation}: undoing replaces that change too`));
	const human = await world.cli(['undo', 'staging', '--dry-run']);
	t.regex(human.stdout, /was changed on the Dashboard after/);
	t.notRegex(human.stdout, new RegExp(untouched.api_definition.api_id + '\\) was changed'));

	// Confirmed, the undo restores both pre-images, the later edit included (the plan said so).
	const undone = await world.json(['undo', 'staging', '--yes']);
	t.is(undone.code, 0, undone.stderr);
	const after = (await world.request('staging', 'GET', `/api/apis/${edited.api_definition.id}`)) as any;
	t.is(after.api_definition.proxy.target_url, 'http://drifted.internal/');
});
