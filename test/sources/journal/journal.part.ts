import test from 'ava';
import {appendFileSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {
	finishOperation, getOperation, getSnapshot, lastOperation, listOperations, readAudit, recordPreImage, recordResult,
	snapshotsFor, startOperation,
} from '../../../source/sources/journal.js';
import {tempStateDir} from './fixture.js';

const api = {api_definition: {api_id: 'pay', name: 'Payments', proxy: {target_url: 'http://old'}}};

test('an operation gets a sortable ID and a private file', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@3f2a1c9'});
	t.regex(op.id, /^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
	t.is(op.file, path.join(stateDir, 'journal', `${op.id}.staging.jsonl`));
	t.is(statSync(op.file).mode & 0o777, 0o600);
	t.is(statSync(path.join(stateDir, 'journal')).mode & 0o777, 0o700);
	t.is(statSync(stateDir).mode & 0o777, 0o700);
	await finishOperation(op);
});

test('a pre-image is on disk as soon as recordPreImage resolves, before any result', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@3f2a1c9'});
	await recordPreImage(op, {kind: 'api', flavor: 'classic', id: 'pay', body: api});
	// A separate reader (as after a crash) already sees it; the operation shows as unfinished.
	const seen = await getOperation(stateDir, op.id);
	t.deepEqual(seen?.preImages.map((p) => [p.kind, p.flavor, p.id, p.body]), [['api', 'classic', 'pay', api]]);
	t.deepEqual(seen?.results, []);
	t.is(seen?.finishedAt, undefined);
	await recordResult(op, {kind: 'api', id: 'pay', action: 'update', status: 'applied'});
	await finishOperation(op);
	const lines = readFileSync(op.file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as {type: string}).type);
	t.deepEqual(lines, ['start', 'pre-image', 'result', 'finish']);
	const done = await getOperation(stateDir, op.id);
	t.truthy(done?.finishedAt);
	t.deepEqual(done?.results.map((r) => [r.id, r.action, r.status]), [['pay', 'update', 'applied']]);
});

test('an applied write without a pre-image is refused; failures, skips and dumps need none', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'prod', action: 'publish', source: 'git main@1'});
	const error = await t.throwsAsync(recordResult(op, {kind: 'policy', id: 'gold', action: 'create', status: 'applied'}));
	t.is(error?.message, `journal: policy gold reported applied in operation ${op.id} without a recorded pre-image`);
	await recordResult(op, {kind: 'policy', id: 'gold', action: 'create', status: 'failed', error: 'HTTP 500'});
	await recordResult(op, {kind: 'policy', id: 'silver', action: 'skip', status: 'skipped'});
	await finishOperation(op);
	const dump = await startOperation(stateDir, {environment: 'prod', action: 'dump', source: 'live prod'});
	await recordResult(dump, {kind: 'api', id: 'pay', action: 'update', status: 'applied'});
	await finishOperation(dump);
	t.deepEqual((await getOperation(stateDir, op.id))?.results.map((r) => [r.id, r.status, r.error]), [
		['gold', 'failed', 'HTTP 500'], ['silver', 'skipped', undefined],
	]);
});

test('the first pre-image of an item wins; a finished operation takes no more records', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@1'});
	await recordPreImage(op, {kind: 'api', id: 'pay', body: api});
	await recordPreImage(op, {kind: 'api', id: 'pay', body: {changed: true}});
	await finishOperation(op);
	await finishOperation(op);
	t.deepEqual((await getOperation(stateDir, op.id))?.preImages.map((p) => p.body), [api]);
	const error = await t.throwsAsync(recordPreImage(op, {kind: 'api', id: 'other', body: null}));
	t.is(error?.message, `journal: operation ${op.id} is already finished`);
});

