import test from 'ava';
import stringWidth from 'string-width';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

/** Every line fits the width and the frame has exactly the height: nothing wraps, nothing scrolls the terminal. */
function fits(t: {true: (v: boolean, m?: string) => void; is: (a: unknown, b: unknown, m?: string) => void}, frame: string, width: number, height: number, where: string) {
	const lines = frame.split('\n');
	t.is(lines.length, height, `${where}: height`);
	const widest = Math.max(...lines.map((l) => stringWidth(l)));
	t.true(widest <= width, `${where}: a line is ${widest} cells wide:\n${frame}`);
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`every screen fits ${width}×${height}`, async (t) => {
		const services = new FakeServices({failures: {'api:users-3': 'changed since planned'}});
		const app: Rendered = renderApp(services, {width, height});
		t.teardown(app.unmount);
		fits(t, await app.waitFor(/staging\s+ok/), width, height, 'environments');
		await app.press('?');
		fits(t, await app.waitFor('Keys on this screen'), width, height, 'help');
		await app.press('?', keys.enter);
		fits(t, await app.waitFor('4 of 6 shown'), width, height, 'items');
		await app.press('j', keys.enter);
		fits(t, await app.waitFor(/change 1\/1/), width, height, 'diff');
		await app.press(keys.esc, ' ', ' ', 'p');
		fits(t, await app.waitFor('y applies 2 writes'), width, height, 'plan');
		await app.press('y');
		const progress = await app.waitFor('u undoes it');
		fits(t, progress, width, height, 'progress');
		t.regex(progress, /failed: changed since planned/);
		await app.press(keys.esc, 'k', 'k', 'b');
		fits(t, await app.waitFor('2 Git revisions'), width, height, 'history');
	});
}

test.serial('a tiny terminal (40×10) still renders every screen without crashing', async (t) => {
	const app = renderApp(new FakeServices(), {width: 40, height: 10});
	t.teardown(app.unmount);
	fits(t, await app.waitFor(/staging/), 40, 10, 'environments');
	await app.press(keys.enter);
	const items = await app.waitFor(/4 of/);
	fits(t, items, 40, 10, 'items');
	t.regex(items, /api\s+Legacy SOAP/);
	await app.press('j', keys.enter);
	const diff = await app.waitFor(/Diff: Pay/);
	fits(t, diff, 40, 10, 'diff');
	t.regex(diff, /^… › Diff: Pay/);
	await app.press(keys.esc, 'p');
	fits(t, await app.waitFor(/y applies|Nothing/), 40, 10, 'plan');
});

test.serial('the help overlay scrolls at 80×24 (every binding reachable, an indicator says where) and needs no scrolling at 200×60', async (t) => {
	const app = renderApp(new FakeServices(), {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	let frame = await app.press('?');
	t.regex(frame, /↓ 1–\d+ of \d+ · j\/k/);
	t.notRegex(frame, /back; quit from the top/, 'the last binding is below the window');
	fits(t, frame, 80, 24, 'help at the top');
	frame = await app.press('G');
	t.regex(frame, /back; quit from the top/, 'G shows the last binding');
	t.regex(frame, /↑\s+\d+–(\d+) of \1 ·/);
	t.notRegex(frame, /Keys on this screen[\s\S]*│ enter\s+open/, 'the first binding scrolled away');
	fits(t, frame, 80, 24, 'help at the bottom');
	frame = await app.press('k', keys.pageUp, 'j', 'g');
	t.regex(frame, /enter\s+open/);
	await app.press(keys.esc);
	await app.waitFor('4 of 6 shown');
	app.rerender({width: 200, height: 60});
	frame = await app.press('?');
	t.regex(frame, /back; quit from the top/);
	t.notRegex(frame, /j\/k ↑\/↓ PgUp\/PgDn scroll/);
});
