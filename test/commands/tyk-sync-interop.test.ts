import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld, writeFiles} from '../helpers/world.js';

const orgId = '5e9d9544a1dcd60001d0ed20';

/** A Classic definition with the fields tyk-sync 1.5 writes for a simple keyless API (abridged). */
function classicDefinition(apiId: string, dbId: string, name: string, listenPath: string, target: string): Record<string, unknown> {
	return {
		id: dbId, name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), api_id: apiId, org_id: orgId,
		use_keyless: true, use_oauth2: false, use_basic_auth: false, enable_jwt: false, use_standard_auth: false,
		enable_signature_checking: false, active: true, internal: false, tags: [],
		auth: {auth_header_name: 'Authorization'},
		definition: {location: 'header', key: 'x-api-version', strip_path: false},
		version_data: {not_versioned: true, default_version: '', versions: {Default: {name: 'Default', use_extended_paths: true, extended_paths: {}}}},
		proxy: {preserve_host_header: false, listen_path: listenPath, target_url: target, strip_listen_path: true},
		CORS: {enable: false, allowed_origins: [], allowed_methods: [], allowed_headers: []},
		config_data: {}, custom_middleware_bundle: '', domain: '',
	};
}

const files = {
	'.tyk.json': {
		type: 'apidef',
		files: [
			{file: 'api-1b2c3d4e5f60718293a4b5c6d7e8f901.json', oas: {}},
			{file: 'apis/legacy-bare.json', oas: {}},
			{file: 'oas-4f5e6d7c8b9a0112233445566778899a.json', oas: {}},
		],
		policies: [{file: 'policy-gold-tier.json'}],
		assets: [{file: 'asset-base-template.json'}],
	},
	// Classic, wrapped as tyk-sync 1.5 dumps it.
	'api-1b2c3d4e5f60718293a4b5c6d7e8f901.json': {
		api_definition: classicDefinition('1b2c3d4e5f60718293a4b5c6d7e8f901', '6650a1b2c3d4e5f601234567', 'Payments #finance', '/payments/', 'http://payments.internal:8080/'),
		hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	},
	// Classic, bare (tyk-sync 1.0 style), in a sub-folder.
	'apis/legacy-bare.json': classicDefinition('9f8e7d6c5b4a39281706f5e4d3c2b1a0', '', 'Legacy Bare', '/legacy/', 'http://legacy.internal:8081/'),
	// Tyk OAS with categories.
	'oas-4f5e6d7c8b9a0112233445566778899a.json': {
		oas: {
			openapi: '3.0.3', info: {title: 'Orders', version: '1.0.0'}, components: {},
			paths: {'/orders': {get: {operationId: 'ordersget', responses: {200: {description: 'ok'}}}}},
			'x-tyk-api-gateway': {
				info: {dbId: '6650a1b2c3d4e5f601234568', id: '4f5e6d7c8b9a0112233445566778899a', name: 'Orders', orgId, state: {active: true}},
				server: {listenPath: {value: '/orders/', strip: true}},
				upstream: {url: 'http://orders.internal:8082/'},
			},
		},
		categories: ['retail', 'v1'], hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	},
	// Policy with a custom portable id, granting the wrapped Classic API.
	'policy-gold-tier.json': {
		_id: '6650a1b2c3d4e5f601234569', id: 'gold-tier', name: 'Gold', org_id: orgId, rate: 100, per: 1,
		quota_max: 10000, quota_renewal_rate: 3600, throttle_interval: -1, throttle_retry_limit: -1, max_query_depth: -1,
		access_rights: {
			'1b2c3d4e5f60718293a4b5c6d7e8f901': {api_id: '1b2c3d4e5f60718293a4b5c6d7e8f901', api_name: 'Payments #finance', versions: ['Default'], allowed_urls: [], limit: null},
		},
		hmac_enabled: false, active: true, is_inactive: false, state: 'active', tags: ['gold'], key_expires_in: 0,
		partitions: {quota: false, rate_limit: false, complexity: false, acl: false, per_api: false},
		meta_data: {}, last_updated: '1714557600',
	},
	// API template (asset).
	'asset-base-template.json': {
		_id: '6650a1b2c3d4e5f60123456a', id: 'base-template', name: 'Base', org_id: orgId, description: 'cache defaults',
		kind: 'oas-template',
		data: {openapi: '3.0.3', info: {title: 't', version: '1'}, paths: {}, 'x-tyk-api-gateway': {middleware: {global: {cache: {enabled: true, timeout: 5}}}}},
		last_updated: '2024-05-22T06:00:00Z',
	},
};

