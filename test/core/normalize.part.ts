import test from 'ava';
import {makeItem, type Kind} from '../../source/core/item.js';
import type {JsonObject, JsonValue} from '../../source/core/json.js';
import {canonicalJson} from '../../source/core/canonical.js';
import {countHidden, normalize} from '../../source/core/normalize.js';
import {changedPaths} from '../../source/core/changes.js';
import {PathSyntaxError} from '../../source/core/paths.js';
import {apiId, classicFile, classicLive, classicSparse, classicSparsePublished, oasFile, oasLive, oasId, policyLive, templateLive} from './fixtures.js';

function norm(kind: Kind, body: JsonObject, ignore?: Record<string, string[]>) {
	return normalize(makeItem(kind, body), {ignore});
}

function drift(kind: Kind, left: JsonObject, right: JsonObject): string[] {
	return changedPaths(norm(kind, left).value, norm(kind, right).value);
}

test('a Classic API dumped from one Dashboard compares equal to another Dashboard\'s copy', t => {
	t.deepEqual(drift('api', classicFile(), classicLive()), []);
});

test('a sparse Classic file equals what the Dashboard stores after publishing it', t => {
	t.deepEqual(drift('api', classicSparse(), classicSparsePublished()), []);
});

test('a Tyk OAS file equals the document GET returns (servers prepended, security [], ids, defaults, category order)', t => {
	t.deepEqual(drift('api', oasFile(), oasLive()), []);
});

test('a policy created with id = _id in one environment equals its copy with an explicit id elsewhere', t => {
	const copy = policyLive({_id: '6600aaaaaaaaaaaaaaaaaaaa', org_id: '6600bbbbbbbbbbbbbbbbbbbb', date_created: '2025-01-01T00:00:00Z',
		last_updated: '1735689600', auth_type: 'jwt', graphql_enabled: true, access_rights_array: []});
	t.deepEqual(drift('policy', policyLive(), copy), []);
});

test('a policy without id compares equal to one whose id was filled from _id', t => {
	const {id: _dropped, ...noId} = policyLive();
	t.deepEqual(drift('policy', noId, policyLive()), []);
	t.is((norm('policy', noId).value as JsonObject)['id'], '5ead7120575961000181867e');
});

test('policy smoothing null, meta_data {} and limit null equal absent', t => {
	const sparse = policyLive();
	delete sparse['smoothing'];
	delete sparse['meta_data'];
	const rights = (sparse['access_rights'] as JsonObject)[apiId] as JsonObject;
	delete rights['limit'];
	t.deepEqual(drift('policy', sparse, policyLive()), []);
});

test('a template compares equal across environments', t => {
	t.deepEqual(drift('template', templateLive(), templateLive({_id: '777777777777777777777777', org_id: 'x', last_updated: '2025-01-01T00:00:00Z'})), []);
});

test('real changes still show, with paths in the product notation', t => {
	const live = classicLive();
	const def = live['api_definition'] as JsonObject;
	(def['proxy'] as JsonObject)['target_url'] = 'http://orders-v2.internal:8080/';
	def['active'] = false;
	t.deepEqual(drift('api', classicFile(), live), ['api_definition.active', 'api_definition.proxy.target_url']);
	const oas = oasLive();
	const paths = (oas['oas'] as JsonObject)['paths'] as JsonObject;
	((paths['/items'] as JsonObject)['get'] as JsonObject)['summary'] = 'List items';
	t.deepEqual(drift('api', oasFile(), oas), ['oas.paths["/items"].get.summary']);
});

test('a user-chosen listen path or slug is kept; only the defaults are hidden', t => {
	const value = norm('api', classicLive()).value as JsonObject;
	const def = value['api_definition'] as JsonObject;
	t.is((def['proxy'] as JsonObject)['listen_path'], '/orders/');
	t.false('slug' in def);
	const custom = classicLive();
	(custom['api_definition'] as JsonObject)['slug'] = 'orders';
	t.is(((norm('api', custom).value as JsonObject)['api_definition'] as JsonObject)['slug'], 'orders');
});

test('server entries the user wrote are kept; only the leading Gateway entries go', t => {
	const body = oasLive();
	const doc = body['oas'] as JsonObject;
	doc['servers'] = [{url: 'http://gw-a/inventory/'}, {url: 'http://gw-b/inventory'}, {url: 'http://upstream/'}, {url: 'http://other/inventory/'}];
	const value = norm('api', body).value as JsonObject;
	t.deepEqual((value['oas'] as JsonObject)['servers'], [{url: 'http://upstream/'}, {url: 'http://other/inventory/'}]);
});

test('hidden fields are listed with reasons, and the ids and timestamps are among them', t => {
	const {hidden} = norm('api', classicLive());
	const paths = hidden.map(h => h.path);
	for (const path of ['api_definition.id', 'api_definition.org_id', 'created_at', 'updated_at', 'api_model', 'hook_references[0].hook.id',
		'api_definition.event_handlers.events.AuthFailure[0].handler_meta.webhook_id', 'api_definition.graphql.last_schema_update']) {
		t.true(paths.includes(path), path);
	}
	t.is(hidden.find(h => h.path === 'api_definition.id')?.value, '66596520c7f5720001b22558');
	const counts = countHidden(hidden);
	t.true(counts.server >= 10);
	t.true(counts.default > 20);
	t.is(counts.total, hidden.length);
	t.deepEqual(paths, [...paths].sort());
});

