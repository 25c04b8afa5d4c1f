import test from 'ava';
import {filterEntries, paletteEntries} from '../../../source/ui/screens/palette/palette-entries.js';
import {bindingsFor} from '../../../source/ui/keys.js';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

const crumb = (frame: string) => frame.split('\n')[0]!;

test('the palette lists every command of the screen once, every environment and every kind; words filter it', (t) => {
	const services = new FakeServices();
	const entries = paletteEntries('diff', services.environments());
	const labels = entries.map((e) => e.label);
	for (const binding of bindingsFor('diff').filter((b) => b.command !== 'palette')) t.true(labels.includes(binding.description), binding.description);
	t.is(new Set(labels).size, labels.length, 'no entry twice');
	t.false(labels.some((l) => l.startsWith('command palette')), 'not itself');
	for (const env of ['staging', 'prod', 'archive', 'broken']) t.true(labels.includes(`go to ${env}`));
	t.deepEqual(entries.filter((e) => e.action.type === 'kind').map((e) => e.label), ['show all kinds', 'show APIs', 'show policies', 'show templates']);
	t.deepEqual(filterEntries(entries, 'go PROD').map((e) => e.label), ['go to prod']);
	t.deepEqual(filterEntries(entries, 'protected').map((e) => e.label), ['go to prod']);
	t.is(filterEntries(entries, '').length, entries.length);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`: jumps from a diff of staging to prod's Items screen; Esc then leads to Environments (${width}×${height})`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('j', keys.enter);
		await app.waitFor('Diff: Payments');
		await app.press(':');
		let frame = await app.waitFor(/of \d+ · Enter runs · Esc closes/);
		t.regex(frame, /› /);
		await app.press('go prod');
		frame = await app.waitFor(/1 of \d+ · Enter runs/);
		t.regex(frame, /› go to prod\s+environment, protected/);
		await app.press(keys.enter);
		frame = await app.waitFor(/Items: prod/);
		t.is(crumb(frame), 'tyk-console › Environments › Items: prod');
		await app.waitFor('→ live prod');
		await app.press(keys.esc);
		frame = await app.waitFor(/Environments\s*$/m);
		t.is(crumb(frame), 'tyk-console › Environments');
		t.is(app.frame().split('\n').length, height);
	});

	test.serial(`: runs registry commands as their keys would, shows kinds, and Esc closes it untouched (${width}×${height})`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		// Letters go into the palette's query, not to the screen: j/k/q here are typed, nothing moves or quits.
		await app.press(':', 'jkq');
		let frame = await app.waitFor(/Nothing matches "jkq"/);
		await app.press(keys.esc);
		frame = await app.waitFor('4 of 6 shown');
		t.is(crumb(frame), 'tyk-console › Environments › Items: staging');
		await app.press(':', 'cycle status', keys.enter);
		frame = await app.waitFor('6 of 6 shown');
		t.regex(frame, /status all/);
		await app.press(':', 'templates', keys.enter);
		frame = await app.waitFor('1 of 6 shown');
		t.regex(frame, /Default OAS template/);
		// From a diff, a kind opens the environment's Items screen (the one on the stack) on that tab.
		await app.press(':', 'all kinds', keys.enter);
		await app.waitFor('6 of 6 shown');
		await app.press('j', keys.enter);
		await app.waitFor('Diff: ');
		await app.press(':', 'fold', keys.enter);
		frame = await app.waitFor('fold off');
		await app.press(':', 'show policies', keys.enter);
		frame = await app.waitFor('1 of 6 shown');
		t.is(crumb(frame), 'tyk-console › Environments › Items: staging');
		t.regex(frame, /Gold tier/);
		t.notRegex(frame, /Payments/);
	});
}

test.serial(': from the Environments screen: a kind needs an environment first; going to the Environments screen from deep inside', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor('4 environments');
	await app.press(':', 'show APIs', keys.enter);
	await app.waitFor('Open an environment first');
	await app.press(':', 'go staging', keys.enter);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	await app.waitFor('Diff: Payments');
	await app.press(':', 'environments screen', keys.enter);
	const frame = await app.waitFor('4 environments');
	t.is(crumb(frame), 'tyk-console › Environments');
});
