import test from 'ava';
import type {Kind} from '../../source/core/item.js';
import type {ItemHistory} from '../../source/engine/services.js';
import {FakeServices} from '../ui/helpers/fake-services.js';
import {keys, renderApp} from '../ui/helpers/render.js';

// In-process regressions for what driving the journeys by hand turned up; fast, so they run before the tmux ones.

/** A history that is answered at once the first time and held after that, to see the screen while it reloads. */
class SlowReload extends FakeServices {
	private served = 0;
	releaseHistory: () => void = () => {};

	override async history(environment: string, kind: Kind, id: string): Promise<ItemHistory> {
		const answer = await super.history(environment, kind, id);
		if (this.served++ > 0) await new Promise<void>((resolve) => (this.releaseHistory = resolve));
		return answer;
	}
}

test.serial('History keeps its list while it reloads after a diff, so r right after Esc rolls back the chosen revision', async (t) => {
	const services = new SlowReload();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'b');
	await app.waitFor('2 Git revisions');
	// Newest first: the snapshot (21 Nov), then git aaaaaaa (20 Nov), then git bbbbbbb.
	await app.press('j', 'j', keys.enter);
	await app.waitFor('Diff: Payments');
	await app.press(keys.esc);
	const reloading = await app.waitFor('reloading…');
	t.regex(reloading, /› git bbbbbbb/, 'the chosen revision stays selected while the history reloads');
	await app.press('r');
	await app.waitFor(/Plan: rollback staging[\s\S]*y applies/);
	t.true(services.calls.includes('planRollback staging api:payments-1 bbbbbbb2222222'), services.calls.join('\n'));
	services.releaseHistory();
});

test.serial('a new screen starts with the default message, not the last screen\'s ("Press q to quit" on Items)', async (t) => {
	const app = renderApp(new FakeServices(), {width: 160, height: 30});
	t.teardown(app.unmount);
	await app.waitFor('4 environments');
	await app.press(keys.esc);
	await app.waitFor('Press q to quit');
	await app.press(keys.enter);
	const items = await app.waitFor('Items: staging');
	t.false(items.includes('Press q to quit'));
	t.regex(items, /\? shows every key/);
});

for (const [width, expected] of [
	[160, ['/ filter', 'space mark', 'd dump', 'p publish', 'b history', 'u undo', 'esc back', '? help']],
	[80, ['enter open', 'space mark', 'd dump', 'p publish', 'b history', 'esc back', '? help']],
] as const) {
	test.serial(`the Items status bar names the keys that act at ${width} columns: mark, publish, dump, history`, async (t) => {
		const app = renderApp(new FakeServices(), {width, height: 24, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		const frame = await app.waitFor('4 of 6 shown');
		const hints = frame.split('\n').at(-1)!;
		for (const hint of expected) t.true(hints.includes(hint), `${hint} in: ${hints}`);
	});
}

test.serial('an item without differences says so at the top of its diff, where it is seen', async (t) => {
	const app = renderApp(new FakeServices(), {width: 160, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('f');
	await app.waitFor('6 of 6 shown');
	await app.press('/', 'Orders', keys.enter);
	await app.waitFor('1 of 6 shown');
	await app.press(keys.enter);
	const frame = await app.waitFor('Diff: Orders');
	const body = frame.split('\n');
	t.regex(body[3] ?? '', /No differences in the compared fields\./, frame);
});
