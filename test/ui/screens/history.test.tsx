import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

test.serial('history lists Git revisions and snapshots; Enter diffs against live; r rolls back through the plan', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'b');
	let frame = await app.waitFor(/2 Git revisions · 1 snapshot(?!s)/);
	t.regex(frame, /git aaaaaaa\s+2026-11-20\s+alice\s+Raise payments timeout/);
	t.regex(frame, /git bbbbbbb\s+2026-11-01\s+bob\s+Add payments API/);
	t.regex(frame, /snapshot 20261121T101500Z-op-7\s+2026-11-21T10:15:00Z\s+op op-7\s+before update/);
	await app.press('j', keys.enter);
	frame = await app.waitFor('Diff: Payments');
	t.regex(frame, /◀ git bbbbbbb\s+│▶ live staging/);
	t.regex(frame, /payments-old\.internal.*│.*payments-v2\.internal/);
	await app.press(keys.esc);
	await app.waitFor('2 Git revisions');
	await app.press('r');
	frame = await app.waitFor(/Plan: rollback staging[\s\S]*y applies/);
	t.regex(frame, /0 create · 1 update · 0 delete · 0 skip/);
	t.regex(frame, /rollback older version → live staging/);
	t.true(services.calls.includes('planRollback staging api:payments-1 bbbbbbb2222222'), services.calls.join('\n'));
	t.deepEqual(services.applied, []);
});

test.serial('history at 80×24 and a read-only environment refuses rollback', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'archive'});
	t.teardown(app.unmount);
	await app.waitFor('of 1 shown');
	await app.press('f', 'b');
	const frame = await app.waitFor('2 Git revisions');
	t.is(frame.split('\n').length, 24);
	await app.press('r');
	await app.waitFor('archive is read-only: rollback refused');
	t.false(services.calls.some((c) => c.startsWith('planRollback')));
});
