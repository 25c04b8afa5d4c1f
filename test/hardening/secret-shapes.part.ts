import {randomBytes} from 'node:crypto';
import test from 'ava';
import {makeWorld} from '../helpers/world.js';

// Secrets where the path rules never looked (issue: header values, URL user-info, policy metadata, credential-named
// keys): every output (diff, diff --full, diff --json, a publish plan, its JSON) shows them masked, old and new alike.

function secretsOf(tag: string) {
	const value = (name: string) => `${name}-${tag}-${randomBytes(6).toString('hex')}`;
	return {
		bearer: value('bearer'), apiKey: value('apikey'), cookie: value('cookie'), urlPassword: value('urlpw'),
		hmac: value('hmac'), oasHeader: value('oashdr'), meta: value('meta'),
	};
}
type Secrets = ReturnType<typeof secretsOf>;

function classicWith(def: any, s: Secrets): void {
	def.proxy.target_url = `https://svc:${s.urlPassword}@upstream.internal:8443/v1/`;
	const version = Object.values(def.version_data.versions)[0] as any;
	version.global_headers = {Authorization: `Bearer ${s.bearer}`, 'X-Source': 'tyk'};
	version.use_extended_paths = true;
	version.extended_paths = {...version.extended_paths, transform_headers: [{path: '/x', method: 'GET', delete_headers: [], add_headers: {'X-Api-Key': s.apiKey}}]};
	def.graphql = {...def.graphql, engine: {data_sources: [{name: 'ds', kind: 'REST', config: {url: 'http://gql.internal', headers: {Cookie: s.cookie}}}]}};
	def.hmac_secret = s.hmac;
}

function oasWith(doc: any, s: Secrets): void {
	const ext = doc['x-tyk-api-gateway'];
	ext.middleware = {...ext.middleware, global: {...ext.middleware?.global, transformRequestHeaders: {enabled: true, add: [{name: 'Authorization', value: `Basic ${s.oasHeader}`}]}}};
}

test.serial('secrets in headers, URLs, policy metadata and credential-named keys never reach diff, plan or JSON output', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const emulator = world.emulators['staging']!;
	const old = secretsOf('old');
	const fresh = secretsOf('new');
	const classic: any = structuredClone(emulator.store.listApis().find((entry) => !entry['oas'])!);
	const classicId = classic.api_definition.api_id;
	const oasId = (emulator.store.listApis().find((entry) => entry['oas']) as any).api_definition.api_id;
	const policies = await world.request('staging', 'GET', '/api/portal/policies?p=-1');
	const policy = policies.Data[0];

	const apply = async (s: Secrets) => {
		const wrapper = await world.request('staging', 'GET', `/api/apis/${classicId}`);
		classicWith(wrapper.api_definition, s);
		await world.request('staging', 'PUT', `/api/apis/${classicId}`, wrapper);
		const doc = await world.request('staging', 'GET', `/api/apis/oas/${oasId}`);
		oasWith(doc, s);
		await world.request('staging', 'PUT', `/api/apis/oas/${oasId}`, doc);
		const live = await world.request('staging', 'GET', `/api/portal/policies/${policy._id}`);
		live.meta_data = {api_token: s.meta, owner: 'team-a'};
		await world.request('staging', 'PUT', `/api/portal/policies/${policy._id}`, live);
	};
	await apply(old);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	await apply(fresh);

	const runs = {
		diff: await world.cli(['diff', 'staging']),
		full: await world.cli(['diff', 'staging', '--full']),
		json: await world.cli(['diff', 'staging', '--json']),
		plan: await world.cli(['publish', 'staging', '--dry-run']),
		planJson: await world.cli(['publish', 'staging', '--dry-run', '--json']),
	};
	t.is(runs.full.code, 2, runs.full.stderr);
	// Same-length secrets mask to the same text on both sides, so each rotated one is named instead.
	for (const path of [
		'global_headers.Authorization', 'add_headers.X-Api-Key', 'headers.Cookie', 'proxy.target_url', 'api_definition.hmac_secret',
		'transformRequestHeaders.add[0].value', 'meta_data.api_token',
	]) t.true(runs.full.stdout.includes(`${path}: secret changed (value masked)`), path);
	for (const [name, run] of Object.entries(runs)) {
		const text = run.stdout + run.stderr;
		for (const value of [...Object.values(old), ...Object.values(fresh)]) t.false(text.includes(value), `${value} appears in ${name}`);
	}
});
