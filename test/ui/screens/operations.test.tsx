import test from 'ava';
import type {OperationEntry} from '../../../source/engine/services.js';
import {undoLine} from '../../../source/ui/screens/operations/describe.js';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Newest first, as the engine lists them: an interrupted publish, a dump (a Git commit), a publish that partly failed. */
function log(): OperationEntry[] {
	return [
		{
			id: '20261203T170000000Z-cut1', kind: 'publish', source: 'git main@3f2a1c9', user: 'alice', startedAt: minutesAgo(3), outcome: 'interrupted', undo: {},
			steps: [
				{kind: 'api', id: 'payments-1', name: 'Payments', action: 'update', status: 'applied'},
				{kind: 'policy', id: 'gold', name: 'Gold tier', status: 'unknown'},
			],
		},
		{
			id: '20261203T160000000Z-dump', kind: 'dump', source: 'live staging', user: 'bob', startedAt: minutesAgo(65), finishedAt: minutesAgo(65), outcome: 'ok',
			commit: 'abcdef0123456789', subject: 'Take the hotfix', undoBlocked: 'a dump is a Git commit (abcdef0): undo it with git revert',
			steps: [{kind: 'api', id: 'orders-2', name: 'Orders', action: 'update', status: 'applied'}, {kind: 'template', id: 'tpl-1', action: 'skip', status: 'skipped'}],
		},
		{
			id: '20261201T100000000Z-pub2', kind: 'publish', source: 'git main@1111111', user: 'carol', startedAt: minutesAgo(60 * 50), finishedAt: minutesAgo(60 * 50), outcome: 'partly failed',
			undo: {operation: '20261201T100000000Z-pub2'},
			steps: [{kind: 'api', id: 'users-3', name: 'Users', action: 'create', status: 'failed', error: 'HTTP 500'}, {kind: 'api', id: 'orders-2', name: 'Orders', action: 'update', status: 'applied'}],
		},
	];
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`@ opens the operations log at ${width}×${height}: newest first, outcome, relative time, interrupted marked; Enter shows steps`, async (t) => {
		const services = new FakeServices({operations: {staging: log()}});
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('@');
		let frame = await app.waitFor('3 operations, newest first · 1 interrupted');
		t.is(frame.split('\n').length, height);
		t.regex(frame, /Operations: staging/);
		t.regex(frame, /^› ‼ 3 min ago\s+publish\s+2 items\s+interrupted\s+from git main@3f2a1c9/m);
		t.regex(frame, /^ {2}✓ 1 h ago\s+dump\s+1 item, 1 equal\s+ok\s+commit abcdef0 Take/m);
		t.regex(frame, /^ {2}± 2 days ago\s+publish\s+2 items\s+partly failed/m);
		t.regex(frame, /interrupted: u restores what it reached \(through the plan\)/);
		if (width >= 200) t.regex(frame, /commit abcdef0 Take the hotfix · 20261203T160000000Z-dump · bob/);
		t.regex(frame, /enter steps {2}u undo/);
		frame = await app.press(keys.enter);
		t.regex(frame, /publish 20261203T170000000Z-cut1 · 2 items · interrupted/);
		t.notRegex(frame, /enter steps/, 'Enter does nothing inside the steps, so it is not hinted');
		t.regex(frame, /✓ update\s+api\s+Payments payments-1\s+applied/);
		t.regex(frame, /\? \?\s+policy\s+Gold tier gold\s+no result: the run stopped here/);
		t.is(frame.split('\n').length, height);
		frame = await app.press(keys.esc);
		t.regex(frame, /3 operations, newest first/, 'Esc goes back to the list, not out of the log');
		await app.press(keys.esc);
		await app.waitFor(/Items: staging$/m);
	});
}

test.serial('u on an operation plans its undo through the Plan screen, or says why it cannot', async (t) => {
	const services = new FakeServices({operations: {staging: log()}});
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('@');
	await app.waitFor('3 operations');
	let frame = await app.press('j');
	t.notRegex(frame, /u undo/, 'a dump is not undone here, so u is not hinted');
	await app.press('u');
	frame = await app.waitFor('cannot undo: a dump is a Git commit (abcdef0): undo it with git revert');
	t.regex(frame, /Cannot undo: a dump is a Git/);
	t.false(services.calls.some((call) => call.startsWith('planUndo')));
	await app.press('j', 'u');
	await app.waitFor(/Plan: undo staging[\s\S]*y applies/);
	t.true(services.calls.includes('planUndo staging 20261201T100000000Z-pub2'), services.calls.join('\n'));
	await app.press(keys.esc);
	await app.waitFor('3 operations');
	// Read again on coming back (an undo applied meanwhile is then listed).
	await app.waitFor(() => services.calls.filter((call) => call === 'operations staging').length === 2);
	// The newest write, interrupted: a plain undo, which finishes an interrupted undo instead of undoing it.
	await app.press('g', 'u');
	await app.waitFor(/Plan: undo staging[\s\S]*y applies/);
	t.true(services.calls.includes('planUndo staging last'), services.calls.join('\n'));
	t.deepEqual(services.applied, []);
});

test.serial('@ needs an environment, and a read-only one refuses the undo before planning', async (t) => {
	const services = new FakeServices({operations: {archive: log().slice(2)}});
	const app = renderApp(services, {width: 80, height: 24});
	t.teardown(app.unmount);
	await app.waitFor('archive');
	await app.press('@');
	await app.waitFor('@ needs an environment: open one');
	await app.press('j', 'j', keys.enter);
	await app.waitFor('Items: archive');
	await app.press('@');
	await app.waitFor('1 operation, newest first');
	await app.press('u');
	await app.waitFor('archive is read-only: undo refused');
	t.false(services.calls.some((call) => call.startsWith('planUndo')));
});

test('what u does is said as undo does it: an interrupted undo is finished, an interrupted write restored, a named one undone', (t) => {
	const [cut, dump, partly] = log();
	t.is(undoLine({...cut!, kind: 'undo'}), 'interrupted undo: u finishes it (through the plan)');
	t.is(undoLine(cut!), 'interrupted: u restores what it reached (through the plan)');
	t.is(undoLine(partly!), 'u undoes it (through the plan)');
	t.is(undoLine(dump!), 'cannot undo: a dump is a Git commit (abcdef0): undo it with git revert');
});
