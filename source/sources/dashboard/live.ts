import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import {makeItem, type Item} from '../../core/item.js';
import type {DashboardClient} from './client.js';
import {getOas, getOasCategories} from './oas.js';
import {listApiWrappers} from './classic.js';
import {listPolicies} from './policies.js';
import {listTemplates} from './templates.js';

/** Everything one Dashboard holds, as raw bodies in the tyk-sync file shape, ready for `makeItem`. */
export interface LiveSnapshot {
	/** Classic wrappers and OAS file bodies (`{oas, categories, ...}`), in the Dashboard's list order. */
	readonly apis: JsonObject[];
	readonly policies: JsonObject[];
	readonly templates: JsonObject[];
}

/** Whether a list wrapper is the Classic projection of a Tyk OAS API (contract §4.4: branch on `is_oas`). */
export function isOasWrapper(wrapper: JsonObject): boolean {
	const def = wrapper['api_definition'];
	return isJsonObject(def) && def['is_oas'] === true;
}

/** The portable id of a list wrapper (`api_id`, falling back to the DB id). */
export function wrapperApiId(wrapper: JsonObject): string {
	const def = wrapper['api_definition'];
	if (!isJsonObject(def)) return '';
	const apiId = def['api_id'];
	const dbId = def['id'];
	return typeof apiId === 'string' && apiId ? apiId : typeof dbId === 'string' ? dbId : '';
}

/** A Classic wrapper as tyk-sync writes it: everything but the `oas` member (Classic files never contain it). */
export function classicFileBody(wrapper: JsonObject): JsonObject {
	if (!('oas' in wrapper)) return wrapper;
	const {oas: _dropped, ...rest} = wrapper;
	return rest;
}

function sibling(wrapper: JsonObject | undefined, key: string, fallback: JsonValue): JsonValue {
	const value = wrapper?.[key];
	return value === undefined ? fallback : value;
}

/**
 * An OAS API as tyk-sync writes it: the full document under `oas`, categories beside it, and the wrapper's
 * envelope fields copied from the list entry (the OAS endpoint does not return them).
 */
export function oasFileBody(doc: JsonObject, categories: readonly string[], wrapper?: JsonObject): JsonObject {
	return {
		oas: doc,
		categories: [...categories],
		hook_references: sibling(wrapper, 'hook_references', []),
		is_site: sibling(wrapper, 'is_site', false),
		sort_by: sibling(wrapper, 'sort_by', 0),
		user_group_owners: sibling(wrapper, 'user_group_owners', []),
		user_owners: sibling(wrapper, 'user_owners', []),
	};
}

/** The list entry's categories, or undefined when the entry does not carry the field (then they are fetched). */
function wrapperCategories(wrapper: JsonObject): string[] | undefined {
	const list = wrapper['categories'];
	return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

/** What an OAS list entry still contributes once its projection is dropped: its id and envelope siblings. */
interface OasEntry {
	readonly id: string;
	readonly siblings: JsonObject;
	readonly categories: string[] | undefined;
}

const siblingKeys = ['hook_references', 'is_site', 'sort_by', 'user_group_owners', 'user_owners'];

function oasEntry(wrapper: JsonObject): OasEntry {
	const siblings: JsonObject = {};
	for (const key of siblingKeys) {
		if (wrapper[key] !== undefined) siblings[key] = wrapper[key]!;
	}
	return {id: wrapperApiId(wrapper), siblings, categories: wrapperCategories(wrapper)};
}

/**
 * A list wrapper reduced, while the list is parsed, to what loading uses: Classic wrappers lose `oas` (their files
 * never have it); OAS wrappers keep their ids, categories and envelope siblings, since the full document is fetched
 * anyway. Each OAS projection is several KB that would otherwise stay in memory until the whole load is done.
 */
function trimWrapper(wrapper: JsonObject): JsonObject {
	if (!isOasWrapper(wrapper)) return classicFileBody(wrapper);
	const def = wrapper['api_definition'] as JsonObject;
	const ids: JsonObject = {is_oas: true};
	for (const key of ['api_id', 'id']) if (def[key] !== undefined) ids[key] = def[key]!;
	const trimmed: JsonObject = {api_definition: ids};
	for (const key of [...siblingKeys, 'categories']) if (wrapper[key] !== undefined) trimmed[key] = wrapper[key]!;
	return trimmed;
}

/**
 * Full OAS body for one list entry; undefined when the API vanished between the list and the read. Categories are
 * stored in the wrapper, so the list entry's own field is used when present (as Tyk Sync's full dump does): one
 * request per OAS API instead of two, which halves a large Dashboard's load. Entries without the field ask the
 * categories endpoint.
 */
async function loadOas(client: DashboardClient, entry: OasEntry): Promise<JsonObject | undefined> {
	const [doc, categories] = await Promise.all([
		getOas(client, entry.id),
		entry.categories ?? getOasCategories(client, entry.id),
	]);
	if (!doc) return undefined;
	return oasFileBody(doc, categories ?? [], entry.siblings);
}

/**
 * Loads everything from one Dashboard. OAS APIs are found through the Classic list (`is_oas`) and then read in
 * full, never through the undocumented OAS list. All requests go through the client's
 * concurrency limit, so this is as parallel as the environment allows and no more.
 */
export async function loadLive(client: DashboardClient): Promise<LiveSnapshot> {
	const policies = listPolicies(client);
	const templates = listTemplates(client);
	// Keep both list promises observed so an early API failure cannot leave an unhandled rejection behind.
	policies.catch(() => undefined);
	templates.catch(() => undefined);
	// OAS list entries are reduced to id and envelope as the list is parsed, so their (large, unused) projections
	// are freed at once instead of staying in memory while the full documents load.
	const entries = (await listApiWrappers(client, trimWrapper)).map(
		(wrapper): {oas: OasEntry} | {classic: JsonObject} => (isOasWrapper(wrapper) ? {oas: oasEntry(wrapper)} : {classic: classicFileBody(wrapper)}),
	);
	const loaded = await Promise.all(entries.map((entry) => ('oas' in entry ? loadOas(client, entry.oas) : entry.classic)));
	const apis = loaded.filter((body): body is JsonObject => body !== undefined);
	return {apis, policies: await policies, templates: await templates};
}

/** Items for a snapshot, so every consumer derives ids, names and categories the same way (core `makeItem`). */
export function liveItems(snapshot: LiveSnapshot): Item[] {
	return [
		...snapshot.apis.map((body) => makeItem('api', body)),
		...snapshot.policies.map((body) => makeItem('policy', body)),
		...snapshot.templates.map((body) => makeItem('template', body)),
	];
}
