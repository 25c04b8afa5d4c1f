import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import {objectAt, stringAt} from './json-path.js';
import {tykExtension} from './oas.js';
import type {ApiRecord} from './records.js';

/**
 * Policies carry `auth_type(s)` derived from the APIs they grant; this is the per-API part, with the Dashboard's
 * labels (`ba` for basic auth, as in real exports).
 */
export function apiAuthType(record: ApiRecord): string {
	if (record.flavor === 'oas') {
		const doc = record.doc ?? {};
		const authentication = objectAt(objectAt(tykExtension(doc)['server'])['authentication']);
		if (authentication['enabled'] !== true) return 'keyless';
		const schemes = objectAt(objectAt(doc['components'])['securitySchemes']);
		for (const scheme of Object.values(schemes)) {
			if (!isJsonObject(scheme)) continue;
			if (scheme['bearerFormat'] === 'JWT') return 'jwt';
			if (scheme['scheme'] === 'basic') return 'ba';
		}
		return 'authToken';
	}
	const def = objectAt(record.wrapper['api_definition']);
	if (def['use_keyless'] === true) return 'keyless';
	if (def['enable_jwt'] === true) return 'jwt';
	if (def['enable_signature_checking'] === true) return 'hmac';
	if (def['use_basic_auth'] === true) return 'ba';
	if (def['use_oauth2'] === true) return 'oauth';
	if (def['use_openid'] === true) return 'openid';
	if (def['use_mutual_tls_auth'] === true) return 'certificate';
	return 'authToken';
}

function graphqlEnabled(record: ApiRecord): boolean {
	if (record.flavor === 'oas') return false;
	return objectAt(objectAt(record.wrapper['api_definition'])['graphql'])['enabled'] === true;
}

function apiName(record: ApiRecord): string {
	if (record.flavor === 'oas') return stringAt(objectAt(tykExtension(record.doc ?? {})['info'])['name']);
	return stringAt(objectAt(record.wrapper['api_definition'])['name']);
}

const accessDefaults: Record<string, () => JsonValue> = {
	api_name: () => '', api_id: () => '', versions: () => [], allowed_urls: () => [], restricted_types: () => [],
	allowed_types: () => [], disable_introspection: () => false, limit: () => null, field_access_rights: () => [],
	allowance_scope: () => '',
};

/** Fills the per-API access entry fields the Dashboard always returns (names from the referenced API). */
export function normaliseAccessRights(body: JsonObject, lookup: (apiId: string) => ApiRecord | undefined): void {
	const rights = body['access_rights'];
	if (!isJsonObject(rights)) {
		body['access_rights'] = {};
		return;
	}
	for (const [apiId, entry] of Object.entries(rights)) {
		if (!isJsonObject(entry)) continue;
		for (const [key, make] of Object.entries(accessDefaults)) if (entry[key] === undefined) entry[key] = make();
		if (entry['api_id'] === '') entry['api_id'] = apiId;
		const api = lookup(apiId);
		if (entry['api_name'] === '' && api) entry['api_name'] = apiName(api);
	}
}

/**
 * The policy as the Dashboard returns it: stored fields plus `access_rights_array`, `auth_type(s)` and
 * `graphql_enabled`, computed from the APIs it references at read time so they never go stale.
 * When none of the referenced APIs is known, stored values are kept (imports from elsewhere).
 */
export function presentPolicy(body: JsonObject, lookup: (apiId: string) => ApiRecord | undefined): JsonObject {
	const rights = objectAt(body['access_rights']);
	const known = Object.keys(rights).map(lookup).filter((r): r is ApiRecord => r !== undefined);
	const authTypes: string[] = [];
	for (const record of known) {
		const type = apiAuthType(record);
		if (!authTypes.includes(type)) authTypes.push(type);
	}
	const storedTypes = Array.isArray(body['auth_types']) ? body['auth_types'] : [];
	const noRights = Object.keys(rights).length === 0;
	// Real exports show `other` with `[]` for a policy without APIs; `other` is also used here for mixed kinds.
	const computedType = authTypes.length === 1 ? authTypes[0]! : 'other';
	const out: JsonObject = {
		auth_type: known.length > 0 || noRights ? computedType : stringAt(body['auth_type']),
		auth_types: known.length > 0 || noRights ? authTypes : storedTypes,
		state: body['state'] ?? 'active',
		access_rights_array: Object.values(rights),
		graphql_enabled: known.length > 0 ? known.some(graphqlEnabled) : body['graphql_enabled'] === true,
	};
	for (const [key, value] of Object.entries(body)) if (!(key in out)) out[key] = value;
	return out;
}

/**
 * Values the Dashboard stores on every policy, so sparse POSTs read back complete. The contract is silent on them, so
 * they are Go's zero values, as the Dashboard's decoder leaves them (a real export shows `throttle_interval: 0`,
 * `max_query_depth: 0`): a policy file without them then compares equal to what was stored, never as drift.
 */
export function fillPolicyDefaults(body: JsonObject): JsonObject {
	const defaults: Record<string, () => JsonValue> = {
		name: () => '', rate: () => 0, per: () => 0, quota_max: () => 0, quota_renewal_rate: () => 0,
		throttle_interval: () => 0, throttle_retry_limit: () => 0, max_query_depth: () => 0, access_rights: () => ({}),
		hmac_enabled: () => false, active: () => false, is_inactive: () => false,
		tags: () => [], key_expires_in: () => 0,
		partitions: () => ({quota: false, rate_limit: false, complexity: false, acl: false, per_api: false}),
		meta_data: () => ({}), smoothing: () => null,
	};
	// A policy that does not say it is inactive is in the "active" state (the field postdates tyk-sync's files).
	const state = body['state'];
	if (state !== 'active' && state !== 'draft' && state !== 'deny') body['state'] = body['active'] === false ? 'deny' : 'active';
	for (const [key, make] of Object.entries(defaults)) if (body[key] === undefined) body[key] = make();
	return body;
}
