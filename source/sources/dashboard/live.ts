import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import {idProblem, makeItem, type InvalidEntry, type Item, type ItemSet} from '../../core/item.js';
import type {DashboardClient} from './client.js';
import {getOas, getOasCategories} from './oas.js';
import {listApiWrappers} from './classic.js';
import {isDashboardError} from './errors.js';
import {listAll} from './listing.js';
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

/**
 * An OAS API as its list entry knows it: enough to select it (id, name, categories) and to build its file body once
 * the full document is read. Each projection is several KB, so only this much is kept while the list is parsed.
 */
export interface OasStub {
	readonly id: string;
	readonly name: string;
	readonly siblings: JsonObject;
	/** The list entry's categories, or undefined when it did not carry the field (then they are fetched). */
	readonly categories: string[] | undefined;
	/** Where the list entry's projection says it listens, for the checks before writing (listen path, custom domain). */
	readonly listenPath: string;
	readonly domain: string;
}

/** What the list requests of one Dashboard say: Classic APIs, policies and templates in full, OAS APIs as stubs. */
export interface LiveIndex {
	/** Every API in the Dashboard's list order. */
	readonly apis: readonly ({readonly classic: JsonObject} | {readonly oas: OasStub})[];
	readonly policies: JsonObject[];
	readonly templates: JsonObject[];
}

const siblingKeys = ['hook_references', 'is_site', 'sort_by', 'user_group_owners', 'user_owners'];

function oasStub(wrapper: JsonObject): OasStub {
	const siblings: JsonObject = {};
	for (const key of siblingKeys) {
		if (wrapper[key] !== undefined) siblings[key] = wrapper[key]!;
	}
	const def = wrapper['api_definition'];
	const name = isJsonObject(def) && typeof def['name'] === 'string' ? def['name'] : '';
	const proxy = isJsonObject(def) && isJsonObject(def['proxy']) ? def['proxy'] : {};
	const listenPath = typeof proxy['listen_path'] === 'string' ? proxy['listen_path'] : '';
	const domain = isJsonObject(def) && typeof def['domain'] === 'string' ? def['domain'] : '';
	return {id: wrapperApiId(wrapper), name, siblings, categories: wrapperCategories(wrapper), listenPath, domain};
}

/**
 * A list wrapper reduced, while the list is parsed, to what loading uses: Classic wrappers lose `oas` (their files
 * never have it); OAS wrappers keep their ids, name, categories and envelope siblings, since the full document is
 * read anyway. Each OAS projection is several KB that would otherwise stay in memory until the whole load is done.
 */
function trimWrapper(wrapper: JsonObject): JsonObject {
	if (!isOasWrapper(wrapper)) return classicFileBody(wrapper);
	const def = wrapper['api_definition'] as JsonObject;
	const ids: JsonObject = {is_oas: true};
	for (const key of ['api_id', 'id', 'name', 'domain']) if (def[key] !== undefined) ids[key] = def[key]!;
	if (isJsonObject(def['proxy']) && typeof def['proxy']['listen_path'] === 'string') ids['proxy'] = {listen_path: def['proxy']['listen_path']};
	const trimmed: JsonObject = {api_definition: ids};
	for (const key of [...siblingKeys, 'categories']) if (wrapper[key] !== undefined) trimmed[key] = wrapper[key]!;
	return trimmed;
}

/**
 * Full OAS body for one stub; undefined when the API vanished between the list and the read. Categories are stored
 * in the wrapper, so the list entry's own field is used when present (as Tyk Sync's full dump does): one request per
 * OAS API instead of two. Entries without the field ask the categories endpoint.
 */
async function loadOas(client: DashboardClient, stub: OasStub, doc?: JsonObject): Promise<JsonObject | undefined> {
	const [found, categories] = await Promise.all([
		doc ?? getOas(client, stub.id),
		stub.categories ?? getOasCategories(client, stub.id),
	]);
	if (!found) return undefined;
	return oasFileBody(found, categories ?? [], stub.siblings);
}

/**
 * The list requests of a Dashboard: every API (OAS ones reduced to stubs while the list is parsed), every policy and
 * every template. Selecting what to read in full happens on this index, so acting on a few items never costs one
 * request per OAS API of the environment.
 */
export async function listLive(client: DashboardClient): Promise<LiveIndex> {
	const policies = listPolicies(client);
	const templates = listTemplates(client);
	// Keep both list promises observed so an early API failure cannot leave an unhandled rejection behind.
	policies.catch(() => undefined);
	templates.catch(() => undefined);
	const apis = (await listApiWrappers(client, trimWrapper)).map(
		(wrapper) => (isOasWrapper(wrapper) ? {oas: oasStub(wrapper)} : {classic: classicFileBody(wrapper)}),
	);
	return {apis, policies: await policies, templates: await templates};
}

