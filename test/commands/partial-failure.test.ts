import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, type World} from '../helpers/world.js';

const newUrl = (id: string) => `http://moved-${id.slice(0, 6)}.internal:7000/`;

/** Changes every API's upstream and every policy's rate in the work tree, as a reviewer's commit would. */
function changeEverythingInGit(world: World): string[] {
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const changed: string[] = [];
	for (const entry of [...index.files, ...index.policies]) {
		const file = join(world.repo, entry.file);
		const body = JSON.parse(readFileSync(file, 'utf8'));
		if (body.oas) {
			body.oas['x-tyk-api-gateway'].upstream.url = newUrl(body.oas['x-tyk-api-gateway'].info.id);
			changed.push(`api:${body.oas['x-tyk-api-gateway'].info.id}`);
		} else if (body.api_definition) {
			body.api_definition.proxy.target_url = newUrl(body.api_definition.api_id);
			changed.push(`api:${body.api_definition.api_id}`);
		} else {
			body.rate = Number(body.rate) + 5;
			changed.push(`policy:${body.id}`);
		}
		writeFileSync(file, JSON.stringify(body, null, 2));
	}
	world.git(['commit', '-q', '-am', 'move every upstream, raise every rate']);
	return changed.sort();
}

test('a publish with 30% of writes failing exits 3, reports each failure, journals every pre-image; re-run and undo lose nothing', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 8}}]);
	const emulator = world.emulators['staging']!;
	const outputs: string[] = [];
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const original = world.git(['rev-parse', 'main']).trim();
	const changed = changeEverythingInGit(world);
	const liveBefore = JSON.stringify(emulator.store.snapshot());

	emulator.store.setFaults({failRate: 0.3, failOn: 'writes'});
	const partial = await world.json(['publish', 'staging']);
	outputs.push(partial.stdout, partial.stderr);
	t.is(partial.code, 3, partial.stdout + partial.stderr);
	const writes = partial.data.results.filter((r: any) => r.action !== 'skip');
	t.deepEqual(writes.map((r: any) => `${r.kind}:${r.id}`).sort(), changed);
	const failed = writes.filter((r: any) => r.status === 'failed');
	const applied = writes.filter((r: any) => r.status === 'applied');
	t.true(failed.length > 0 && applied.length > 0, `failed ${failed.length}, applied ${applied.length}`);
	t.is(failed.length + applied.length, writes.length, 'every write is reported as applied or failed');
	for (const r of failed) t.true(typeof r.error === 'string' && r.error.length > 0, `failure of ${r.id} has a reason`);
	for (const r of applied) t.true(r.verified);

	// The journal holds the live pre-image of every applied item, taken before the write (the old values).
	const journal = world.journal(partial.data.operation);
	t.like(journal[0], {type: 'start', operation: partial.data.operation, environment: 'staging', action: 'publish'});
	t.like(journal.at(-1), {type: 'finish'});
	const preImages = new Map(journal.filter((line) => line.type === 'pre-image').map((line) => [`${line.kind}:${line.id}`, line.body]));
	const snapshotBefore = JSON.parse(liveBefore);
	for (const r of applied) {
		const body = preImages.get(`${r.kind}:${r.id}`);
		t.truthy(body, `pre-image of ${r.kind} ${r.id}`);
		if (r.kind === 'policy') {
			t.is(body.rate, snapshotBefore.policies.find((p: any) => p.id === r.id).rate);
		} else {
			const url = body.oas ? body.oas['x-tyk-api-gateway'].upstream.url : body.api_definition.proxy.target_url;
			t.not(url, newUrl(r.id));
		}
	}

	// A re-run (the Dashboard healthy again) writes only what failed; then nothing is left to do.
	emulator.store.setFaults({failRate: 0});
	const rerun = await world.json(['publish', 'staging']);
	outputs.push(rerun.stdout, rerun.stderr);
	t.is(rerun.code, 0, rerun.stdout + rerun.stderr);
	// An OAS update is two writes (document, then categories): when only the second failed, the document is already
	// live and the re-run has nothing left to do for it. Every item whose first write failed is written now.
	const key = (r: any) => `${r.kind}:${r.id}`;
	const rewritten = rerun.data.results.filter((r: any) => r.status === 'applied').map(key).sort();
	const failedKeys = failed.map(key);
	t.true(rewritten.every((k: string) => failedKeys.includes(k)), 'the re-run writes only what failed');
	for (const r of failed.filter((f: any) => !f.error.includes('/categories'))) t.true(rewritten.includes(key(r)), `${key(r)} re-written`);
	const clean = await world.cli(['diff', 'staging']);
	outputs.push(clean.stdout, clean.stderr);
	t.is(clean.code, 0, clean.stdout);

	// Undo the re-run, then the partial run: live is back at the original dump.
	const undoRerun = await world.json(['undo', 'staging']);
	outputs.push(undoRerun.stdout, undoRerun.stderr);
	t.is(undoRerun.code, 0, undoRerun.stdout + undoRerun.stderr);
	const undoPartial = await world.json(['undo', 'staging', '--operation', partial.data.operation]);
	outputs.push(undoPartial.stdout, undoPartial.stderr);
	t.is(undoPartial.code, 0, undoPartial.stdout + undoPartial.stderr);
	const restored = undoPartial.data.results.filter((r: any) => r.status === 'applied').map(key);
	for (const r of applied) t.true(restored.includes(key(r)), `${key(r)} restored`);
	t.true(restored.every((k: string) => writes.some((r: any) => key(r) === k)));
	const back = await world.json(['diff', 'staging', '--ref', original]);
	outputs.push(back.stdout, back.stderr);
	t.is(back.code, 0, back.stdout);

	assertNoSecrets(t, world, [...outputs, world.stateText()]);
});

test('creates into an empty Dashboard with 30% of writes failing: exit 3, then a re-run converges without duplicates', async (t) => {
	const world = await makeWorld(t, [
		{name: 'staging', emulator: {seed: 6}},
		{name: 'prod', emulator: {seed: 0}},
	]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const prod = world.emulators['prod']!;
	prod.store.setFaults({failRate: 0.3, failOn: 'writes'});
	const partial = await world.json(['publish', 'prod']);
	t.is(partial.code, 3, partial.stdout + partial.stderr);
	const failed = partial.data.results.filter((r: any) => r.status === 'failed');
	t.true(failed.length > 0);
	t.true(partial.data.results.every((r: any) => r.action === 'create'));
	const preImages = world.journal(partial.data.operation).filter((line) => line.type === 'pre-image');
	for (const r of partial.data.results.filter((x: any) => x.status === 'applied')) {
		t.true(preImages.some((line) => line.id === r.id && line.body === null), `pre-image "absent" of ${r.id}`);
	}

	prod.store.setFaults({failRate: 0});
	const rerun = await world.json(['publish', 'prod']);
	t.is(rerun.code, 0, rerun.stdout + rerun.stderr);
	const diff = await world.json(['diff', 'prod']);
	t.is(diff.code, 0, diff.stdout);
	const staging = world.emulators['staging']!.store;
	t.is(prod.store.listApis().length, staging.listApis().length);
	t.is(prod.store.listPolicies().length, staging.listPolicies().length);
	t.is(prod.store.listTemplates().length, staging.listTemplates().length);
	assertNoSecrets(t, world, [partial.stdout, partial.stderr, rerun.stdout, rerun.stderr, diff.stdout, diff.stderr, world.stateText()]);
});
