import type {JsonObject} from '../../source/core/json.js';

/**
 * Realistic payloads written for these tests, shaped after real Dashboard exports and the contract examples:
 * the same objects as a Dashboard returns them (ids, org, timestamps, defaults) and as a tyk-sync file holds them.
 */

export const apiId = '3c7e2f0a9b8d4e1f8a6b5c4d3e2f1a0b';
export const oasId = '9f1e2d3c4b5a69788796a5b4c3d2e1f0';

/** Zero-valued Classic fields the Dashboard fills in on every save. */
function classicDefaults(): JsonObject {
	return {
		listen_port: 0, protocol: '', enable_proxy_protocol: false, use_keyless: false, use_oauth2: false,
		external_oauth: {enabled: false, providers: []}, use_openid: false,
		openid_options: {providers: [], segregate_by_client: false},
		auth: {name: '', use_param: false, param_name: '', use_cookie: false, cookie_name: '', disable_header: false,
			auth_header_name: 'Authorization', use_certificate: false, validate_signature: false,
			signature: {algorithm: '', header: '', use_param: false, param_name: '', secret: '', allowed_clock_skew: 0, error_code: 0, error_message: ''}},
		basic_auth: {disable_caching: false, cache_ttl: 0, extract_from_body: false, body_user_regexp: '', body_password_regexp: ''},
		use_mutual_tls_auth: false, client_certificates: [], upstream_certificates: {}, pinned_public_keys: {},
		enable_jwt: false, jwt_source: '', jwt_default_policies: [], notifications: {shared_secret: '', oauth_on_keychange_url: ''},
		request_signing: {is_enabled: false, secret: '', key_id: '', algorithm: '', header_list: [], certificate_id: '', signature_header: ''},
		custom_middleware: {pre: [], post: [], post_key_auth: [], response: [], driver: '',
			auth_check: {name: '', path: '', require_session: false, raw_body_only: false}},
		cache_options: {cache_timeout: 60, enable_cache: false, cache_all_safe_requests: false, cache_response_codes: [], cache_by_headers: []},
		internal: false, enable_ip_whitelisting: false, allowed_ips: [], domain: '', certificates: [], do_not_track: false,
		tags: [], enable_context_vars: false, config_data: {}, tag_headers: [], global_rate_limit: {rate: 0, per: 0},
		upstream_auth: {enabled: false, basic_auth: {username: '', password: '', header: {enabled: false, name: ''}}},
		is_oas: false,
	};
}

/** A Classic API as `GET /api/apis/{id}` returns it in one environment. */
export function classicLive(env: {dbId: string; orgId: string; hookId: string} = {dbId: '66596520c7f5720001b22558', orgId: '664a14650619d40001f1f00f', hookId: '66596520c7f5720001b22599'}): JsonObject {
	const {is_oas: _omitted, ...defaults} = classicDefaults();
	return {
		api_model: {},
		api_definition: {
			id: env.dbId, name: 'Orders API #billing #internal', slug: 'orders-api', api_id: apiId, org_id: env.orgId,
			...defaults,
			use_standard_auth: true,
			auth_configs: {authToken: {auth_header_name: 'Authorization', use_param: false}},
			definition: {enabled: false, name: '', default: '', location: 'header', key: 'x-api-version', versions: {}},
			version_data: {not_versioned: true, default_version: '', versions: {Default: {name: 'Default', expires: '',
				paths: {ignored: [], white_list: [], black_list: []}, use_extended_paths: true, extended_paths: {},
				global_headers: {'X-Team': 'orders'}, global_headers_remove: []}}},
			proxy: {preserve_host_header: false, listen_path: '/orders/', target_url: 'http://orders.internal:8080/',
				strip_listen_path: true, target_list: []},
			active: true,
			event_handlers: {events: {AuthFailure: [{handler_name: 'eh_web_hook_handler', handler_meta: {
				api_model: {}, event_timeout: 60, header_map: {'X-Signature': 'hook-signing-secret-1234'}, id: env.hookId,
				method: 'POST', name: 'Alerts', org_id: env.orgId, target_path: 'http://alerts.internal/hook', template_path: '', webhook_id: env.hookId}}]}},
			config_data: {region: 'eu', api_key: 'cfg-key-abcdef0123456789'},
			graphql: {enabled: false, execution_mode: '', schema: '', playground: {enabled: false, path: ''}, last_schema_update: '2024-06-03T09:12:44.123Z'},
		},
		hook_references: [{event_name: 'AuthFailure', event_timeout: 60, hook: {api_model: {}, id: env.hookId, org_id: env.orgId,
			name: 'Alerts', method: 'POST', target_path: 'http://alerts.internal/hook', template_path: '',
			header_map: {'X-Signature': 'hook-signing-secret-1234'}, event_timeout: 60}}],
		is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
		created_at: '2024-05-31T05:51:28Z', updated_at: '2024-06-03T09:12:44Z', is_streams: false,
	};
}

