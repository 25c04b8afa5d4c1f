import {readNotesBase} from '../../source/sources/git/notes.js';
import test from 'ava';
import type {Engine} from '../../source/engine/engine.js';
import type {EnvironmentView} from '../../source/engine/services.js';
import {makeWorld, type World} from '../helpers/world.js';
import {dumpAll, engineOf} from './_engine.js';

// Selective work costs what it touches: the list requests plus a few requests per selected item, never one request
// per Tyk OAS API of the environment; plans from a held view read nothing; views are patched after an apply.

/** An engine whose every Dashboard request is logged into `log` (as `--verbose` prints them). */
async function loggedEngine(t: Parameters<typeof engineOf>[0], world: World): Promise<{engine: Engine; log: string[]}> {
	const log: string[] = [];
	return {engine: await engineOf(t, world, {log: (line) => log.push(line)}), log};
}

const oasDocGets = (log: readonly string[]) => log.filter((line) => /GET \/api\/apis\/oas\/[^/?\s]+ /.test(line));
const listGets = (log: readonly string[]) => log.filter((line) => /GET \/api\/(apis|portal\/policies|assets)(\/oas)?\?p=-1 |GET \/api\/assets /.test(line));

/** Changes an OAS API's upstream on the Dashboard only, so Git and live differ for exactly that item. */
async function editOasLive(world: World, environment: string, id: string, url = 'http://edited-live.internal/'): Promise<void> {
	const doc = await world.request(environment, 'GET', `/api/apis/oas/${id}`);
	doc['x-tyk-api-gateway'].upstream.url = url;
	await world.request(environment, 'PUT', `/api/apis/oas/${id}`, doc);
}

function oasIds(view: EnvironmentView): string[] {
	return view.comparisons.filter((row) => row.flavor === 'oas').map((row) => row.id!);
}

/**
 * Staging dumped to Git, then its first OAS API edited live (so exactly that item differs); with `prod`, a second
 * environment on the same branch. Returns the world, the edited API's ID and the other OAS IDs.
 */
async function editedWorld(t: Parameters<typeof engineOf>[0], withProd = false): Promise<{world: World; target: string; others: string[]}> {
	const environments = [{name: 'staging', emulator: {seed: 8}}, ...(withProd ? [{name: 'prod', emulator: {seed: 8}}] : [])];
	const world = await makeWorld(t, environments);
	const setup = await engineOf(t, world);
	await dumpAll(setup, 'staging');
	const [target, ...others] = oasIds(await setup.load('staging'));
	await editOasLive(world, 'staging', target!);
	return {world, target: target!, others};
}

test('a whole load reads every Tyk OAS document through the OAS list, not one request each', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 20}}]);
	const {engine, log} = await loggedEngine(t, world);
	const view = await engine.load('staging');
	t.true(oasIds(view).length >= 10, 'the seed has OAS APIs');
	t.deepEqual(oasDocGets(log), []);
	t.is(log.filter((line) => line.includes('GET /api/apis/oas?p=-1 200')).length, 1);
	t.is(view.counts.api, 20);
});

test('publish of one OAS item makes the list requests plus a handful of item requests, and nothing for other OAS APIs', async (t) => {
	const {world, target, others} = await editedWorld(t);

	const {engine, log} = await loggedEngine(t, world);
	const {plan} = await engine.plan({type: 'publish', environment: 'staging', selection: {ids: [target!]}});
	t.deepEqual(plan.steps.map((step) => `${step.action} ${step.id}`), [`update ${target}`]);
	const planning = [...log];
	t.is(listGets(planning).length, 3, `lists only: ${planning.join('\n')}`);
	t.deepEqual(oasDocGets(planning).map((line) => line.split(' ')[2]), [`/api/apis/oas/${target}`]);
	t.false(planning.some((line) => line.includes('/api/apis/oas?p=-1')), 'one selected item never reads the OAS list');

	const result = await engine.apply(plan);
	t.deepEqual(result.results.map((step) => step.status), ['applied']);
	// Re-read before (document + wrapper, which carries the categories), two writes (document, categories), read back.
	t.is(log.length, planning.length + 6, `apply of one item: ${log.slice(planning.length).join('\n')}`);
	for (const other of others) t.false(log.some((line) => line.includes(`/api/apis/oas/${other}`)), `no request for ${other}`);
	t.deepEqual(result.uncertain, []);
	t.is(result.target[0]?.key, `api:${target}`);
});

test('rollback and undo of one item read the lists and that item, not the environment', async (t) => {
	const {world, target} = await editedWorld(t);
	// The live edit left Git where the dump put it: that commit holds the version to roll back to.
	const before = world.git(['rev-parse', 'HEAD']).trim();

	const {engine, log} = await loggedEngine(t, world);
	const rollback = await engine.plan({type: 'rollback', environment: 'staging', kind: 'api', id: target!, version: {type: 'git', commit: before}});
	t.deepEqual(rollback.plan.steps.map((step) => step.action), ['update']);
	const applied = await engine.apply(rollback.plan);
	t.deepEqual(applied.results.map((step) => step.status), ['applied']);
	t.is(rollback.plan.base?.commit, before, 'a rollback to a Git version is made from that commit');
	const note = await readNotesBase(world.repo, 'staging');
	t.is(note.get(`api:${target}`)?.commit, before, 'its base is recorded as a note on that commit');
	log.length = 0;
	const undo = await engine.plan({type: 'undo', environment: 'staging'});
	t.deepEqual(undo.plan.steps.map((step) => `${step.action} ${step.id}`), [`update ${target}`]);
	t.is(listGets(log).length, 3);
	t.true(oasDocGets(log).every((line) => line.includes(`/api/apis/oas/${target}`)), log.join('\n'));
});

