import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {keys, renderApp} from '../ui/helpers/render.js';
import {makeWorld} from '../helpers/world.js';
import {patchEnvironment, startServer} from './helpers.js';

/** Anything a terminal would obey: C0 (but the frame's own newlines), DEL, C1, and the bidi controls. */
const raw = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test('console injection: escape sequences, C1 controls and bidi overrides in a category, an ID, a definition value, a commit subject, an author and a Dashboard message reach the terminal only as visible text', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}, {name: 'broken', emulator: false}]);
	const hostile = await startServer(t, (_req, res) => {
		res.writeHead(401, {'content-type': 'application/json'});
		res.end(JSON.stringify({Status: 'Error', Message: 'no\u001B]0;pwned\u0007 \u202Eexit\u001B[2J'}));
	});
	patchEnvironment(world, 'broken', {dashboard: hostile.url});
	const emulator = world.emulators['staging']!;
	const api: any = structuredClone(emulator.store.listApis().find((wrapper) => !wrapper['oas'])!);
	delete api.api_definition.id;
	Object.assign(api.api_definition, {api_id: 'evil\u001B[2Jid\u009B1m', name: 'Evil API #cat\u001B]0;title\u0007x', slug: 'evil'});
	api.api_definition.proxy.listen_path = '/evil/';
	emulator.store.importApis([api]);

	const engine = await world.engine();
	const {plan} = await engine.plan({type: 'dump', environment: 'staging'});
	await engine.apply(plan, () => {});
	// A reviewer's commit on the hostile API, with a hostile subject and author.
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const entry = index.files.find((candidate: {file: string}) => readFileSync(join(world.repo, candidate.file), 'utf8').includes('/evil/'));
	const file = join(world.repo, entry.file);
	const body = JSON.parse(readFileSync(file, 'utf8'));
	body.api_definition.proxy.target_url = 'http://moved\u202E.internal:7000/\u009B2J';
	writeFileSync(file, JSON.stringify(body, null, 2));
	execFileSync('git', ['commit', '-q', '-am', 'fix \u001B[31mred\u001B[0m \u202Eevil\u202C subject'], {
		cwd: world.repo, env: {...process.env, ...world.env, GIT_AUTHOR_NAME: 'Mallory \u001B]0;owned\u0007 \u2066who'},
	});
	t.regex(world.git(['log', '-1', '--format=%an|%s']), /\u001B\]0;owned.*\|fix \u001B\[31m/, 'Git kept the hostile author and subject');

	const app = await renderApp(engine, {width: 200, height: 30});
	t.teardown(() => app.unmount());
	const frames: string[] = [];
	// The Dashboard message of a 401, with its bidi override, as the environment's reason.
	frames.push(await app.waitFor((frame) => frame.includes('no\\u001b]0;pwned\\u0007 \\u202eexit\\u001b[2J') && /staging .* ok /.test(frame)));
	await app.press(keys.enter);
	await app.waitFor('Evil API');
	await app.press('/', ...'Evil', keys.enter);
	// The category (from the name's #tag) and the ID, escaped.
	frames.push(await app.waitFor((frame) => frame.includes('cat\\u001b]0;title\\u0007x') && frame.includes('evil\\u001b[2Jid\\u009b1m')));
	// The definition's texts in the Diff screen: a C1 control and a bidi override in a value, escaped.
	await app.press(keys.enter);
	frames.push(await app.waitFor('moved\\u202e.internal:7000/\\u009b2J'));
	await app.press(keys.esc);
	await app.waitFor('filter /Evil');
	await app.press('b');
	// The History screen found the item by its real ID, and shows the subject and the author escaped.
	frames.push(await app.waitFor((frame) => frame.includes('fix \\u001b[31mred\\u001b[0m \\u202eevil\\u202c subject') && frame.includes('Mallory \\u001b]0;ow')));
	const shown = frames.join('\n');
	t.false(raw.test(shown), JSON.stringify(shown.match(new RegExp(`.{0,20}${raw.source}.{0,20}`, 'g'))));
});
