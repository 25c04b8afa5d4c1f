import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {abandonOperation, appendAudit, recordPreImage, startOperation} from '../../source/sources/journal.js';
import {makeWorld} from '../helpers/world.js';
import {engineOf} from './_engine.js';

test('operations lists every operation on an environment newest first: kind, outcome, steps, the dump commit, what an undo can restore', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const engine = await engineOf(t, world);
	t.deepEqual(await engine.operations('staging'), []);

	const dump = await engine.plan({type: 'dump', environment: 'staging'});
	const dumped = await engine.apply(dump.plan, () => {}, {dump: {message: 'Take staging into Git\n\nby hand'}});
	t.is(dumped.direction === 'dump' ? dumped.subject : undefined, 'Take staging into Git');
	const head = world.git(['rev-parse', 'HEAD']).trim();
	t.is(world.git(['log', '-1', '--format=%s']).trim(), 'Take staging into Git', 'the message given is the commit message');

	// One policy changed in Git, then published; then undone.
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const policyFile = join(world.repo, index.policies[0].file);
	const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
	writeFileSync(policyFile, JSON.stringify({...policy, rate: policy.rate + 1}, null, 2));
	world.git(['commit', '-q', '-am', 'raise a rate']);
	const published = await engine.apply((await engine.plan({type: 'publish', environment: 'staging'})).plan);
	const undone = await engine.apply((await engine.plan({type: 'undo', environment: 'staging'})).plan);

	// A run whose journal failed after one pre-image (the process lives on): interrupted. And an operation only the
	// audit log still knows.
	const cut = await startOperation(world.stateDir, {environment: 'staging', action: 'publish', source: 'git main@0000000'});
	await recordPreImage(cut, {kind: 'policy', id: policy.id, body: policy});
	await abandonOperation(cut);
	await appendAudit(world.stateDir, {
		environment: 'staging', operation: '20991231T000000000Z-lost', source: 'snapshot x', kind: 'policy', id: 'gone', action: 'update', result: 'failed', error: 'HTTP 500',
	});
	await appendAudit(world.stateDir, {environment: 'prod', operation: '20991231T000000001Z-elsewhere', source: 'git main@1', kind: 'policy', id: 'p', action: 'update', result: 'applied'});

	const entries = await engine.operations('staging');
	t.deepEqual(entries.map((entry) => [entry.kind, entry.outcome]), [
		['rollback', 'failed'], ['publish', 'interrupted'], ['undo', 'ok'], ['publish', 'ok'], ['dump', 'ok'],
	]);
	const [lost, interrupted, undo, publish, dumpEntry] = entries;
	t.true(lost!.auditOnly);
	t.regex(lost!.undoBlocked!, /journal file is gone/);
	t.deepEqual(lost!.steps, [{kind: 'policy', id: 'gone', action: 'update', status: 'failed', error: 'HTTP 500'}]);

	t.is(interrupted!.id, cut.id);
	t.deepEqual(interrupted!.steps, [{kind: 'policy', id: policy.id, name: policy.name, status: 'unknown'}]);
	t.deepEqual(interrupted!.undo, {}, 'the newest write, interrupted: a plain undo deals with it as `undo` does');

	t.is(undo!.id, undone.operation);
	t.is(undo!.undoes, published.operation);
	t.is(publish!.id, published.operation);
	t.deepEqual(publish!.undo, {operation: published.operation});
	t.deepEqual(publish!.steps.filter((step) => step.action !== 'skip').map((step) => [step.id, step.name, step.action, step.status]), [[policy.id, policy.name, 'update', 'applied']]);

	t.is(dumpEntry!.id, dumped.operation);
	t.is(dumpEntry!.commit, head);
	t.is(dumpEntry!.subject, 'Take staging into Git');
	t.is(dumpEntry!.undo, undefined);
	t.regex(dumpEntry!.undoBlocked!, new RegExp(`Git commit \\(${head.slice(0, 7)}\\): undo it with git revert`));
	t.true(dumpEntry!.steps.length > 0 && dumpEntry!.steps.every((step) => step.status === 'applied' && step.name !== undefined));
});