/** `info.id` of a Tyk OAS document, the key the OAS list is matched to its stubs by. */
function docId(doc: JsonObject): string | undefined {
	const ext = doc['x-tyk-api-gateway'];
	const info = isJsonObject(ext) ? ext['info'] : undefined;
	return isJsonObject(info) && typeof info['id'] === 'string' ? info['id'] : undefined;
}

/**
 * Every OAS document in one request (`GET /api/apis/oas?p=-1`, contract §4: undocumented, seen in Tyk's own demo
 * scripts), by `info.id`; undefined when this Dashboard does not answer it as such a list, so the caller falls back
 * to one request per API. Network and authentication failures are not a missing endpoint and are thrown.
 */
async function oasDocuments(client: DashboardClient): Promise<Map<string, JsonObject> | undefined> {
	let docs: JsonObject[];
	try {
		docs = await listAll(client, '/api/apis/oas', 'apis');
	} catch (error) {
		if (isDashboardError(error) && ['not-found', 'validation', 'server', 'bad-response', 'permission'].includes(error.kind)) return undefined;
		throw error;
	}
	const byId = new Map<string, JsonObject>();
	for (const doc of docs) {
		const id = docId(doc);
		if (id) byId.set(id, doc);
	}
	return byId;
}

/**
 * Above this many selected OAS APIs, one OAS list request is cheaper than one request each. Below it, a selective
 * action reads just its items, so its cost does not grow with the environment.
 */
export const oasListThreshold = 32;

/**
 * Reads in full the OAS APIs of an index that `select` keeps (all when absent) and returns the whole snapshot. A
 * whole load reads every OAS document through the OAS list when the Dashboard answers it; any document the list
 * did not return (a server that pages it, an API created meanwhile) is read on its own, so the result is the same
 * either way.
 */
export async function completeLive(client: DashboardClient, index: LiveIndex, select?: (stub: OasStub) => boolean): Promise<LiveSnapshot> {
	const wanted = index.apis.filter((entry) => 'classic' in entry || !select || select(entry.oas));
	const oasCount = wanted.filter((entry) => 'oas' in entry).length;
	const listed = oasCount > (select ? oasListThreshold : 1) ? await oasDocuments(client) : undefined;
	const loaded = await Promise.all(wanted.map((entry) => {
		if ('classic' in entry) return entry.classic;
		// An ID no URL can hold is never read on its own; its stub stands for it, and `liveItemSet` reports it invalid.
		if (idProblem(entry.oas.id)) return stubBody(entry.oas);
		return loadOas(client, entry.oas, listed?.get(entry.oas.id));
	}));
	const apis = loaded.filter((body): body is JsonObject => body !== undefined);
	return {apis, policies: index.policies, templates: index.templates};
}

/** The file body an OAS stub alone can give (id and name): enough to name the item, never to write it. */
function stubBody(stub: OasStub): JsonObject {
	return oasFileBody({'x-tyk-api-gateway': {info: {id: stub.id, name: stub.name}}}, stub.categories ?? [], stub.siblings);
}

/**
 * Loads everything from one Dashboard: the lists, then every OAS document (through the OAS list when the Dashboard
 * has it). All requests go through the client's concurrency limit, so this is as parallel as the environment allows
 * and no more.
 */
export async function loadLive(client: DashboardClient): Promise<LiveSnapshot> {
	return completeLive(client, await listLive(client));
}

/** Items for a snapshot, so every consumer derives ids, names and categories the same way (core `makeItem`). */
export function liveItems(snapshot: LiveSnapshot): Item[] {
	return [
		...snapshot.apis.map((body) => makeItem('api', body)),
		...snapshot.policies.map((body) => makeItem('policy', body)),
		...snapshot.templates.map((body) => makeItem('template', body)),
	];
}

/**
 * A snapshot as an item set: an item whose ID a Dashboard URL cannot hold (empty, `.`, `..`, only dots) is reported
 * invalid, so nothing is planned for it (an update or delete of `/api/apis/..` would reach `/api/apis`).
 */
export function liveItemSet(snapshot: LiveSnapshot): ItemSet {
	const items: Item[] = [];
	const invalid: InvalidEntry[] = [];
	for (const item of liveItems(snapshot)) {
		const problem = idProblem(item.id);
		if (problem === undefined) items.push(item);
		else invalid.push({file: `Dashboard ${item.kind} ${JSON.stringify(item.id)} (${JSON.stringify(item.name)})`, kind: item.kind, ...(item.flavor ? {flavor: item.flavor} : {}), id: item.id, error: problem});
	}
	return {items, invalid, conflicts: []};
}
