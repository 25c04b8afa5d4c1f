import test from 'ava';
import {keys, renderApp} from '../ui/helpers/render.js';
import {makeWorld} from '../helpers/world.js';

test('hostile console: names and IDs carrying terminal escape sequences are shown inert (no raw control character reaches the terminal)', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	const emulator = world.emulators['staging']!;
	const api: any = structuredClone(emulator.store.listApis().find((wrapper) => !wrapper['oas'])!);
	delete api.api_definition.id;
	Object.assign(api.api_definition, {api_id: 'evil\u001B[2Jid', name: 'Evil \u001B]0;pwned\u0007 \u001B[31mred\r\nAPI', slug: 'evil'});
	api.api_definition.proxy.listen_path = '/evil/';
	emulator.store.importApis([api]);
	const engine = await world.engine();
	const app = await renderApp(engine, {width: 140, height: 30});
	t.teardown(() => app.unmount());
	const frames: string[] = [];
	frames.push(await app.waitFor(/› staging .* ok /));
	await app.press(keys.enter);
	// The name is shown, with its control characters as visible text.
	frames.push(await app.waitFor('Evil \\u001b]0;pwned\\u0007'));
	await app.press('/', ...'Evil', keys.enter);
	frames.push(await app.waitFor(/filter \/Evil[^█]*$/));
	await app.press(keys.enter);
	frames.push(await app.waitFor('Diff: '));
	const shown = frames.join('\n');
	t.false(/[\u0000-\u0009\u000B-\u001F\u007F]/.test(shown), JSON.stringify(shown.match(/.{0,20}[\u0000-\u0009\u000B-\u001F\u007F].{0,20}/g)));
});
