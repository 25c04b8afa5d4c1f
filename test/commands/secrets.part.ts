import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

test.serial('secrets inside definitions are masked in diff output (text, --full, --json) but reach the Dashboard unmasked', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const apis = (await world.request('staging', 'GET', '/api/apis?p=-1')).apis as any[];
	const api = apis.find((wrapper) => wrapper.api_definition.is_oas !== true);
	const id: string = api.api_definition.api_id;
	const oldSecret = 'old-upstream-password-4f1c';
	const newSecret = 'new-jwt-shared-secret-9b2e';
	api.api_definition.jwt_source = Buffer.from(newSecret).toString('base64');
	api.api_definition.config_data = {upstream_password: oldSecret};
	await world.request('staging', 'PUT', `/api/apis/${api.api_definition.id}`, api);

	const [text, full, json] = await Promise.all([
		world.cli(['diff', 'staging']),
		world.cli(['diff', 'staging', '--full']),
		world.json(['diff', 'staging']),
	]);
	for (const run of [text, full, json]) t.is(run.code, 2, run.stderr);
	t.deepEqual(json.data.items.map((item: any) => item.id), [id]);
	t.deepEqual([...json.data.items[0].changes].sort(), ['api_definition.config_data', 'api_definition.jwt_source']);
	t.regex(full.stdout, /•+ \(\d+ chars/, 'the unified diff shows masks');
	const everything = [text.stdout, text.stderr, full.stdout, full.stderr, json.stdout, json.stderr].join('\n');
	for (const value of [oldSecret, newSecret, api.api_definition.jwt_source]) t.false(everything.includes(value), `${value} leaked`);

	// Publishing Git back writes real values (the Dashboard never receives a mask).
	const published = await world.json(['publish', 'staging', '--id', id]);
	t.is(published.code, 0, published.stderr);
	const live = await world.request('staging', 'GET', `/api/apis/${id}`);
	const dumpedApi = JSON.parse(world.git(['show', `main:api-${id}.json`]));
	t.is(live.api_definition.jwt_source, dumpedApi.api_definition.jwt_source);
	t.false(JSON.stringify(live).includes('•'));
	assertNoSecrets(t, world, [everything, published.stdout, published.stderr, world.stateText()]);
});
