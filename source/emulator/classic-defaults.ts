import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';

/**
 * Zero-valued Tyk Classic fields the Dashboard adds on save. A sparse POST must read back in full, like a real
 * Dashboard, so clients that diff against server output see realistic noise (contract §10, §11.1).
 */

function authBlock(): JsonObject {
	return {
		name: '', use_param: false, param_name: '', use_cookie: false, cookie_name: '', disable_header: false,
		auth_header_name: 'Authorization', use_certificate: false, validate_signature: false,
		signature: {
			algorithm: '', header: '', use_param: false, param_name: '', secret: '', allowed_clock_skew: 0,
			error_code: 0, error_message: '',
		},
	};
}

function serviceDiscovery(cacheTimeout: number): JsonObject {
	return {
		use_discovery_service: false, query_endpoint: '', use_nested_query: false, parent_data_path: '', data_path: '',
		port_data_path: '', target_path: '', use_target_list: false, cache_disabled: false, cache_timeout: cacheTimeout,
		endpoint_returns_list: false,
	};
}

/**
 * Defaults of one `version_data.versions` entry; exported so seed data builds versions the same way. Go zero values
 * (`use_extended_paths: false` when absent): the contract is silent, and a non-zero default would make a version file
 * that leaves it out drift from what was stored.
 */
export function versionDefaults(name: string): JsonObject {
	return {
		name, expires: '', paths: {ignored: [], white_list: [], black_list: []}, use_extended_paths: false,
		extended_paths: {}, global_headers: {}, global_headers_remove: [], global_headers_disabled: false,
		global_response_headers: {}, global_response_headers_remove: [], global_response_headers_disabled: false,
		ignore_endpoint_case: false, global_size_limit: 0, global_size_limit_disabled: false, override_target: '',
	};
}

function definitionDefaults(): JsonObject {
	return {
		name: '', slug: '', listen_port: 0, protocol: '', enable_proxy_protocol: false, api_id: '', org_id: '',
		use_keyless: false, use_oauth2: false, external_oauth: {enabled: false, providers: []}, use_openid: false,
		openid_options: {providers: [], segregate_by_client: false},
		oauth_meta: {allowed_access_types: [], allowed_authorize_types: [], auth_login_redirect: ''},
		auth: authBlock(), auth_configs: {authToken: authBlock()}, use_basic_auth: false,
		basic_auth: {disable_caching: false, cache_ttl: 0, extract_from_body: false, body_user_regexp: '', body_password_regexp: ''},
		use_mutual_tls_auth: false, client_certificates: [], upstream_certificates: {}, pinned_public_keys: {},
		enable_jwt: false, use_standard_auth: false, use_go_plugin_auth: false, enable_coprocess_auth: false,
		custom_plugin_auth_enabled: false, jwt_signing_method: '', jwt_source: '', jwt_identity_base_field: '',
		jwt_client_base_field: '', jwt_policy_field_name: '', jwt_default_policies: [], jwt_issued_at_validation_skew: 0,
		jwt_expires_at_validation_skew: 0, jwt_not_before_validation_skew: 0, jwt_skip_kid: false,
		scopes: {jwt: {}, oidc: {}}, idp_client_id_mapping_disabled: false, jwt_scope_to_policy_mapping: {},
		jwt_scope_claim_name: '', notifications: {shared_secret: '', oauth_on_keychange_url: ''},
		enable_signature_checking: false, hmac_allowed_clock_skew: -1, hmac_allowed_algorithms: [],
		request_signing: {is_enabled: false, secret: '', key_id: '', algorithm: '', header_list: [], certificate_id: '', signature_header: ''},
		base_identity_provided_by: '',
		definition: {
			enabled: false, name: '', default: '', location: 'header', key: 'x-api-version', strip_path: false,
			strip_versioning_data: false, url_versioning_pattern: '', fallback_to_default: false, versions: {},
		},
		version_data: {not_versioned: true, default_version: '', versions: {}},
		uptime_tests: {disabled: false, check_list: [], config: {expire_utime_after: 0, service_discovery: serviceDiscovery(60), recheck_wait: 0}},
		proxy: {
			preserve_host_header: false, listen_path: '', target_url: '', disable_strip_slash: false, strip_listen_path: false,
			enable_load_balancing: false, target_list: [], check_host_against_uptime_tests: false,
			service_discovery: serviceDiscovery(0),
			transport: {ssl_insecure_skip_verify: false, ssl_ciphers: [], ssl_min_version: 0, ssl_max_version: 0, ssl_force_common_name_check: false, proxy_url: ''},
		},
		disable_rate_limit: false, disable_quota: false,
		custom_middleware: {
			pre: [], post: [], post_key_auth: [],
			auth_check: {disabled: false, name: '', path: '', require_session: false, raw_body_only: false},
			response: [], driver: '', id_extractor: {disabled: false, extract_from: '', extract_with: '', extractor_config: {}},
		},
		custom_middleware_bundle: '', custom_middleware_bundle_disabled: false,
		cache_options: {
			cache_timeout: 60, enable_cache: false, cache_all_safe_requests: false, cache_response_codes: [],
			enable_upstream_cache_control: false, cache_control_ttl_header: '', cache_by_headers: [],
		},
		session_lifetime: 0, active: false, internal: false,
		auth_provider: {name: '', storage_engine: '', meta: {}}, session_provider: {name: '', storage_engine: '', meta: {}},
		event_handlers: {events: {}}, enable_batch_request_support: false, enable_ip_whitelisting: false, allowed_ips: [],
		enable_ip_blacklisting: false, blacklisted_ips: [], ip_access_control_disabled: false, dont_set_quota_on_create: false,
		expire_analytics_after: 0, response_processors: [],
		CORS: {
			enable: false, allowed_origins: [], allowed_methods: [], allowed_headers: [], exposed_headers: [],
			allow_credentials: false, max_age: 24, options_passthrough: false, debug: false,
		},
		domain: '', certificates: [], do_not_track: false, enable_context_vars: false, config_data: {},
		config_data_disabled: false, tag_headers: [], global_rate_limit: {disabled: false, rate: 0, per: 0},
		strip_auth_data: false, enable_detailed_recording: false,
		graphql: {
			enabled: false, execution_mode: '', version: '', schema: '', type_field_configurations: [],
			playground: {enabled: false, path: ''}, engine: {field_configs: [], data_sources: [], global_headers: []},
			proxy: {
				features: {use_immutable_headers: false}, auth_headers: {}, request_headers: {},
				use_response_extensions: {on_error_forwarding: false}, request_headers_rewrite: {},
			},
			subgraph: {sdl: ''}, supergraph: {subgraphs: [], merged_sdl: '', global_headers: {}, disable_query_batching: false},
			introspection: {disabled: false}, last_schema_update: '0001-01-01T00:00:00Z',
		},
		analytics_plugin: {}, tags: [], detailed_tracing: false,
		upstream_auth: {
			enabled: false, basic_auth: {username: '', password: '', header: {enabled: false, name: ''}},
			oauth: {
				enabled: false, allowed_authorize_types: [],
				client_credentials: {client_id: '', header: {enabled: false, name: ''}, token_url: ''},
				password: {client_id: '', header: {enabled: false, name: ''}, username: '', password: '', token_url: ''},
			},
		},
	};
}