test('a tyk-sync layout published into an empty Dashboard and dumped into a new repo shows no drift', async (t) => {
	const world = await makeWorld(t, [{name: 'staging'}]);
	writeFiles(world.repo, files);
	world.git(['add', '-A']);
	world.git(['commit', '-q', '-m', 'tyk-sync dump']);
	const outputs: string[] = [];

	const before = await world.json(['diff', 'staging']);
	outputs.push(before.stdout, before.stderr);
	t.is(before.code, 2, before.stderr);
	t.like(before.data.summary, {total: 5, 'only-in-git': 5, invalid: 0});

	const published = await world.json(['publish', 'staging']);
	outputs.push(published.stdout, published.stderr);
	t.is(published.code, 0, published.stdout + published.stderr);
	const order = published.data.results.map((r: any) => `${r.kind}:${r.id}:${r.action}:${r.status}`);
	t.deepEqual(order, [
		'policy:gold-tier:create:applied',
		...order.filter((line: string) => line.startsWith('api:')),
		'template:base-template:create:applied',
	]);
	t.is(order.filter((line: string) => /^api:.*:create:applied$/.test(line)).length, 3);
	const store = world.emulators['staging']!.store;
	t.is(store.listApis().length, 3);
	t.deepEqual(store.listPolicies().map((policy) => policy['id']), ['gold-tier']);
	t.deepEqual(store.listTemplates().map((asset) => asset['id']), ['base-template']);

	const samePublished = await world.cli(['diff', 'staging']);
	outputs.push(samePublished.stdout, samePublished.stderr);
	t.is(samePublished.code, 0, samePublished.stdout);

	// Dump into a brand-new repository (`--repo` points every environment at it), then compare that with live.
	const copy = join(world.root, 'copy');
	mkdirSync(copy);
	world.git(['init', '-q', '-b', 'main'], copy);
	const dumped = await world.cli(['dump', 'staging', '--repo', copy]);
	outputs.push(dumped.stdout, dumped.stderr);
	t.is(dumped.code, 0, dumped.stdout + dumped.stderr);
	const diff = await world.json(['diff', 'staging', '--repo', copy]);
	outputs.push(diff.stdout, diff.stderr);
	t.is(diff.code, 0, diff.stdout);
	t.like(diff.data.summary, {total: 5, unchanged: 5});
	t.is(diff.data.source.repo, copy);
	const index = JSON.parse(world.git(['show', 'main:.tyk.json'], copy));
	t.is(index.type, 'apidef');
	t.is(index.files.length, 3);
	t.is(index.policies.length, 1);
	t.is(index.assets.length, 1);

	// The policy's snapshot from before the publish is "did not exist": rolling back to it plans a delete of it alone.
	const history = await world.json(['history', 'staging', '--id', 'gold-tier']);
	outputs.push(history.stdout, history.stderr);
	t.is(history.code, 0, history.stderr);
	t.is(history.data.kind, 'policy');
	const beforePublish = history.data.snapshots.find((s: any) => s.operation === published.data.operation);
	t.truthy(beforePublish);
	const rollback = await world.json(['rollback', 'staging', '--id', 'gold-tier', '--snapshot', beforePublish.id, '--dry-run']);
	outputs.push(rollback.stdout, rollback.stderr);
	t.is(rollback.code, 0, rollback.stderr);
	t.deepEqual(rollback.data.steps.map((step: any) => [step.kind, step.id, step.action]), [['policy', 'gold-tier', 'delete']]);

	// `undo` (default: the last Dashboard write, not the dump since) deletes what the publish created, templates first.
	const undone = await world.json(['undo', 'staging']);
	outputs.push(undone.stdout, undone.stderr);
	t.is(undone.code, 0, undone.stdout + undone.stderr);
	t.is(undone.data.direction, 'undo');
	const deletes = undone.data.results.map((r: any) => `${r.kind}:${r.action}:${r.status}`);
	t.deepEqual(deletes, [
		'template:delete:applied', 'api:delete:applied', 'api:delete:applied', 'api:delete:applied', 'policy:delete:applied',
	]);
	t.is(store.listApis().length + store.listPolicies().length + store.listTemplates().length, 0);

	assertNoSecrets(t, world, [...outputs, world.stateText()]);
});

/** A Classic file as tyk-sync 1.2–1.4 wrote it: the definition beside an empty OAS placeholder. */
function legacyClassic(apiId: string, name: string, listenPath: string): Record<string, unknown> {
	const definition = classicDefinition(apiId, '', name, listenPath, 'http://httpbin.org/');
	// Real 1.2–1.4 files: a version that does not say use_extended_paths.
	definition['version_data'] = {not_versioned: true, default_version: '', versions: {Default: {name: 'Default'}}};
	return {
		api_definition: definition, hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
		oas: {components: {}, info: {contact: {}, title: '', version: ''}, openapi: '', paths: {}},
	};
}

