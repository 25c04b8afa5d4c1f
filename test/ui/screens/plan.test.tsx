import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

/** Opens staging (or prod), marks Payments (changed) and Users (only in Git, staging only) and presses p. */
async function planPublish(services: FakeServices, environment: string, width = 120, height = 30) {
	const app = renderApp(services, {width, height, initialEnvironment: environment});
	await app.waitFor(/of \d+ shown/);
	await app.press('j', ' ', ' ', 'p');
	await app.waitFor(/create · /);
	return app;
}

test.serial('the plan shows counts, per-item actions and changed-field counts; Enter shows a step diff', async (t) => {
	const services = new FakeServices();
	const app = await planPublish(services, 'staging');
	t.teardown(app.unmount);
	let frame = app.frame();
	t.regex(frame, /publish git main@3f2a1c9 → live staging on staging/);
	t.regex(frame, /1 create · 1 update · 0 delete · 0 skip/);
	t.regex(frame, /update\s+api\s+Payments #finance\s+payments-1\s+1 field changed/);
	t.regex(frame, /create\s+api\s+Users\s+users-3/);
	t.regex(frame, /y applies 2 writes to live staging · Esc cancels, nothing is written/);
	t.true(services.calls.includes('planPublish staging payments-1,users-3'.replace('payments-1,users-3', 'api:payments-1,api:users-3')), services.calls.join('\n'));
	await app.press(keys.enter);
	frame = await app.waitFor('Diff: Payments');
	t.regex(frame, /payments\.internal.*│.*payments-v2\.internal/);
	await app.press(keys.esc);
	await app.waitFor('y applies 2 writes');
});

test.serial('Esc on the plan cancels and nothing is applied', async (t) => {
	const services = new FakeServices();
	const app = await planPublish(services, 'staging');
	t.teardown(app.unmount);
	await app.press(keys.esc);
	const frame = await app.waitFor('Cancelled: nothing was written');
	t.regex(frame, /Items: staging/);
	t.notRegex(frame, /Plan:/);
	t.deepEqual(services.applied, []);
});

test.serial('a protected environment needs its name typed: y alone does nothing', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'prod'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 3 shown');
	await app.press('p');
	let frame = await app.waitFor('protected: you will type its name');
	t.regex(frame, /prod \[protected\]/);
	await app.press('y');
	frame = await app.waitFor('Type its name and press Enter');
	await app.press('y', keys.enter);
	frame = await app.waitFor('"y" is not "prod"; nothing was written');
	t.deepEqual(services.applied, []);
	await app.press('p', 'r', 'o', 'x', keys.backspace, 'd');
	await app.waitFor('prod█');
	t.deepEqual(services.applied, []);
	await app.press(keys.backspace, 'd\r');
	frame = await app.waitFor('applied and verified');
	t.is(services.applied.length, 1);
	t.is(services.applied[0]!.environment, 'prod');
});

test.serial('Esc while typing the name cancels the confirmation and writes nothing', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'prod'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 3 shown');
	await app.press('p');
	await app.waitFor('protected: you will type its name');
	await app.press('ypr', keys.esc);
	const frame = await app.waitFor('Cancelled: nothing was written');
	t.regex(frame, /you will type its name/);
	t.deepEqual(services.applied, []);
});

test.serial('plan screen at 80×24 keeps the confirm line visible', async (t) => {
	const app = await planPublish(new FakeServices(), 'staging', 80, 24);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.is(frame.split('\n').length, 24);
	t.regex(frame, /y applies 2 writes to live staging/);
});