test('user ignore paths with wildcards remove fields per kind and are reported as ignored', t => {
	const live = classicLive();
	(live['api_definition'] as JsonObject)['tags'] = ['a', 'b'];
	const result = norm('api', live, {api: ['api_definition.tags', 'hook_references[*].hook.name', 'api_definition.version_data.versions.*.global_headers']});
	const def = (result.value as JsonObject)['api_definition'] as JsonObject;
	t.false('tags' in def);
	t.deepEqual(result.hidden.filter(h => h.reason === 'ignored').map(h => h.path),
		['api_definition.tags', 'api_definition.version_data.versions.Default.global_headers', 'hook_references[0].hook.name']);
	const policy = norm('policy', policyLive({meta_data: {owner: 'team-a'}}), {policy: ['meta_data.owner'], api: ['rate']});
	t.false('meta_data' in (policy.value as JsonObject));
	t.is((policy.value as JsonObject)['rate'], 1000);
});

test('ignored values that are secrets are masked in the hidden list', t => {
	const result = norm('api', classicLive(), {api: ['hook_references']});
	t.false(JSON.stringify(result.hidden).includes('hook-signing-secret-1234'));
});

test('a bad ignore path is rejected with a message naming it', t => {
	const error = t.throws(() => norm('api', classicLive(), {api: ['api_definition..tags']}), {instanceOf: PathSyntaxError});
	t.regex(error!.message, /api_definition\.\.tags/);
});

test('the canonical text of a normalised value has keys sorted at every level, 2-space indented', t => {
	const text = canonicalJson(norm('api', oasLive()).value, 2);
	t.true(text.startsWith('{\n  "categories": [\n    "logistics",\n    "retail"\n  ],\n  "oas": {\n    "info"'));
	t.is(canonicalJson({b: 1, a: {d: 2, c: [3, {f: 1, e: 2}]}}, 2), JSON.stringify({a: {c: [3, {e: 2, f: 1}], d: 2}, b: 1}, null, 2));
});

test('the input item is never modified', t => {
	const body = classicLive();
	const before = JSON.stringify(body);
	norm('api', body, {api: ['api_definition.tags']});
	t.is(JSON.stringify(body), before);
});

test('normalised OAS keeps its portable id and drops environment ids', t => {
	const value = norm('api', oasLive()).value as JsonObject;
	const info = ((value['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['info'] as JsonObject;
	t.deepEqual(info, {id: oasId, name: 'Inventory API', state: {active: true}});
});

// Property-style: normalise(normalise(x)) == normalise(x) over fixtures and seeded random perturbations.
function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const noise: JsonValue[] = [null, [], {}, '', 0, false, 'x', 7, true, {a: null}, [null], {b: []}];

function perturb(value: JsonValue, random: () => number, depth = 0): JsonValue {
	if (Array.isArray(value)) return value.map(v => perturb(v, random, depth + 1));
	if (value === null || typeof value !== 'object') return value;
	const out: JsonObject = {};
	for (const [key, child] of Object.entries(value)) {
		if (random() < 0.1) continue;
		out[key] = perturb(child, random, depth + 1);
	}
	if (random() < 0.3) out[`extra${Math.floor(random() * 5)}`] = noise[Math.floor(random() * noise.length)]!;
	return out;
}

const fixtures: Array<[Kind, () => JsonObject]> = [
	['api', classicLive], ['api', classicFile], ['api', classicSparse], ['api', classicSparsePublished],
	['api', oasLive], ['api', oasFile], ['policy', () => policyLive()], ['template', () => templateLive()],
];

test('normalising is idempotent (fixtures and 400 random perturbations)', t => {
	const random = rng(42);
	for (let round = 0; round < 50; round++) {
		for (const [kind, make] of fixtures) {
			const body = round === 0 ? make() : (perturb(make(), random) as JsonObject);
			const once = normalize(makeItem(kind, body), {ignore: {api: ['api_definition.tags'], policy: ['tags']}});
			const twice = normalize(makeItem(kind, once.value as JsonObject), {ignore: {api: ['api_definition.tags'], policy: ['tags']}});
			t.is(canonicalJson(twice.value, 2), canonicalJson(once.value, 2));
			t.deepEqual(twice.hidden, []);
			t.is(twice.hiddenCount, 0);
			const bare = normalize(makeItem(kind, body), {ignore: {api: ['api_definition.tags'], policy: ['tags']}, hidden: 'none'});
			t.is(canonicalJson(bare.value), canonicalJson(once.value), 'every mode gives the same value');
		}
	}
});

test('a policy file without state equals the Dashboard copy that got the default state "active"; draft still differs', t => {
	const file = {id: 'gold', name: 'Gold', org_id: 'o', rate: 10, per: 1};
	const live = {...file, _id: '5ead7120575961000181867e', state: 'active'};
	const value = (body: JsonObject) => normalize(makeItem('policy', body)).value;
	t.deepEqual(changedPaths(value(file), value(live)), []);
	t.deepEqual(changedPaths(value(file), value({...live, state: 'draft'})), ['state']);
});

test('API owners are Dashboard user IDs: hidden (listed, with their values), so an OAS API with owners in Git equals its live copy without them', t => {
	const owners = {user_owners: ['5e9d9544a1dcd60001d0ed30'], user_group_owners: ['5e9d9544a1dcd60001d0ed31']};
	t.deepEqual(drift('api', {...oasFile(), ...owners}, oasLive()), []);
	t.deepEqual(drift('api', {...classicFile(), ...owners}, classicLive()), []);
	const {hidden} = norm('api', {...oasFile(), ...owners});
	t.like(hidden.find(h => h.path === 'user_owners'), {reason: 'server', value: ['5e9d9544a1dcd60001d0ed30']});
	t.truthy(hidden.find(h => h.path === 'user_group_owners'));
});