const legacyFiles = {
	'tyk/.tyk.json': {
		type: 'apidef',
		files: [
			{file: 'api-aa11.json', oas: {}},
			{file: 'api-bb22.json', oas: {}},
			{file: './api-aa11.json', oas: {}},
			{file: 'apis/notifications.json'},
		],
		policies: [{file: 'policy-basic.json'}],
		assets: [{file: 'asset-tpl.json'}],
	},
	'tyk/api-aa11.json': legacyClassic('aa11', 'Weather', '/weather/'),
	'tyk/api-bb22.json': legacyClassic('bb22', 'Httpbin', '/httpbin/'),
	// A bare Tyk OAS document, as Tyk's own repositories keep them.
	'tyk/apis/notifications.json': {
		openapi: '3.0.3', info: {title: 'Notifications', version: '1.0.0'}, paths: {}, components: {},
		'x-tyk-api-gateway': {info: {id: 'notifications', name: 'Notifications', state: {active: true}}, upstream: {url: 'http://notify.internal/'}, server: {listenPath: {value: '/notify/', strip: true}}},
	},
	// A policy without throttle or query-depth fields, and a template tyk-sync backed up with an empty org_id.
	'tyk/policy-basic.json': {id: 'basic', name: 'Basic', org_id: orgId, rate: 10, per: 1, active: true, access_rights: {aa11: {api_id: 'aa11', api_name: 'Weather', versions: ['Default']}}},
	'tyk/asset-tpl.json': {id: 'tpl', name: 'Template', org_id: '', kind: 'oas-template', data: {openapi: '3.0.3', info: {title: 't', version: '1'}, paths: {}}},
};

test('a tyk-sync 1.2–1.4 repository reads whole, publishes with zero drift, dumps in the 1.5 shape (bare files stay bare); a wrong --dir names the right one', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', git: {dir: 'tyk'}}]);
	writeFiles(world.repo, legacyFiles);
	world.git(['add', '-A']);
	world.git(['commit', '-q', '-m', 'tyk-sync 1.4 backup']);

	const before = await world.json(['diff', 'staging']);
	t.is(before.code, 2, before.stderr);
	t.like(before.data.summary, {total: 5, 'only-in-git': 5, invalid: 0, conflict: 0});
	t.deepEqual(before.data.notes, [
		'api-aa11.json is listed 2 times in .tyk.json (files[0], files[2]); read as one item',
		"asset-tpl.json: API template without org_id (tyk-sync 1.5 refuses to load it); tyk-console publishes it with the target's organisation",
	]);
	t.deepEqual(before.data.items.map((item: any) => `${item.kind}/${item.flavor ?? ''}/${item.id}`).sort(), ['api/classic/aa11', 'api/classic/bb22', 'api/oas/notifications', 'policy//basic', 'template//tpl']);

	const published = await world.json(['publish', 'staging']);
	t.is(published.code, 0, published.stdout + published.stderr);
	t.true(published.data.results.every((result: any) => result.status === 'applied' && result.verified), published.stdout);
	const stored = world.emulators['staging']!.store.listTemplates()[0]!;
	t.is(stored['org_id'], orgId, 'the emulator stamped its organisation');
	const after = await world.json(['diff', 'staging']);
	t.is(after.code, 0, after.stdout);
	t.like(after.data.summary, {total: 5, unchanged: 5});

	// A change on the Dashboard, dumped: the Classic file loses its placeholder, the bare document stays bare.
	await world.request('staging', 'PUT', '/api/apis/oas/notifications', {
		...(legacyFiles['tyk/apis/notifications.json'] as object), info: {title: 'Notifications v2', version: '1.0.0'},
	});
	const weather = await world.request('staging', 'GET', '/api/apis/aa11');
	weather.api_definition.proxy.target_url = 'http://weather.internal/';
	await world.request('staging', 'PUT', '/api/apis/aa11', weather);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stdout + dumped.stderr);
	const classic = JSON.parse(world.git(['show', 'main:tyk/api-aa11.json']));
	t.false('oas' in classic);
	t.is(classic.api_definition.proxy.target_url, 'http://weather.internal/');
	const bare = JSON.parse(world.git(['show', 'main:tyk/apis/notifications.json']));
	t.is(bare.info.title, 'Notifications v2');
	t.false('oas' in bare);
	t.is((await world.cli(['diff', 'staging'])).code, 0);

	const wrongDir = await world.cli(['diff', 'staging', '--dir', 'tyk-sync']);
	t.is(wrongDir.code, 1);
	t.regex(wrongDir.stderr, /no \.tyk\.json found in .* at main \([0-9a-f]{7}\) under directory tyk-sync; directories that hold one: tyk \(did you mean --dir tyk\?/);
	const history = await world.cli(['history', 'staging', '--id', 'aa11', '--dir', 'nope']);
	t.is(history.code, 1);
	t.regex(history.stderr, /no \.tyk\.json found .* under directory nope/);
});
