import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

test.serial('progress shows failures alongside successes, the operation ID, and u plans an undo', async (t) => {
	const services = new FakeServices({failures: {'api:users-3': 'changed since planned'}});
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', ' ', ' ', 'p');
	await app.waitFor('y applies 2 writes');
	await app.press('y');
	const frame = await app.waitFor(/operation op-1\nu undoes it/);
	t.regex(frame, /\[█+\] 2\/2/);
	t.regex(frame, /✓ update\s+api\s+Payments #finance\s+applied and verified/);
	t.regex(frame, /✗ create\s+api\s+Users\s+failed: changed since planned/);
	t.regex(frame, /1 applied \(1 verified\) · 0 skipped · 1 failed/);
	t.regex(frame, /Operation op-1: 1 applied, 0 skipped, 1 failed/);
	await app.press('u');
	await app.waitFor(/Plan: undo staging[\s\S]*y applies/);
	t.true(services.calls.includes('planUndo staging op-1'));
	await app.press(keys.esc);
	await app.waitFor('Cancelled: nothing was written');
	await app.press(keys.esc);
	const back = await app.waitFor(/Items: staging$/m);
	t.notRegex(back, /Apply:/);
	t.true(services.calls.includes('refreshView staging'), 'the environment\'s view is brought up to date after an apply');
	t.is(services.calls.filter((c) => c === 'load staging').length, 1, 'no reload before the plan or after the apply');
	t.true(services.calls.includes('planPublish staging api:payments-1,api:users-3'), 'planned from the held view');
	// The patched view shows the applied item as unchanged (hidden by the drift filter); the failed one still differs.
	const patched = await app.waitFor('3 of 6 shown');
	t.notRegex(patched, /Payments #finance/);
	t.regex(patched, /Users/);
	// The applied item is unmarked; the failed one stays marked, ready for a retry.
	t.regex(back, /marks 1 /);
	t.regex(back, /^.●.*Users/m);
	t.notRegex(back, /^.●.*Payments/m);
});

test.serial('Esc during an apply does not leave the result behind', async (t) => {
	const services = new FakeServices();
	let release: () => void = () => undefined;
	const original = services.apply.bind(services);
	services.apply = async (plan, onProgress) => {
		await new Promise<void>((resolve) => (release = resolve));
		return original(plan, onProgress);
	};
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'p');
	await app.waitFor('y applies 1 write');
	await app.press('y');
	await app.waitFor('Applying…');
	await app.press(keys.esc);
	await app.waitFor('Still applying: the result will appear here');
	release();
	const frame = await app.waitFor('applied and verified');
	t.regex(frame, /Apply: publish staging/);
});

test.serial('the undo plan shows its notes: items edited on the Dashboard since the operation', async (t) => {
	const note = 'Payments (api payments) was changed on the Dashboard after op-1: undoing replaces that change too';
	const app = renderApp(new FakeServices({undoNotes: [note]}), {width: 140, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'p');
	await app.waitFor('y applies 1 write');
	await app.press('y');
	await app.waitFor('u undoes it');
	await app.press('u');
	// The breadcrumb shows at once while the plan loads; the note comes with the loaded plan.
	const plan = await app.waitFor(/Plan: undo staging[\s\S]*y applies/);
	t.true(plan.includes(note), plan);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`after a dump at ${width}×${height} the result names the commit and never offers u`, async (t) => {
		const services = new FakeServices();
		const original = services.apply.bind(services);
		services.apply = async (plan, onProgress) => ({...await original(plan, onProgress), commit: '0123456789abcdef'}) as Awaited<ReturnType<typeof original>>;
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('d');
		await app.waitFor('y applies 1 write');
		await app.press('y', keys.enter);
		const frame = await app.waitFor((f) => f.includes('git revert 0123456 undoes it') && !/u undo/.test(f));
		// The commit it made, with its subject (the message the dump asked for), heads the rows.
		t.regex(frame, /^committed 0123456 tyk-console dump from live staging: 1 item\(s\)/m);
		t.is(frame.split('\n').length, height);
		t.notRegex(frame, /u undoes it/);
		await app.press('u');
		await app.waitFor('A dump is undone in Git (revert the commit), not here');
	});
}

test.serial('an apply that wrote nothing does not offer u', async (t) => {
	const services = new FakeServices({failures: {'api:payments-1': 'connection refused'}});
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'p');
	await app.waitFor('y applies 1 write');
	await app.press('y');
	const frame = await app.waitFor((f) => f.includes('nothing was written, nothing to undo') && !/u undo/.test(f));
	t.regex(frame, /failed: connection refused/);
});
