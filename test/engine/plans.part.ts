import test from 'ava';
import type {Engine} from '../../source/engine/engine.js';
import type {Selection} from '../../source/core/selection.js';
import {makeWorld, type World} from '../helpers/world.js';
import {dumpAll, engineOf} from './_engine.js';

async function syncedEngine(t: Parameters<typeof makeWorld>[0], world: World): Promise<Engine> {
	const engine = await engineOf(t, world);
	await dumpAll(engine, 'staging');
	return engine;
}

/** A Classic API created on the Dashboard only (so Git lacks it), in one category. */
async function liveOnlyApi(world: World, apiId: string, category: string): Promise<void> {
	await world.request('staging', 'POST', '/api/apis', {
		api_definition: {
			name: `Live only ${apiId.slice(0, 4)} #${category}`, api_id: apiId, use_keyless: true, active: true,
			proxy: {listen_path: `/live-only-${apiId.slice(0, 6)}/`, target_url: 'http://live-only.internal/', strip_listen_path: true},
			version_data: {not_versioned: true, versions: {Default: {name: 'Default'}}},
		},
	});
}

test('--prune with a category or kind selection deletes only the live-only items inside that selection', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 6}}]);
	const engine = await syncedEngine(t, world);
	await liveOnlyApi(world, 'aaaa1111bbbb2222cccc3333dddd4444', 'zeta');
	await liveOnlyApi(world, 'eeee5555ffff6666aaaa7777bbbb8888', 'omega');
	const deletes = async (selection: Selection) =>
		(await engine.plan({type: 'publish', environment: 'staging', selection, prune: true})).plan.steps.filter((s) => s.action === 'delete').map((s) => s.id);

	t.deepEqual(await deletes({category: 'zeta'}), ['aaaa1111bbbb2222cccc3333dddd4444']);
	t.deepEqual(await deletes({category: 'omega'}), ['eeee5555ffff6666aaaa7777bbbb8888']);
	t.deepEqual(await deletes({kind: 'policy'}), []);
	t.deepEqual((await deletes({kind: 'api'})).sort(), ['aaaa1111bbbb2222cccc3333dddd4444', 'eeee5555ffff6666aaaa7777bbbb8888']);
	t.deepEqual(await deletes({ids: ['aaaa1111bbbb2222cccc3333dddd4444']}), ['aaaa1111bbbb2222cccc3333dddd4444']);
	const without = await engine.plan({type: 'publish', environment: 'staging', selection: {category: 'zeta'}});
	t.deepEqual(without.plan.steps.map((s) => s.action), [], 'without --prune a live-only item is left alone');
});

test('a selection by unknown ID fails with the ID and both sides named, instead of an empty plan', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const engine = await syncedEngine(t, world);
	const error = await t.throwsAsync(engine.plan({type: 'publish', environment: 'staging', selection: {ids: ['nope', 'also-nope']}}));
	t.regex(error!.message, /no item with ID "nope", "also-nope" in git main@[0-9a-f]{7} or live staging/);
	const dumpError = await t.throwsAsync(engine.plan({type: 'dump', environment: 'staging', selection: {ids: ['nope']}}));
	t.regex(dumpError!.message, /"nope"/);
});