test('a torn last line (crash mid-write) is ignored, the rest of the operation is intact', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@1'});
	await recordPreImage(op, {kind: 'api', id: 'pay', body: api});
	await recordPreImage(op, {kind: 'policy', id: 'gold', body: null});
	appendFileSync(op.file, '{"type":"pre-image","time":"2026-11-22T16:30:00.000Z","kind":"api","id":"half","body":{"api_defin');
	const read = await getOperation(stateDir, op.id);
	t.deepEqual(read?.preImages.map((p) => p.id), ['pay', 'gold']);
	t.is(read?.skippedLines, 1);
	t.is(read?.finishedAt, undefined);
	t.is((await listOperations(stateDir, 'staging')).length, 1);
	t.deepEqual((await snapshotsFor(stateDir, 'staging', 'policy', 'gold')).map((s) => s.body), [null]);
});

test('operations list newest first, per environment; lastOperation picks the newest on that environment', async (t) => {
	const stateDir = tempStateDir(t);
	t.deepEqual(await listOperations(stateDir), []);
	t.is(await lastOperation(stateDir, 'staging'), undefined);
	const ids: string[] = [];
	for (const environment of ['staging', 'prod', 'staging', 'prod.eu']) {
		const op = await startOperation(stateDir, {environment, action: 'publish', source: 'git main@1'});
		await finishOperation(op);
		ids.push(op.id);
	}
	t.deepEqual((await listOperations(stateDir)).map((o) => o.id), [...ids].reverse());
	t.deepEqual((await listOperations(stateDir, 'staging')).map((o) => o.id), [ids[2], ids[0]]);
	t.is((await lastOperation(stateDir, 'prod'))?.id, ids[1]);
	t.is((await lastOperation(stateDir, 'prod.eu'))?.environment, 'prod.eu');
});

test('snapshots of one item, newest first, and one snapshot by its ID', async (t) => {
	const stateDir = tempStateDir(t);
	const first = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@1'});
	await recordPreImage(first, {kind: 'api', flavor: 'classic', id: 'pay', body: null});
	await finishOperation(first);
	const second = await startOperation(stateDir, {environment: 'staging', action: 'rollback', source: 'git main@0'});
	await recordPreImage(second, {kind: 'api', flavor: 'classic', id: 'pay', body: api});
	await recordPreImage(second, {kind: 'api', id: 'other', body: {}});
	await finishOperation(second);
	const elsewhere = await startOperation(stateDir, {environment: 'prod', action: 'publish', source: 'git main@1'});
	await recordPreImage(elsewhere, {kind: 'api', id: 'pay', body: {}});
	await finishOperation(elsewhere);

	const snapshots = await snapshotsFor(stateDir, 'staging', 'api', 'pay');
	t.deepEqual(snapshots.map((s) => [s.id, s.operation, s.action, s.body]), [
		[`${second.id}:api:pay`, second.id, 'rollback', api],
		[`${first.id}:api:pay`, first.id, 'publish', null],
	]);
	t.truthy(snapshots[0]!.time);
	t.deepEqual(await getSnapshot(stateDir, `${second.id}:api:pay`), snapshots[0]);
	t.is(await getSnapshot(stateDir, `${second.id}:policy:pay`), undefined);
	t.is(await getSnapshot(stateDir, 'not-a-snapshot'), undefined);
});

test('unknown or hostile IDs and unsafe environment names are refused cleanly', async (t) => {
	const stateDir = tempStateDir(t);
	t.is(await getOperation(stateDir, '../../etc/passwd'), undefined);
	t.is(await getOperation(stateDir, '20261122T163000Z-abcdef'), undefined);
	t.is(await getSnapshot(stateDir, '../x:api:pay'), undefined);
	const error = await t.throwsAsync(startOperation(stateDir, {environment: '../evil', action: 'publish', source: 'x'}));
	t.is(error?.message, 'journal: environment name "../evil" is not safe as a file name');
	const long = await t.throwsAsync(startOperation(stateDir, {environment: 'x'.repeat(64), action: 'publish', source: 'x'}));
	t.regex(long!.message, /is not safe as a file name/, 'the same 63-character limit as the config');
});
