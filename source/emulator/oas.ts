import {cloneJson, isJsonObject, type JsonObject} from '../core/json.js';
import {fillClassicDefaults, slugify} from './classic-defaults.js';
import {ensureObject, objectAt, stringAt} from './json-path.js';

/** The Tyk extension of an OAS document (`{}` when absent). */
export function tykExtension(doc: JsonObject): JsonObject {
	return objectAt(doc['x-tyk-api-gateway']);
}

/** `x-tyk-api-gateway.info`, the home of the public id, DB id, org and name. */
export function oasInfo(doc: JsonObject): JsonObject {
	return objectAt(tykExtension(doc)['info']);
}

/** Listen path of an OAS API (`server.listenPath.value`). */
export function oasListenPath(doc: JsonObject): string {
	return stringAt(objectAt(objectAt(tykExtension(doc)['server'])['listenPath'])['value']);
}

/** Custom domain of an OAS API when enabled, for the (listen path, domain) uniqueness rule. */
export function oasDomain(doc: JsonObject): string {
	const domain = objectAt(objectAt(tykExtension(doc)['server'])['customDomain']);
	return domain['enabled'] === false ? '' : stringAt(domain['name']);
}

/**
 * Applies what the Dashboard adds on save: ids and org in `info`, the Gateway URL as the first `servers` entry
 * (an older copy of the same URL is removed, so GET → PUT never stacks it), `security: []` and
 * `components.securitySchemes: {}` when absent.
 */
export function normaliseOasDoc(doc: JsonObject, ids: {dbId: string; apiId: string; orgId: string}, gatewayBase: string): JsonObject {
	const extension = ensureObject(doc, 'x-tyk-api-gateway');
	const info = ensureObject(extension, 'info');
	info['id'] = ids.apiId;
	info['dbId'] = ids.dbId;
	info['orgId'] = ids.orgId;
	const listenPath = oasListenPath(doc);
	const gatewayUrl = gatewayBase.replace(/\/+$/, '') + (listenPath || '/');
	const servers = Array.isArray(doc['servers']) ? doc['servers'] : [];
	const kept = servers.filter((entry) => !(isJsonObject(entry) && entry['url'] === gatewayUrl));
	doc['servers'] = [{url: gatewayUrl}, ...kept];
	if (!Array.isArray(doc['security'])) doc['security'] = [];
	const components = ensureObject(doc, 'components');
	if (!isJsonObject(components['securitySchemes'])) components['securitySchemes'] = {};
	return doc;
}

/** The Classic-shaped `api_definition` an OAS API shows in `GET /api/apis` (contract §4.4, item 30). */
export function classicProjection(doc: JsonObject): JsonObject {
	const extension = tykExtension(doc);
	const info = oasInfo(doc);
	const state = objectAt(info['state']);
	const server = objectAt(extension['server']);
	const listenPath = objectAt(server['listenPath']);
	const authentication = objectAt(server['authentication']);
	const def: JsonObject = {
		id: stringAt(info['dbId']),
		name: stringAt(info['name']),
		api_id: stringAt(info['id']),
		org_id: stringAt(info['orgId']),
		use_keyless: authentication['enabled'] !== true,
		use_standard_auth: authentication['enabled'] === true,
		active: state['active'] === true,
		internal: state['internal'] === true,
		proxy: {
			listen_path: stringAt(listenPath['value']),
			target_url: stringAt(objectAt(extension['upstream'])['url']),
			strip_listen_path: listenPath['strip'] === true,
		},
		domain: oasDomain(doc),
		is_oas: true,
	};
	fillClassicDefaults(def);
	def['slug'] = slugify(stringAt(info['name']));
	return def;
}

/** Whether a doc carries the Tyk extension (PUT requires it; import forbids it). */
export function hasTykExtension(doc: JsonObject): boolean {
	return doc['x-tyk-api-gateway'] !== undefined;
}

/** Options of `POST /api/apis/oas/import` that shape the generated extension. */
export interface ImportOptions {
	readonly listenPath?: string;
	readonly upstreamURL?: string;
	readonly customDomain?: string;
}

/**
 * Generates the `x-tyk-api-gateway` extension for a plain OpenAPI document, the way the import endpoint does:
 * name from `info.title`, upstream from the query or the first server, listen path from the query or the title.
 */
export function generateExtension(doc: JsonObject, options: ImportOptions): JsonObject {
	const title = stringAt(objectAt(doc['info'])['title']) || 'Imported API';
	const firstServer = Array.isArray(doc['servers']) && isJsonObject(doc['servers'][0]) ? stringAt(doc['servers'][0]['url']) : '';
	const server: JsonObject = {listenPath: {value: options.listenPath || `/${slugify(title) || 'api'}/`, strip: true}};
	if (options.customDomain) server['customDomain'] = {enabled: true, name: options.customDomain};
	return {
		info: {name: title, state: {active: true, internal: false}},
		upstream: {url: options.upstreamURL || firstServer},
		server,
	};
}

/** Only the extension members the import query sets explicitly; they win over a template's values. */
export function explicitExtension(options: ImportOptions): JsonObject {
	const out: JsonObject = {};
	if (options.upstreamURL) out['upstream'] = {url: options.upstreamURL};
	const server: JsonObject = {};
	if (options.listenPath) server['listenPath'] = {value: options.listenPath};
	if (options.customDomain) server['customDomain'] = {enabled: true, name: options.customDomain};
	if (Object.keys(server).length > 0) out['server'] = server;
	return out;
}

/** Drops blank and duplicate labels (trimmed), as `PUT .../categories` does since 5.10. */
export function cleanCategories(values: readonly unknown[]): string[] {
	const out: string[] = [];
	for (const value of values) {
		if (typeof value !== 'string') continue;
		const label = value.trim();
		if (label && !out.includes(label)) out.push(label);
	}
	return out;
}

/** The public export form (`mode=public`): the document without the Tyk extension. */
export function publicDoc(doc: JsonObject): JsonObject {
	const copy = cloneJson(doc);
	delete copy['x-tyk-api-gateway'];
	return copy;
}
