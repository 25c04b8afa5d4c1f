import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import type {Item} from './item.js';
import {child, type Hider, removeMatches, stripEmpty} from './normalize-tree.js';
import {type PatternSegment, wildcard} from './paths.js';
import {normalizeEnvelope} from './rules-envelope.js';

const base = ['api_definition'];

/**
 * Non-zero values the Dashboard fills in when a Classic definition leaves them out (seen on every API of a real
 * export); the Gateway uses the same values when they are absent, so both forms mean the same API.
 */
const serverDefaults: ReadonlyArray<readonly [readonly PatternSegment[], JsonValue]> = [
	[['hmac_allowed_clock_skew'], -1],
	[['uptime_tests', 'config', 'service_discovery', 'cache_timeout'], 60],
	[['cache_options', 'cache_timeout'], 60],
	[['definition', 'key'], 'x-api-version'],
	[['definition', 'location'], 'header'],
	[['CORS', 'max_age'], 24],
	[['auth', 'auth_header_name'], 'Authorization'],
	[['auth_configs', wildcard, 'auth_header_name'], 'Authorization'],
];

/** The slug the Dashboard derives from a name when none is given (tags removed, lower-case, dashes). */
export function defaultSlug(name: string): string {
	return name
		.replace(/(?:^|\s)#[^\s#]+/g, ' ')
		.toLowerCase()
		.replace(/[^a-z\d]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * Classic API rules (contract §10): DB id, org, schema timestamps and webhook ids are environment-local; the
 * listen path `/<api_id>/` and the name-derived slug are what the server fills in when they are missing; every
 * other zero value is what Go's decoder would produce for an absent field anyway.
 */
export function normalizeClassic(body: JsonObject, item: Item, hider: Hider): void {
	if (body['oas'] === null) hider.drop(body, 'oas', [], 'default');
	normalizeEnvelope(body, hider);
	const def = body['api_definition'];
	if (!isJsonObject(def)) return;
	hider.drop(def, 'id', base, 'server');
	hider.drop(def, 'org_id', base, 'server');
	if (item.id !== '' && def['api_id'] !== item.id) def['api_id'] = item.id;
	const graphql = child(def, 'graphql');
	if (graphql) hider.drop(graphql, 'last_schema_update', [...base, 'graphql'], 'server');
	const proxy = child(def, 'proxy');
	const listenPath = proxy?.['listen_path'];
	if (proxy && (listenPath === '' || listenPath === `/${item.id}/`)) {
		hider.drop(proxy, 'listen_path', [...base, 'proxy'], 'default');
	}
	const slug = def['slug'];
	if (typeof slug === 'string' && slug === defaultSlug(typeof def['name'] === 'string' ? def['name'] : '')) {
		hider.drop(def, 'slug', base, 'default');
	}
	normalizeEventHandlers(def, hider);
	for (const [pattern, value] of serverDefaults) {
		removeMatches(def, pattern, hider, {reason: 'default', when: found => found === value}, [...base]);
	}
	stripEmpty(def, [...base], 'go', hider);
	dropDefaultVersion(def, hider);
}

/**
 * The Dashboard gives a definition without versions one empty `Default` version (`not_versioned: true`); once zero
 * values are stripped, that is `{not_versioned: true, versions: {Default: {name: "Default"}}}`, which means the same as
 * saying nothing.
 */
function dropDefaultVersion(def: JsonObject, hider: Hider): void {
	const data = child(def, 'version_data');
	if (!data) return;
	const path = [...base, 'version_data'];
	const versions = child(data, 'versions');
	const only = versions && Object.keys(versions).length === 1 ? child(versions, 'Default') : undefined;
	if (only && Object.keys(only).length === 1 && only['name'] === 'Default') hider.drop(data, 'versions', path, 'default');
	if (data['versions'] === undefined && data['not_versioned'] === true) hider.drop(data, 'not_versioned', path, 'default');
	if (Object.keys(data).length === 0) delete def['version_data'];
}

/** `event_handlers.events.<event>[].handler_meta` carries the embedded webhook's ids and org. */
function normalizeEventHandlers(def: JsonObject, hider: Hider): void {
	const events = child(child(def, 'event_handlers'), 'events');
	if (!events) return;
	for (const [event, handlers] of Object.entries(events)) {
		if (!Array.isArray(handlers)) continue;
		handlers.forEach((handler, index) => {
			const meta = child(handler, 'handler_meta');
			if (!meta) return;
			const path = [...base, 'event_handlers', 'events', event, index, 'handler_meta'];
			for (const key of ['id', 'webhook_id', 'org_id', 'api_model']) hider.drop(meta, key, path, 'server');
		});
	}
}
