import test from 'ava';
import {FakeServices, defaultEnvironments, type FakeEnvironment} from '../helpers/fake-services.js';
import {classicApi, manyApis} from '../helpers/items.js';
import {keys, renderApp} from '../helpers/render.js';

const rowsOf = (frame: string) => frame.split('\n').filter((l) => /^[ ›][ ●][=~+\-!‼]  (api|policy|template|\?)/.test(l)).map((l) => l.slice(1));

test.serial('the Items screen shows drifted items by default with glyphs, kind, flavor and change counts', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	const frame = await app.waitFor('git main@3f2a1c9 → live staging');
	const rows = rowsOf(frame);
	t.is(rows.length, 4, frame);
	t.truthy(rows.find((r) => /^ ~  api\s+classic\s+Payments #finance\s+payments-1\s+\/payments\/\s+finance\s+1$/.test(r)), rows.join('\n'));
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

/** Staging with long IDs (UUIDs, as Tyk makes them) and long names, to see how the columns share the width. */
function longIdEnvironments(): FakeEnvironment[] {
	const [staging, ...rest] = defaultEnvironments();
	const apis = [
		classicApi('4f3c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a0f9', 'Customer accounts', '/accounts/', 'http://accounts.internal'),
		classicApi('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Billing and invoicing service', '/billing/', 'http://billing.internal'),
	];
	return [{...staging!, git: [...staging!.git, ...apis]}, ...rest];
}

for (const [width, height] of [[80, 24], [120, 30], [200, 60]] as const) {
	test.serial(`columns are sized by content at ${width}×${height}: IDs whole when they fit, no stretching, a listen-path column`, async (t) => {
		const app = renderApp(new FakeServices({environments: longIdEnvironments()}), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		const frame = await app.waitFor('6 of 8 shown');
		const billing = rowsOf(frame).find((r) => r.includes('Billing'))!;
		t.truthy(billing, frame);
		if (width >= 120) {
			t.true(billing.includes('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), `the whole ID: ${billing}`);
			t.true(billing.includes('Billing and invoicing service'), `the whole name: ${billing}`);
			t.regex(frame, /name\s+ID\s+listen path\s+categories/);
			t.regex(billing, /\/billing\/$/, 'the listen path');
			// No stretching: one space between the longest name and the ID column.
			t.regex(billing, /Billing and invoicing service 0a1b2c3d/);
		} else {
			t.regex(billing, /Billing and invo…/, 'the name gives way first');
			t.true(billing.includes('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), `the whole ID: ${billing}`);
		}
		t.true(frame.split('\n').every((line) => line.length <= width), 'nothing wider than the terminal');
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`position indicator and sort: s cycles kind, name, status; the cursor stays on its item (${width}×${height})`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		let frame = await app.waitFor('4 of 6 shown');
		// The header keeps status, order and the filter key whole at 80 columns (shorter tab names there).
		t.regex(frame, width < 100 ? /^ 1 All 6 {3}2 APIs 4 {3}3 Pol 1 {3}4 Tpl 1 {3}status drift sort kind \/ filters$/m : /status drift sort kind filter \(none, \/\)$/m);
		t.regex(frame, / 1\/4$/m, 'the position at the right of the column titles');
		frame = await app.press('j');
		t.regex(frame, / 2\/4$/m);
		t.regex(frame, /^› ~  api\s+classic\s+Payments/m);
		frame = await app.press('s');
		t.regex(frame, /sort name/);
		t.deepEqual(rowsOf(frame).map((r) => /(Gold tier|Legacy SOAP|Payments|Users)/.exec(r)![1]), ['Gold tier', 'Legacy SOAP', 'Payments', 'Users']);
		t.regex(frame, /› ~  api\s+classic\s+Payments/, 'the cursor followed Payments');
		t.regex(frame, / 3\/4$/m);
		frame = await app.press('s');
		t.regex(frame, /sort status/);
		t.deepEqual(rowsOf(frame).map((r) => r.slice(1, 2)), ['~', '~', '+', '-'], 'changed, then only in Git, then only live');
		t.regex(frame, /› ~  api\s+classic\s+Payments/);
		frame = await app.press('s');
		t.regex(frame, /sort kind/);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`a long filter text has a line of its own and reads whole (${width}×${height})`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('/billing-and-invoicing-internal');
		let frame = await app.waitFor('0 of 6 shown');
		t.regex(frame, /^filter \/billing-and-invoicing-internal█ {2}Enter keeps · Esc clears/m);
		t.is(frame.split('\n').length, height);
		await app.press(keys.enter);
		frame = await app.waitFor(/^filter \/billing-and-invoicing-internal {2}\/ edits/m);
		t.is(frame.split('\n').length, height);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`refreshSeconds reloads the view on its own and keeps cursor, marks and filter; the age is shown (${width}×${height})`, async (t) => {
		let now = 1_000_000;
		const [staging, ...rest] = defaultEnvironments();
		const live = [...staging!.live];
		const services = new FakeServices({environments: [{...staging!, live}, ...rest]});
		const app = renderApp(services, {width, height, initialEnvironment: 'staging', refreshSeconds: 60, clock: () => now});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		t.regex(app.frame(), /loaded just now/);
		await app.press('f', '/', 'a', keys.enter);
		await app.waitFor('Filter "a" kept');
		let frame = await app.press('j', ' ', 'k');
		t.regex(frame, /›●~  api\s+classic\s+Payments/);
		t.regex(frame, /marks 1/);
		now += 40_000;
		frame = await app.press('j', 'k');
		t.regex(frame, /loaded 40 s ago/, 'the age grows');
		// A new live API sorts before Payments: a reload that kept the cursor's position would land on it.
		live.push(classicApi('aaa-0', 'Accounts', '/accounts/', 'http://accounts.internal'));
		const loads = services.calls.filter((c) => c === 'load staging').length;
		now += 30_000;
		frame = await app.waitFor((f) => services.calls.filter((c) => c === 'load staging').length > loads && /loaded just now/.test(f) && /Accounts/.test(f));
		t.regex(frame, /›●~  api\s+classic\s+Payments/, 'the cursor is still on Payments');
		t.regex(frame, /marks 1/);
		t.regex(frame, /filter \/a/);
		t.regex(frame, /status all/);
	});
}

test.serial('without refreshSeconds nothing reloads by itself; R still does', async (t) => {
	let now = 1_000_000;
	const services = new FakeServices();
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'staging', clock: () => now});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	now += 3 * 60_000;
	t.regex(await app.press('j'), /loaded 3 min ago/);
	t.is(services.calls.filter((c) => c === 'load staging').length, 1);
	await app.press('R');
	await app.waitFor('loaded just now');
	t.is(services.calls.filter((c) => c === 'load staging').length, 2);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`a Dashboard that goes down keeps the Git items, marked ? (not compared), and says why (${width}×${height})`, async (t) => {
		const services = new FakeServices();
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		services.setUnreachable('staging', 'staging: GET /api/apis failed: connection refused by http://127.0.0.1:3000. Is the Dashboard running?');
		await app.press('R');
		const frame = await app.waitFor('5 of 5 shown');
		t.is(frame.split('\n').length, height);
		const rows = frame.split('\n').filter((l) => /^[ ›][ ●]\?  (api|policy|template)/.test(l));
		t.is(rows.length, 5, frame);
		t.true(rows.some((l) => l.includes('Payments #finance')) && rows.some((l) => l.includes('Users')), frame);
		t.regex(frame, /Live unreachable: staging: GET \/api\/apis failed/);
		t.notRegex(frame, /running\?\./, 'no second full stop after the reason');
		if (width >= 200) t.regex(frame, /Is the Dashboard running\? · |Is the Dashboard running\?$/m);
		t.regex(frame, /5 of 5 shown · \? live not read/);
		t.regex(frame, /status all/, 'the header does not claim a status filter that is not applied');
		t.notRegex(frame, /No items match/);
		// Its diff shows the Git side alone and says live was not read (not "only in Git").
		await app.press(keys.enter);
		const diff = await app.waitFor('git main@3f2a1c9 alone: live staging could not be read');
		t.regex(diff, / · not compared · /);
		t.notRegex(diff, /only-in-git|only in git/);
		await app.press(keys.esc);
		await app.waitFor('5 of 5 shown');
		// Back up: the comparison returns.
		services.setUnreachable('staging', undefined);
		await app.press('R');
		const back = await app.waitFor('4 of 6 shown');
		t.regex(back, /^ .~  api/m);
	});

	test.serial(`every empty Items table names its cause (${width}×${height})`, async (t) => {
		const broken = defaultEnvironments()[3]!;
		const services = new FakeServices({environments: [...defaultEnvironments(), {...broken, info: {...broken.info, name: 'empty'}, git: []}]});
		const app = renderApp(services, {width, height, initialEnvironment: 'archive'});
		t.teardown(app.unmount);
		let frame = await app.waitFor('0 of 1 shown');
		t.regex(frame, /No drift: all 1 items are unchanged · f shows them/);
		await app.press('f');
		await app.waitFor('1 of 1 shown');
		await app.press('/', 'zzz', keys.enter);
		frame = await app.waitFor('No item matches "zzz" · / edits the filter, Esc there clears it');
		await app.press('/', keys.esc, '4');
		frame = await app.waitFor('No templates here · 1 shows every kind');
		await app.press(keys.esc, 'G', keys.enter);
		frame = await app.waitFor(/Items: empty/);
		frame = await app.waitFor('Nothing to show: git main@3f2a1c9 is empty, live unreachable · R retries');
		t.notRegex(frame, /No items match/);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`a comparison whose first Dashboard is down keeps the other's items and names that Dashboard, not Git (${width}×${height})`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height});
		t.teardown(app.unmount);
		await app.waitFor(/staging\s+ok/);
		// broken (unreachable) is the last environment: compare it with staging.
		await app.press('G', 'c', 'g', keys.enter);
		const frame = await app.waitFor('live broken → live staging');
		t.regex(frame, /5 of 5 shown · \? live broken not read/);
		t.regex(frame, /^Live broken: connect ECONNREFUSED 127\.0\.0\.1:1\./m);
		t.notRegex(frame, /^Git: /m);
		t.is(frame.split('\n').filter((l) => /^[ ›][ ●]\? {2}(api|policy|template)/.test(l)).length, 5);
	});
}

test.serial('a missing .tyk.json is read whole at 80×24 (the directory that holds one is named), and the reader\'s notes are shown', async (t) => {
	const error = 'no .tyk.json found in /srv/repo at main (3f2a1c9) under directory tyk-sync; directories that hold one: tyk (did you mean --dir tyk?); set git.dir or --dir';
	const missing = defaultEnvironments().map((env): FakeEnvironment => (env.info.name === 'staging' ? {...env, gitError: error} : env));
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const app = renderApp(new FakeServices({environments: missing}), {width, height, initialEnvironment: 'staging'});
		const frame = await app.waitFor('did you mean');
		t.regex(frame.replace(/\s+/g, ' '), /did you mean --dir tyk\?\); set git\.dir or --dir/, frame);
		app.unmount();
	}
	const noted = defaultEnvironments().map((env): FakeEnvironment => (env.info.name === 'staging'
		? {...env, notes: ['api-aa11.json is listed 2 times in .tyk.json (files[0], files[2]); read as one item', 'asset-tpl.json: API template without org_id']}
		: env));
	const app = renderApp(new FakeServices({environments: noted}), {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	const frame = await app.waitFor('2 notes (diff lists all): api-aa11.json is listed 2 times');
	t.is(rowsOf(frame).length, 4, 'the rows are still there');
});

test.serial('Items: a short origin column (from) when rows have one, and o filters by origin, at 80 and 200 columns', async (t) => {
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const environments = defaultEnvironments().map((env) => (env.info.name === 'staging'
			? {...env, origins: {'api:payments-1': 'live', 'policy:gold': 'both', 'api:users-3': 'git'} as const}
			: env));
		const app = renderApp(new FakeServices({environments}), {width, height, initialEnvironment: 'staging'});
		let frame = await app.waitFor('4 of 6 shown');
		t.regex(frame, /Δ from/, `${width}: the column title`);
		const rows = rowsOf(frame);
		t.regex(rows.find((r) => r.includes('Payments'))!, /1 live$/, `${width}: ${rows.join('\n')}`);
		t.regex(rows.find((r) => r.includes('Gold'))!, /1 both$/);
		t.regex(rows.find((r) => r.includes('Users'))!, / git$/);
		t.true(frame.split('\n').every((line) => line.length <= width));
		await app.press('o', 'o', 'o');
		frame = await app.waitFor('1 of 6 shown');
		t.regex(frame, /from both/);
		t.deepEqual(rowsOf(frame).map((r) => r.includes('Gold')), [true]);
		await app.press('o');
		frame = await app.waitFor('No item here has origin unknown · o cycles the origin filter');
		await app.press('o');
		await app.waitFor('4 of 6 shown');
		app.unmount();
	}
});
