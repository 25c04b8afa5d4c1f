import {makeItem, type Item} from '../../../source/core/item.js';
import type {JsonObject} from '../../../source/core/json.js';

/** A Classic API in tyk-sync file shape, shaped after real Dashboard exports (wrapper + api_definition). */
export function classicApi(id: string, name: string, listenPath: string, target: string, extra: JsonObject = {}): Item {
	return makeItem('api', {
		api_definition: {
			api_id: id, id: `db-${id}`, org_id: '5e9d9544a1dcd60001d0ed20', name, slug: name.toLowerCase().replace(/\W+/g, '-'),
			active: true, use_keyless: false, use_standard_auth: true,
			auth: {auth_header_name: 'Authorization', use_param: false},
			proxy: {listen_path: listenPath, target_url: target, strip_listen_path: true, preserve_host_header: false},
			version_data: {not_versioned: true, default_version: '', versions: {Default: {name: 'Default', use_extended_paths: true}}},
			global_rate_limit: {rate: 0, per: 0},
			tags: [], ...extra,
		},
		hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	});
}

/** A Tyk OAS API in tyk-sync file shape. */
export function oasApi(id: string, name: string, listenPath: string, target: string, categories: string[] = []): Item {
	return makeItem('api', {
		oas: {
			openapi: '3.0.3',
			info: {title: name, version: '1.0.0'},
			paths: {'/items': {get: {operationId: 'itemsget', responses: {200: {description: 'OK'}}}}},
			'x-tyk-api-gateway': {
				info: {id, dbId: `db-${id}`, name, state: {active: true}},
				server: {listenPath: {value: listenPath, strip: true}},
				upstream: {url: target},
			},
		},
		categories, hook_references: [],
	});
}

/** A policy with a rate limit and access rights. */
export function policy(id: string, name: string, rate: number, apiIds: string[] = []): Item {
	return makeItem('policy', {
		id, _id: `db-${id}`, name, rate, per: 60, quota_max: -1, active: true, state: 'active', tags: [],
		access_rights: Object.fromEntries(apiIds.map((apiId) => [apiId, {api_id: apiId, api_name: apiId, versions: ['Default']}])),
	});
}

/** An API template (asset). */
export function template(id: string, name: string): Item {
	return makeItem('template', {id, _id: `db-${id}`, name, kind: 'oas-template', description: 'shared defaults', data: {info: {title: name}}});
}

/** `count` generated Classic APIs, for virtualisation and scrolling tests. */
export function manyApis(count: number, prefix = 'bulk'): Item[] {
	return Array.from({length: count}, (_, i) =>
		classicApi(`${prefix}-${String(i).padStart(5, '0')}`, `${prefix} API ${String(i).padStart(5, "0")}`, `/${prefix}/${i}/`, `http://upstream-${i}.internal`));
}
