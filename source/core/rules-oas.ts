import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import type {Item} from './item.js';
import {child, type Hider, stripEmpty} from './normalize-tree.js';
import {normalizeEnvelope} from './rules-envelope.js';

const tykPath = ['oas', 'x-tyk-api-gateway'];

/** The path part of a server URL (`http://gw:8080/orders/` → `/orders/`), without a trailing slash except for `/`. */
function urlPath(url: string): string | undefined {
	const match = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url.trim());
	if (!match) return undefined;
	const path = match[1]!;
	return path === '' ? '' : path.replace(/\/+$/, '') || '/';
}

function isEmptyContainer(value: JsonValue | undefined): boolean {
	if (value === null) return true;
	if (Array.isArray(value)) return value.length === 0;
	return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * Drops the leading `servers` entries the Dashboard prepends (Gateway URL + listen path). Only the leading run is
 * touched, so an upstream server the user wrote further down is never mistaken for one, and a second pass finds
 * nothing more to drop.
 */
function dropGatewayServers(doc: JsonObject, listenPath: string | undefined, hider: Hider): void {
	const servers = doc['servers'];
	if (!Array.isArray(servers) || listenPath === undefined) return;
	const wanted = listenPath.replace(/\/+$/, '') || '/';
	let count = 0;
	while (count < servers.length) {
		const server = servers[count];
		const url = isJsonObject(server) && typeof server['url'] === 'string' ? urlPath(server['url']) : undefined;
		if (url !== wanted) break;
		count++;
	}
	for (let i = count - 1; i >= 0; i--) {
		hider.record(['oas', 'servers', i], servers[i]!, 'server');
		servers.splice(i, 1);
	}
}

/**
 * Tyk OAS rules (contract §4.3, §10): DB id, org and the base API's version list are server-managed; the Gateway
 * servers, `security: []`, empty `components` and the extension's empty arrays are what a save adds.
 */
export function normalizeOas(body: JsonObject, item: Item, hider: Hider): void {
	// A legacy (tyk-sync 1.2-1.4) or list-projection `api_definition` next to `oas` is ignored by every loader.
	hider.drop(body, 'api_definition', [], 'server');
	normalizeCategories(body, hider);
	normalizeEnvelope(body, hider);
	const doc = body['oas'];
	if (!isJsonObject(doc)) return;
	const tyk = child(doc, 'x-tyk-api-gateway');
	const info = child(tyk, 'info');
	if (info) {
		hider.drop(info, 'dbId', [...tykPath, 'info'], 'server');
		hider.drop(info, 'orgId', [...tykPath, 'info'], 'server');
		if (item.id !== '' && info['id'] !== item.id) info['id'] = item.id;
		const versioning = child(info, 'versioning');
		if (versioning) hider.drop(versioning, 'versions', [...tykPath, 'info', 'versioning'], 'server');
	}
	const listenPath = child(child(tyk, 'server'), 'listenPath')?.['value'];
	dropGatewayServers(doc, typeof listenPath === 'string' ? listenPath : undefined, hider);
	for (const key of ['servers', 'security']) {
		if (isEmptyContainer(doc[key])) hider.drop(doc, key, ['oas'], 'default');
	}
	const components = child(doc, 'components');
	if (components && isEmptyContainer(components['securitySchemes'])) {
		hider.drop(components, 'securitySchemes', ['oas', 'components'], 'default');
	}
	if (isEmptyContainer(doc['components'])) hider.drop(doc, 'components', ['oas'], 'default');
	if (tyk) stripEmpty(tyk, [...tykPath], 'omitempty', hider);
}

/** OAS categories are a set: the Dashboard drops blanks and duplicates; order carries no meaning. */
function normalizeCategories(body: JsonObject, hider: Hider): void {
	const categories = body['categories'];
	if (!Array.isArray(categories)) return;
	const clean = [...new Set(categories.filter((c): c is string => typeof c === 'string' && c.trim() !== ''))].sort();
	if (clean.length === 0) {
		hider.drop(body, 'categories', [], 'default');
		return;
	}
	if (clean.length !== categories.length || clean.some((c, i) => c !== categories[i])) body['categories'] = clean;
}