/** Keys whose objects are maps chosen by the user: their defaults apply only when the key is absent. */
const mapKeys = new Set(['auth_configs', 'versions', 'extended_paths', 'config_data', 'upstream_certificates', 'pinned_public_keys', 'events', 'meta']);

function fill(target: JsonObject, defaults: JsonObject): void {
	for (const [key, value] of Object.entries(defaults)) {
		const current = target[key];
		if (current === undefined || current === null && isJsonObject(value)) {
			target[key] = value;
		} else if (isJsonObject(current) && isJsonObject(value) && !mapKeys.has(key)) {
			fill(current, value);
		}
	}
}

/** URL-safe slug from a name, as the Dashboard derives `slug` when it is empty ("Swagger Petstore" → "swagger-petstore"). */
export function slugify(name: string): string {
	return name.toLowerCase().replace(/#\S+/g, '').trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Fills every missing Classic field with its zero value, in place; a missing `slug` is derived from the name
 * (an explicit `""` is kept, as real exports show). Idempotent, so imports of full definitions are left unchanged.
 */
export function fillClassicDefaults(def: JsonObject): JsonObject {
	const deriveSlug = def['slug'] === undefined || def['slug'] === null;
	fill(def, definitionDefaults());
	const versionData = def['version_data'] as JsonObject;
	if (!isJsonObject(versionData['versions']) || Object.keys(versionData['versions']).length === 0) {
		versionData['versions'] = {Default: versionDefaults('Default')};
	}
	const versions = versionData['versions'] as JsonObject;
	for (const [name, entry] of Object.entries(versions)) {
		if (isJsonObject(entry)) fill(entry, versionDefaults(name));
	}
	if (deriveSlug && typeof def['name'] === 'string') def['slug'] = slugify(def['name']);
	return def;
}

/** Wrapper-level defaults of a Classic API (everything next to `api_definition`). */
export function fillWrapperDefaults(wrapper: JsonObject): JsonObject {
	const defaults: Record<string, JsonValue> = {
		api_model: {}, hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	};
	for (const [key, value] of Object.entries(defaults)) if (wrapper[key] === undefined || wrapper[key] === null) wrapper[key] = value;
	if (wrapper['is_streams'] === undefined) wrapper['is_streams'] = false;
	return wrapper;
}
