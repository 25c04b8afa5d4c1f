import test from 'ava';
import {defaultEnvironments, FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

test.serial('environments load in the background: one held, one failing, the others shown', async (t) => {
	const services = new FakeServices({hold: ['prod']});
	const app = renderApp(services, {width: 120, height: 30});
	t.teardown(app.unmount);
	const frame = await app.waitFor('unreachable');
	t.regex(frame, /staging\s+ok\s+3 APIs 1 pol 1 tpl/);
	t.regex(frame, /prod \[protected\]\s+. loading…/);
	t.regex(frame, /archive \[read-only\]/);
	t.regex(frame, /broken.*unreachable/);
	t.regex(frame, /connect ECONNREFUSED 127\.0\.0\.1:1/);
	t.regex(frame, /git main@3f2a1c9 tyk/);
	services.release('prod');
	const after = await app.waitFor(/prod \[protected\]\s+ok/);
	t.regex(after, /prod \[protected\]\s+ok\s+2 APIs 1 pol 0 tpl/);
});

test.serial('the drift bar is proportional, with one fill character per status', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 60});
	t.teardown(app.unmount);
	const frame = await app.waitFor(/staging\s+ok/);
	const line = frame.split('\n').find((l) => l.includes('staging'))!;
	const bar = line.slice(line.indexOf('tpl') + 3).trim();
	t.true(bar.length > 50, bar);
	// staging: orders + template unchanged (2), payments + gold changed (2), users only in Git, legacy only live.
	const count = (c: string) => [...bar].filter((x) => x === c).length;
	t.true(Math.abs(count('=') - count('~')) <= 1, bar);
	t.true(count('+') > 0 && count('-') > 0, bar);
	t.true(count('=') > count('+'), bar);
});

test.serial('navigation: Enter opens an environment, Esc comes back, q quits from the top', async (t) => {
	const app = renderApp(new FakeServices(), {width: 80, height: 24});
	t.teardown(app.unmount);
	await app.waitFor(/staging\s+ok/);
	await app.press(keys.enter);
	await app.waitFor('Items: staging');
	await app.press(keys.esc);
	const back = await app.waitFor('4 environments');
	t.notRegex(back, /Items: staging/);
	t.is(back.split('\n').length, 24);
});

test.serial('c then a second environment opens the comparison of the two live states', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor(/staging\s+ok/);
	await app.press('c');
	await app.waitFor('Compare staging with');
	await app.press(keys.enter);
	await app.waitFor('Pick an environment other than staging');
	await app.press('j', keys.enter);
	const frame = await app.waitFor('live staging → live prod');
	t.regex(frame, /Compare staging → prod/);
	t.regex(frame, /live staging → live prod · \d+ of \d+ shown · loaded just now · \+ only left, - only right/, 'says which side + and - stand for');
	t.true(services.calls.includes('compare staging prod'));
	// The comparison has its own keys: p migrates to the second environment, and dump (Git) does not apply.
	t.regex(frame, /p migrate/);
	t.notRegex(frame, /d dump|publish to live/);
	await app.press('?');
	const help = await app.waitFor('Keys on this screen');
	t.regex(help, /p\s+migrate: publish the left environment's live items to the right one/);
	t.notRegex(help, /dump live → Git/);
	await app.press(keys.esc);
	await app.press('d');
	t.notRegex(app.frame(), /Plan/, 'd does nothing in a comparison');
	// The plan screen counts the comparison's marks (the ones the migration uses), not the target environment's.
	await app.press(' ', ' ', 'p');
	const plan = await app.waitFor(/Plan: migrate/);
	t.regex(plan, /marks 2 /);
});

test.serial('? shows help generated from the key registry and closes again', async (t) => {
	const app = renderApp(new FakeServices(), {width: 100, height: 30});
	t.teardown(app.unmount);
	await app.press('?');
	const help = await app.waitFor('Keys on this screen');
	t.regex(help, /c\s+compare with another environment/);
	t.regex(help, /esc\s+back \/ cancel/);
	await app.press('?');
	const closed = await app.waitFor('4 environments');
	t.notRegex(closed, /Keys on this screen/);
});

test.serial('keys that arrive in one chunk act one after the other', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor(/staging\s+ok/);
	await app.press('cj\r');
	await app.waitFor('live staging → live prod');
	await app.press('/orders\rj');
	const frame = await app.waitFor('filter /orders');
	t.regex(frame, /0 of \d+ shown|1 of \d+ shown/);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`an unreachable Dashboard or a missing key shows counts as — and names the cause, never an empty drift (${width}×${height})`, async (t) => {
		const broken = defaultEnvironments()[3]!;
		const keyless = {
			...broken, info: {...broken.info, name: 'lab'}, reachability: 'error' as const,
			unreachable: 'environment "lab": the Dashboard key variable TYK_LAB_KEY is not set (secretEnv); export it and run again',
		};
		const app = renderApp(new FakeServices({environments: [defaultEnvironments()[0]!, broken, keyless]}), {width, height});
		t.teardown(app.unmount);
		const frame = await app.waitFor((f) => /broken\s+unreachable/.test(f) && /lab\s+error/.test(f));
		const row = (name: string) => frame.split('\n').find((l) => l.includes(`  ${name} `) || l.startsWith(`› ${name} `))!;
		t.regex(row('broken'), /unreachable\s+— APIs — pol — tpl\s+\? not compared/);
		t.regex(row('lab'), /error\s+— APIs — pol — tpl\s+\? not compared/);
		t.regex(row('staging'), /ok\s+3 APIs 1 pol 1 tpl\s+[=~+-]+/);
		t.regex(frame, /^  live: the Dashboard key variable TYK_LAB_KEY is not set/m);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`the Environments screen says how old its data is and refreshSeconds reloads every environment (${width}×${height})`, async (t) => {
		let now = 5_000_000;
		const services = new FakeServices();
		const app = renderApp(services, {width, height, refreshSeconds: 60, clock: () => now});
		t.teardown(app.unmount);
		await app.waitFor(/4 environments · loaded just now/);
		now += 45_000;
		t.regex(await app.press('j'), /4 environments · loaded 45 s ago/);
		const before = services.calls.filter((c) => c.startsWith('load ')).length;
		now += 20_000;
		const frame = await app.waitFor((f) => services.calls.filter((c) => c.startsWith('load ')).length >= before + 4 && /loaded just now/.test(f));
		t.regex(frame, /› prod/, 'the cursor stayed');
	});
}
