import type {JsonObject} from '../core/json.js';
import {versionDefaults} from './classic-defaults.js';
import {createPrng, prngHex} from './ids.js';
import {categories, nouns, suffixes, tiers} from './seed-words.js';
import type {EmulatorStore} from './store.js';

/** How much seed data to make; policies and templates default to about N/2 and 3. */
export interface SeedCounts {
	readonly apis: number;
	readonly policies?: number;
	readonly templates?: number;
}

interface Rng {
	next: () => number;
	pick: <T>(list: readonly T[]) => T;
	int: (min: number, max: number) => number;
	hex: (length: number) => string;
}

function rng(seed: number): Rng {
	const next = createPrng(seed);
	return {
		next,
		pick: (list) => list[Math.floor(next() * list.length)]!,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		hex: (length) => prngHex(next, length),
	};
}

const base = Date.UTC(2024, 0, 1);

function stamp(index: number, r: Rng): string {
	return new Date(base + index * 3_600_000 + r.int(0, 3_599) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function slug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const authKinds = ['keyless', 'authToken', 'jwt', 'hmac', 'authToken', 'basic'] as const;

function classicWrapper(index: number, r: Rng, orgId: string): JsonObject {
	const noun = r.pick(nouns);
	const title = `${noun} ${r.pick(suffixes)} ${index + 1}`;
	const tags = r.next() < 0.4 ? [r.pick(categories)] : [];
	if (r.next() < 0.15) tags.push(r.pick(categories));
	const name = [title, ...new Set(tags).values()].join(' #');
	const auth = authKinds[Math.floor(index / 2) % authKinds.length]!;
	const apiId = r.hex(32);
	const def: JsonObject = {
		id: r.hex(24), name, slug: slug(title), api_id: apiId, org_id: orgId, active: r.next() > 0.1,
		use_keyless: auth === 'keyless', use_standard_auth: auth === 'authToken', enable_jwt: auth === 'jwt',
		enable_signature_checking: auth === 'hmac', use_basic_auth: auth === 'basic',
		proxy: {listen_path: `/${slug(title)}/`, target_url: `http://${slug(noun)}.internal:${r.int(8000, 9099)}/`, strip_listen_path: true},
		tags: r.next() < 0.3 ? ['edge'] : [],
	};
	if (auth === 'jwt') {
		Object.assign(def, {jwt_signing_method: 'hmac', jwt_source: Buffer.from(`jwt-secret-${r.hex(16)}`).toString('base64'), jwt_identity_base_field: 'sub', jwt_policy_field_name: 'pol'});
	}
	if (auth === 'hmac') Object.assign(def, {hmac_allowed_algorithms: ['hmac-sha256'], hmac_allowed_clock_skew: 1000});
	if (r.next() < 0.2) {
		def['upstream_auth'] = {enabled: true, basic_auth: {username: `svc-${slug(noun)}`, password: `pw-${r.hex(20)}`, header: {enabled: false, name: ''}}};
	}
	if (r.next() < 0.2) def['config_data'] = {region: r.pick(['eu-west-1', 'us-east-1']), api_token: `tok_${r.hex(24)}`};
	if (r.next() < 0.25) {
		def['definition'] = {enabled: true, location: 'header', key: 'x-api-version', default: 'v1'};
		def['version_data'] = {not_versioned: false, default_version: 'v1', versions: {v1: {...versionDefaults('v1'), use_extended_paths: true}, v2: {...versionDefaults('v2'), use_extended_paths: true}}};
	}
	const created = stamp(index, r);
	return {api_model: {}, api_definition: def, hook_references: [], created_at: created, updated_at: created};
}

function oasWrapper(index: number, r: Rng): JsonObject {
	const noun = r.pick(nouns);
	const title = `${noun} ${r.pick(suffixes)} ${index + 1}`;
	const path = `/${slug(noun)}`;
	const secured = r.next() < 0.6;
	const paths: JsonObject = {
		[path]: {get: {operationId: `${slug(noun)}get`, responses: {'200': {description: 'OK'}}}},
		[`${path}/{id}`]: {get: {operationId: `${slug(noun)}idget`, parameters: [{name: 'id', in: 'path', required: true, schema: {type: 'string'}}], responses: {'200': {description: 'OK'}, '404': {description: 'Not found'}}}},
	};
	if (r.next() < 0.5) paths[path] = {...(paths[path] as JsonObject), post: {operationId: `${slug(noun)}post`, responses: {'201': {description: 'Created'}}}};
	const apiId = r.hex(32);
	const dbId = r.hex(24);
	const server: JsonObject = {listenPath: {value: `/${slug(title)}/`, strip: true}};
	if (secured) server['authentication'] = {enabled: true, securitySchemes: {authToken: {enabled: true}}};
	const doc: JsonObject = {
		openapi: '3.0.3',
		info: {title, version: '1.0.0'},
		servers: [{url: `http://${slug(noun)}.internal:8080`}],
		security: secured ? [{authToken: []}] : [],
		paths,
		components: {securitySchemes: secured ? {authToken: {type: 'apiKey', in: 'header', name: 'Authorization'}} : {}},
		'x-tyk-api-gateway': {
			info: {id: apiId, dbId, name: title, state: {active: r.next() > 0.1, internal: false}},
			upstream: {url: `http://${slug(noun)}.internal:8080`},
			server,
			middleware: {
				global: {trafficLogs: {enabled: true}, contextVariables: {enabled: r.next() < 0.5}},
				operations: {[`${slug(noun)}get`]: {trackEndpoint: {enabled: true}}},
			},
		},
	};
	const created = stamp(index, r);
	const labels = r.next() < 0.6 ? [...new Set([r.pick(categories), r.pick(categories)])] : [];
	return {
		api_model: {}, api_definition: {id: dbId, api_id: apiId, name: title, is_oas: true},
		hook_references: [], categories: labels, created_at: created, updated_at: created, oas: doc,
	};
}

function policy(index: number, r: Rng, apis: ReadonlyArray<{id: string; name: string}>, orgId: string): JsonObject {
	const dbId = r.hex(24);
	const rights: JsonObject = {};
	const count = Math.min(apis.length, r.int(1, 3));
	for (let k = 0; k < count; k++) {
		const api = apis[r.int(0, apis.length - 1)]!;
		rights[api.id] = {api_id: api.id, api_name: api.name, versions: ['Default'], allowed_urls: [], limit: null};
	}
	const created = new Date(base + index * 7_200_000 + r.int(0, 999)).toISOString();
	return {
		_id: dbId, id: r.next() < 0.5 ? `policy-${index + 1}` : dbId, name: `${r.pick(tiers)} Plan ${index + 1}`, org_id: orgId,
		rate: r.pick([10, 100, 1000]), per: r.pick([1, 60]), quota_max: r.pick([-1, 10_000, 100_000]), quota_renewal_rate: 3600,
		throttle_interval: -1, throttle_retry_limit: -1, max_query_depth: -1, access_rights: rights, active: true,
		tags: r.next() < 0.3 ? ['seeded'] : [], key_expires_in: r.pick([0, 86_400]),
		partitions: {quota: false, rate_limit: false, complexity: false, acl: false, per_api: false},
		date_created: created, last_updated: String(Math.floor(Date.parse(created) / 1000)), meta_data: {}, smoothing: null,
	};
}

function template(index: number, r: Rng): JsonObject {
	const name = ['CORS defaults', 'Rate limited', 'Token auth', 'Health check', 'Tracing'][index % 5]!;
	return {
		_id: r.hex(24), id: `tpl-${slug(name)}-${index + 1}`, kind: 'oas-template', name: `${name} ${index + 1}`,
		description: `Seeded template: ${name.toLowerCase()}`,
		data: {
			info: {title: name, version: '1.0.0'},
			paths: {'/health': {get: {operationId: 'healthget', responses: {'200': {description: 'OK'}}}}},
			components: {securitySchemes: {authToken: {type: 'apiKey', in: 'header', name: 'Authorization'}}},
			'x-tyk-api-gateway': {middleware: {global: {cors: {enabled: true, allowedOrigins: ['*']}, trafficLogs: {enabled: true}}}},
		},
	};
}

/**
 * Fills the store with deterministic, realistic data: the same counts always give the same APIs, ids,
 * policies and templates, so demos and benchmarks are repeatable. Linear in the counts.
 */
export function seedStore(store: EmulatorStore, counts: SeedCounts): void {
	const r = rng(0x5eed + counts.apis * 31 + (counts.policies ?? -1) * 7 + (counts.templates ?? -1));
	const orgId = store.ctx.orgId;
	const wrappers: JsonObject[] = [];
	const refs: Array<{id: string; name: string}> = [];
	for (let i = 0; i < counts.apis; i++) {
		const wrapper = i % 2 === 0 ? classicWrapper(i, r, orgId) : oasWrapper(i, r);
		const def = wrapper['api_definition'] as JsonObject;
		refs.push({id: String(def['api_id']), name: String(def['name'])});
		wrappers.push(wrapper);
	}
	store.importApis(wrappers);
	const policyCount = counts.policies ?? Math.ceil(counts.apis / 2);
	if (refs.length > 0) store.importPolicies(Array.from({length: policyCount}, (_, i) => policy(i, r, refs, orgId)));
	const templateCount = counts.templates ?? (counts.apis > 0 ? 3 : 0);
	for (let i = 0; i < templateCount; i++) store.addTemplate(template(i, r));
}