test('a plan from a held view reads nothing; refreshView patches exactly the written rows without reloading', async (t) => {
	const {world, target} = await editedWorld(t, true);

	const {engine, log} = await loggedEngine(t, world);
	const view = await engine.load('staging');
	const prod = await engine.load('prod');
	const row = view.comparisons.find((candidate) => candidate.id === target)!;
	t.is(row.status, 'changed');
	log.length = 0;
	const {plan} = await engine.plan({type: 'publish', environment: 'staging', selection: {keys: [row.key]}, view});
	t.deepEqual(log, [], 'planning from the held view made no request');
	t.deepEqual(plan.steps.map((step) => step.action), ['update']);
	t.is(plan.base?.commit, view.fullCommit);
	t.regex(plan.steps[0]!.baseHash!, /^sha256:[0-9a-f]{64}$/, 'each step carries the hash of its target as planned');

	const result = await engine.apply(plan);
	log.length = 0;
	const patched = await engine.refreshView(view, result);
	t.deepEqual(log, [], 'the apply already read the item back');
	t.is(patched.comparisons.find((candidate) => candidate.id === target)!.status, 'unchanged');
	t.is(patched.drift.changed, view.drift.changed - 1);
	t.is(patched.drift.unchanged, view.drift.unchanged + 1);
	t.deepEqual(patched.counts, view.counts);
	t.is(patched.comparisons.length, view.comparisons.length);
	t.is(await engine.refreshView(prod, result), prod, 'a view the apply did not touch is returned as it is');
	// An item whose write may or may not have landed is read again, alone, before its row is patched.
	log.length = 0;
	const unsure = await engine.refreshView(view, {...result, target: [], uncertain: [row.key]});
	t.true(log.length > 0 && log.every((line) => line.includes(`/${target}`)), log.join('\n'));
	t.is(unsure.comparisons.find((candidate) => candidate.id === target)!.status, 'unchanged');
	// The patched view is what a fresh load says.
	const fresh = await engine.load('staging');
	t.deepEqual(patched.drift, fresh.drift);
	t.deepEqual(patched.comparisons.map((c) => `${c.key} ${c.status}`), fresh.comparisons.map((c) => `${c.key} ${c.status}`));
});

test('a dump patches every view on the same branch, and a branch moved meanwhile is read again from Git only', async (t) => {
	const {world, target} = await editedWorld(t, true);

	const {engine, log} = await loggedEngine(t, world);
	const staging = await engine.load('staging');
	const prod = await engine.load('prod');
	t.is(prod.comparisons.find((row) => row.id === target)!.status, 'unchanged');
	const row = staging.comparisons.find((candidate) => candidate.id === target)!;
	const {plan} = await engine.plan({type: 'dump', environment: 'staging', selection: {keys: [row.key]}, view: staging});
	t.deepEqual(plan.steps.map((step) => step.action), ['update']);
	t.deepEqual(plan.base, {commit: staging.fullCommit!});
	const result = await engine.apply(plan);
	t.is(result.direction, 'dump');
	log.length = 0;
	const [stagingAfter, prodAfter] = await Promise.all([engine.refreshView(staging, result), engine.refreshView(prod, result)]);
	t.deepEqual(log, [], 'no Dashboard request');
	const commit = result.direction === 'dump' ? result.commit! : '';
	t.is(stagingAfter.fullCommit, commit);
	t.is(prodAfter.fullCommit, commit, 'prod reads the same branch, so its Git side moved too');
	t.regex(prodAfter.left.label, new RegExp(`@${commit.slice(0, 7)}$`));
	t.is(stagingAfter.comparisons.find((candidate) => candidate.id === target)!.status, 'unchanged');
	t.is(prodAfter.comparisons.find((candidate) => candidate.id === target)!.status, 'changed', 'prod live still has the old upstream');

	// A view at another commit than the dump's base (the branch moved under it) is read again from Git, not patched.
	await editOasLive(world, 'staging', target!, 'http://edited-again.internal/');
	const again = await engine.load('staging');
	const {plan: next} = await engine.plan({type: 'dump', environment: 'staging', view: again});
	const stale = {...again, fullCommit: 'f'.repeat(40)};
	const moved = await engine.apply(next);
	const reread = await engine.refreshView(stale, moved);
	t.is(reread.fullCommit, moved.direction === 'dump' ? moved.commit : undefined);
	t.deepEqual(reread.drift, (await engine.load('staging')).drift);
});

test('an aborted load stops sending requests and rejects', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 20}}]);
	const {engine, log} = await loggedEngine(t, world);
	const controller = new AbortController();
	controller.abort(new Error('screen closed'));
	await t.throwsAsync(engine.load('staging', {signal: controller.signal}), {message: 'screen closed'});
	t.deepEqual(log, [], 'an aborted signal sends nothing');
	const running = new AbortController();
	const pending = engine.load('staging', {signal: running.signal});
	running.abort(new Error('left the screen'));
	await t.throwsAsync(pending, {message: 'left the screen'});
});
