import test from 'ava';
import {FakeServices, defaultEnvironments} from '../helpers/fake-services.js';
import {manyApis} from '../helpers/items.js';
import {keys, renderApp} from '../helpers/render.js';

const rowsOf = (frame: string) => frame.split('\n').filter((l) => /^[ ›][ ●][=~+\-!‼]  (api|policy|template|\?)/.test(l)).map((l) => l.slice(1));

test.serial('the Items screen shows drifted items by default with glyphs, kind, flavor and change counts', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	const frame = await app.waitFor('git main@3f2a1c9 → live staging');
	const rows = rowsOf(frame);
	t.is(rows.length, 4, frame);
	t.truthy(rows.find((r) => /^ ~  api\s+classic\s+Payments #finance\s+payments-1\s+finance\s+1$/.test(r)), rows.join('\n'));
	t.truthy(rows.find((r) => /^ \+  api\s+classic\s+Users/.test(r)));
	t.truthy(rows.find((r) => /^ -  api\s+classic\s+Legacy SOAP/.test(r)));
	t.truthy(rows.find((r) => /^ ~  policy\s+Gold tier/.test(r)));
	t.regex(frame, /4 of 6 shown/);
});

test.serial('/ filters by text, f cycles the status filter, 1-4 switch kinds', async (t) => {
	const app = renderApp(new FakeServices(), {width: 100, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('/', 'g', 'o', 'l', 'd');
	let frame = await app.waitFor('1 of 6 shown');
	t.deepEqual(rowsOf(frame).map((r) => r.slice(0, 12)), [' ~  policy  ']);
	t.regex(frame, /\/gold█/);
	t.regex(frame, /Filter: Enter keeps it, Esc clears it · matches name, ID, category, listen path/, 'says how to leave the field');
	await app.press(keys.enter);
	frame = await app.waitFor('filter /gold');
	t.regex(frame, /1 of 6 shown/);
	t.regex(frame, /Filter "gold" kept: \/ edits it/);
	await app.press('/', keys.esc);
	frame = await app.waitFor('4 of 6 shown');
	t.regex(frame, /Filter cleared/);
	await app.press('f');
	frame = await app.waitFor('6 of 6 shown');
	t.regex(frame, /status all/);
	await app.press('3');
	frame = await app.waitFor('1 of 6 shown');
	t.regex(frame, /3 Policies 1/);
	await app.press('4');
	frame = await app.waitFor('1 of 6 shown');
	t.truthy(rowsOf(frame).find((r) => r.includes('template')));
	await app.press('/', '/', 'o', 'r', 'd', keys.enter, '1');
	frame = await app.waitFor('1 of 6 shown');
	t.truthy(rowsOf(frame).find((r) => r.includes('Orders')), 'filter by listen path');
});

test.serial('space marks and moves down, a marks all visible, A clears; the status bar counts marks', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press(' ', ' ');
	let frame = await app.waitFor('marks 2');
	t.is(rowsOf(frame).filter((r) => r.startsWith('●')).length, 2);
	await app.press('a');
	frame = await app.waitFor('marks 4');
	t.is(rowsOf(frame).filter((r) => r.startsWith('●')).length, 4);
	await app.press('A');
	frame = await app.waitFor('marks 0');
	t.is(rowsOf(frame).filter((r) => r.startsWith('●')).length, 0);
});

test.serial('a 3,000-item environment renders only the visible rows and pages through them', async (t) => {
	const bulk = manyApis(3000);
	const environments = [{...defaultEnvironments()[0]!, git: bulk, live: []}];
	const app = renderApp(new FakeServices({environments}), {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	let frame = await app.waitFor('3000 of 3000 shown');
	t.is(frame.split('\n').length, 24);
	t.is(rowsOf(frame).length, 24 - 3 - 3);
	t.regex(rowsOf(frame)[0]!, /bulk API 00000/);
	await app.press(keys.pageDown);
	frame = await app.waitFor(/bulk API 00017/);
	await app.press('G');
	frame = await app.waitFor(/bulk API 02999/);
	t.is(rowsOf(frame).length, 18);
});

test.serial('read-only environments refuse publish with a message and plan nothing', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'archive'});
	t.teardown(app.unmount);
	await app.waitFor('of 1 shown');
	await app.press('p');
	await app.waitFor('archive is read-only: publish refused, nothing was written');
	await app.press('u');
	await app.waitFor('archive is read-only: undo refused');
	t.false(services.calls.some((c) => c.startsWith('plan')));
});

test.serial('the comparison view offers migration: p plans a publish from the other environment', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor(/staging\s+ok/);
	await app.press('c', 'j', keys.enter);
	await app.waitFor('live staging → live prod');
	await app.press('f');
	// f goes from the default (drift) to every status: the frame that says so exists only after the key.
	t.regex(await app.waitFor('status all'), /(\d+) of \1 shown/);
	await app.press('p');
	const plan = await app.waitFor(/Plan: migrate staging → prod[\s\S]*(y applies|Nothing to apply)/);
	t.regex(plan, /migrate live staging → live prod on prod \[protected\]/);
	t.true(services.calls.some((c) => /^planPublish prod .* from staging$/.test(c)), services.calls.join('\n'));
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`d in a comparison says why it does not dump (${width}×${height})`, async (t) => {
		const services = new FakeServices();
		const app = renderApp(services, {width, height});
		t.teardown(app.unmount);
		await app.waitFor(/staging\s+ok/);
		await app.press('c', 'j', keys.enter);
		await app.waitFor('live staging → live prod');
		await app.press('d');
		const frame = await app.waitFor('Dump works on one environment');
		t.regex(frame, /Compare staging → prod/);
		t.false(services.calls.some((c) => c.startsWith('planDump')));
	});
}

test.serial('a slow environment shows a spinner while input keeps working; an unreachable one says why', async (t) => {
	const services = new FakeServices({hold: ['staging']});
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('Loading staging (Git and live)…');
	await app.press('?');
	await app.waitFor('Keys on this screen (items)');
	await app.press(keys.esc);
	services.release('staging');
	await app.waitFor('4 of 6 shown');
	await app.press(keys.esc, 'G', 'G', keys.enter);
	const broken = await app.waitFor(/Items: broken[\s\S]*Live unreachable/);
	t.regex(broken, /connect ECONNREFUSED/);
});

test.serial('marked items hidden by a later filter are still part of the plan', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', ' ', ' ');
	await app.waitFor('marks 2');
	await app.press('3');
	await app.waitFor('1 of 6 shown');
	await app.press('p');
	const plan = await app.waitFor('y applies 2 writes');
	t.regex(plan, /Payments #finance/);
	t.regex(plan, /Users/);
});