/** The same Classic API as a tyk-sync dump from another environment stores it (its ids, no timestamps, `is_oas:false`). */
export function classicFile(): JsonObject {
	const live = classicLive({dbId: '5e9d9544a1dcd60001d0ed21', orgId: '5e9d9544a1dcd60001d0ed20', hookId: '000000000000000000000000'});
	const {api_model: _a, created_at: _c, updated_at: _u, is_streams: _s, ...file} = live;
	const def: JsonObject = {...(file['api_definition'] as JsonObject), is_oas: false};
	delete def['graphql'];
	return {...file, api_definition: {...def, graphql: {enabled: false, execution_mode: '', schema: '', playground: {enabled: false, path: ''}}}, user_group_owners: null, user_owners: null};
}

/** A hand-written sparse Classic file (as a user keeps it in Git) before any Dashboard saw it. */
export function classicSparse(): JsonObject {
	return {api_definition: {name: 'Orders API #billing #internal', api_id: apiId, use_standard_auth: true, active: true,
		auth: {auth_header_name: 'Authorization'}, proxy: {target_url: 'http://orders.internal:8080/', strip_listen_path: true}}};
}

/** What the Dashboard stores for classicSparse after a create: defaults, `/<api_id>/` listen path, derived slug. */
export function classicSparsePublished(): JsonObject {
	return {
		api_model: {},
		api_definition: {...classicDefaults(), id: '6659aaaaaaaaaaaaaaaaaaaa', org_id: '664a14650619d40001f1f00f',
			name: 'Orders API #billing #internal', slug: 'orders-api', api_id: apiId, use_standard_auth: true, active: true,
			auth: {...(classicDefaults()['auth'] as JsonObject)},
			proxy: {preserve_host_header: false, listen_path: `/${apiId}/`, target_url: 'http://orders.internal:8080/', strip_listen_path: true, target_list: []},
			event_handlers: {events: {}}},
		hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
		created_at: '2024-07-01T10:00:00Z', updated_at: '2024-07-01T10:00:00Z',
	};
}

/** The Tyk OAS document a user keeps in Git (no server additions). */
export function oasDoc(): JsonObject {
	return {
		openapi: '3.0.3',
		info: {title: 'Inventory API', version: '1.0.0'},
		servers: [{url: 'http://inventory.internal:8080'}],
		paths: {'/items': {get: {operationId: 'itemsget', responses: {200: {description: 'OK'}}}},
			'/items/{id}': {delete: {operationId: 'items/{id}delete', responses: {204: {description: 'gone'}}}}},
		'x-tyk-api-gateway': {
			info: {id: oasId, name: 'Inventory API', state: {active: true}},
			upstream: {url: 'http://inventory.internal:8080',
				authentication: {enabled: true, basicAuth: {enabled: true, username: 'svc', password: 'upstream-pass-9f8e7d'}}},
			server: {listenPath: {value: '/inventory/', strip: true},
				eventHandlers: [{enabled: true, trigger: 'AuthFailure', type: 'webhook', url: 'http://alerts.internal', method: 'POST',
					headers: [{name: 'X-Token', value: 'oas-hook-token-5566'}]}]},
			middleware: {global: {trafficLogs: {enabled: true}, cache: {enabled: true, timeout: 60}},
				operations: {itemsget: {trackEndpoint: {enabled: true}}}},
		},
	};
}

