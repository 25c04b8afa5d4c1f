import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';
import {bigApiPair} from '../helpers/big-diff.js';

/** The diff body: the lines between the two header lines and the footer + status bar. */
const body = (frame: string) => frame.split('\n').slice(3, -3).join('\n');

async function openPaymentsDiff(width: number, height: number) {
	const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	await app.waitFor('Diff: Payments');
	return app;
}

test.serial('side by side at 200×60: labels, line numbers, changed line marked on both sides', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.regex(frame, /◀ git main@3f2a1c9\s+│▶ live staging/);
	const changed = frame.split('\n').find((l) => l.includes('target_url'))!;
	t.regex(changed, /^\s*\d+ - .*"target_url": "http:\/\/payments\.internal:8080".*│\s*\d+ \+ .*"target_url": "http:\/\/payments-v2\.internal:8080"/);
	t.regex(frame, /3 server-managed fields hidden \(i shows\)/);
	t.regex(frame, /change 1\/1/);
	t.is(frame.split('\n').length, 60);
});

test.serial('z toggles folding of unchanged runs', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	t.regex(app.frame(), /… 5 unchanged lines …/);
	await app.press('z');
	const unfolded = await app.waitFor('fold off');
	t.notRegex(unfolded, /… \d+ unchanged lines …/);
	t.regex(unfolded, /^\s*1 .*│\s*1 /m);
	await app.press('z');
	t.regex(await app.waitFor('fold on'), /… 5 unchanged lines …/);
});

test.serial('under 100 columns the diff is stacked (unified) at 80×24', async (t) => {
	const app = await openPaymentsDiff(80, 24);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.regex(frame, /stacked: window under 100 columns/);
	t.notRegex(body(frame), /│/);
	const lines = frame.split('\n');
	const removed = lines.findIndex((l) => /^\s*9 - .*payments\.internal/.test(l));
	t.true(removed > 0, frame);
	t.regex(lines[removed + 1]!, /^\s*9 \+ .*payments-v2\.internal/);
	t.is(lines.length, 24);
});

test.serial('an item on one side only is shown in one column', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 40, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'j', keys.enter);
	const frame = await app.waitFor('Diff: Users');
	t.regex(frame, /only in git main@3f2a1c9 \(not in live staging\)/);
	t.notRegex(body(frame), /│/);
	t.regex(frame, /^\s*1  \{/m);
	t.notRegex(body(frame), /^\s*\d+ [-+]/m);
});

test.serial('s swaps the sides, i shows the hidden server-managed fields', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	await app.press('s');
	let frame = await app.waitFor('swapped');
	t.regex(frame, /◀ live staging\s+│▶ git main@3f2a1c9/);
	t.regex(frame.split('\n').find((l) => l.includes('target_url'))!, /payments-v2\.internal.*│.*payments\.internal/);
	t.notRegex(frame, /"org_id"/);
	await app.press('i');
	frame = await app.waitFor('showing all fields');
	await app.press('z');
	frame = await app.waitFor('fold off');
	t.regex(frame, /"org_id": "5e9d9544a1dcd60001d0ed20"/);
});

test.serial('n and N jump between changes; j/k, PgDn, g/G scroll', async (t) => {
	const services = new FakeServices({environments: bigApiPair(300, [20, 150, 280])});
	const app = renderApp(services, {width: 120, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 1 shown');
	await app.press(keys.enter);
	await app.waitFor('change 1/3');
	await app.press('z');
	let frame = await app.waitFor('change 0/3');
	await app.press('n');
	frame = await app.waitFor('change 1/3');
	t.regex(frame, /setting_00020.*changed live/);
	await app.press('n');
	frame = await app.waitFor('change 2/3');
	t.regex(frame, /setting_00150.*changed live/);
	t.notRegex(frame, /setting_00020/);
	await app.press('n');
	frame = await app.waitFor('change 3/3');
	t.regex(frame, /setting_00280.*changed live/);
	await app.press('N');
	frame = await app.waitFor('change 2/3');
	await app.press('g');
	frame = await app.waitFor(/row 1-/);
	await app.press(keys.pageDown);
	frame = await app.waitFor(/row 18-35 of \d+/);
	await app.press('j', 'j');
	frame = await app.waitFor(/row 20-37 of/);
	await app.press('k');
	frame = await app.waitFor(/row 19-36 of/);
	await app.press('G');
	frame = await app.waitFor(/row (\d+)-(\d+) of \2 /);
	t.regex(frame, /^324  }\s+│324  }$/m);
});

test.serial('w wraps long lines instead of truncating them with …', async (t) => {
	const services = new FakeServices({environments: bigApiPair(5, [2], ` ${'x'.repeat(150)} tail-marker`)});
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 1 shown');
	await app.press(keys.enter);
	let frame = await app.waitFor('wrap off');
	t.notRegex(frame, /tail-marker/);
	t.regex(frame, /…/);
	await app.press('w');
	frame = await app.waitFor('wrap on');
	t.regex(frame, /tail-marker/);
});