/** The tyk-sync file for oasDoc: `{oas, categories, ...envelope}`. */
export function oasFile(): JsonObject {
	const doc = oasDoc();
	const tyk = doc['x-tyk-api-gateway'] as JsonObject;
	(tyk['info'] as JsonObject)['dbId'] = '5e9d9544a1dcd60001d0ed22';
	(tyk['info'] as JsonObject)['orgId'] = '5e9d9544a1dcd60001d0ed20';
	return {oas: doc, categories: ['logistics', 'retail'], hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: []};
}

/** The same API as `GET /api/apis/oas/{id}` returns it after a publish, wrapped as the client does (`{oas, categories}`). */
export function oasLive(): JsonObject {
	const doc = oasDoc();
	const tyk = doc['x-tyk-api-gateway'] as JsonObject;
	tyk['info'] = {dbId: '65e98ca5cb71918520ff6616', orgId: '65d635966ec69461e0e7ee52', ...(tyk['info'] as JsonObject)};
	const middleware = tyk['middleware'] as JsonObject;
	(middleware['global'] as JsonObject)['cache'] = {enabled: true, timeout: 60, cacheResponseCodes: [], cacheByHeaders: []};
	const reordered: JsonObject = {
		'x-tyk-api-gateway': tyk, components: {securitySchemes: {}}, security: [],
		servers: [{url: 'http://localhost:8080/inventory/'}, ...(doc['servers'] as JsonObject[])],
		paths: doc['paths']!, openapi: '3.0.3', info: doc['info']!,
	};
	return {oas: reordered, categories: ['retail', 'logistics', 'retail']};
}

/** A policy as `GET /api/portal/policies/{id}` returns it in the environment it was created in (`id` = `_id`). */
export function policyLive(overrides: JsonObject = {}): JsonObject {
	const rights = {api_name: 'Orders API', api_id: apiId, versions: ['Default'], allowed_urls: [], restricted_types: [],
		allowed_types: [], disable_introspection: false, limit: null, field_access_rights: [], allowance_scope: ''};
	return {
		auth_type: 'authToken', auth_types: ['authToken'], state: 'active', access_rights_array: [rights], graphql_enabled: false,
		_id: '5ead7120575961000181867e', id: '5ead7120575961000181867e', name: 'Orders Gold', org_id: '5e9d9544a1dcd60001d0ed20',
		rate: 1000, per: 60, quota_max: -1, quota_renewal_rate: 3600, throttle_interval: 0, throttle_retry_limit: 0,
		max_query_depth: 0, access_rights: {[apiId]: rights}, hmac_enabled: false, active: true, is_inactive: false,
		date_created: '2024-05-27T10:24:31.099Z', tags: ['gold'], key_expires_in: 0,
		partitions: {quota: false, rate_limit: false, complexity: false, acl: false, per_api: false},
		last_updated: '1716980105', meta_data: {}, smoothing: null, ...overrides,
	};
}

/** An API template (asset) as the Dashboard returns it. */
export function templateLive(overrides: JsonObject = {}): JsonObject {
	return {
		_id: '664d86e35715ec0d370bbe11', id: 'cache-defaults', name: 'Cache defaults', org_id: '5e9d9544a1dcd60001d0ed20',
		description: 'cache defaults', kind: 'oas-template',
		data: {openapi: '3.0.3', info: {title: 't', version: '1'}, paths: {},
			'x-tyk-api-gateway': {middleware: {global: {cache: {enabled: true, timeout: 5}}}}},
		last_updated: '2024-05-22T06:00:00.123456789+00:00', ...overrides,
	};
}
