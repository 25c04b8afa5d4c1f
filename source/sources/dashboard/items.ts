import {cloneJson, isJsonObject, type JsonObject, ensureObject} from '../../core/json.js';
import type {Flavor, Item, Kind} from '../../core/item.js';
import type {DashboardClient} from './client.js';
import {createClassic, deleteClassic, getClassic, updateClassic, type Created} from './classic.js';
import {createOas, deleteOas, getOas, getOasCategories, updateOas} from './oas.js';
import {createPolicy, deletePolicy, getPolicy, isDbId, updatePolicy} from './policies.js';
import {createTemplate, deleteTemplate, getTemplate, updateTemplate} from './templates.js';
import {classicFileBody, isOasWrapper, oasFileBody} from './live.js';

function stampOrg(target: JsonObject, key: string, orgId: string | undefined): void {
	if (orgId) target[key] = orgId;
	else delete target[key];
}


function categoriesOf(item: Item): string[] {
	return [...item.categories];
}

/**
 * The body to send for an item: a copy with the environment-local ids removed (they belong to the source
 * Dashboard and would clash or be rejected) and the org set to the configured one, or left to the server.
 */
export function writeBody(item: Item, orgId?: string): JsonObject {
	const body = cloneJson(item.body);
	if (item.kind === 'api' && item.flavor === 'oas') {
		const doc = isJsonObject(body['oas']) ? body['oas'] : {};
		const info = ensureObject(ensureObject(doc, 'x-tyk-api-gateway'), 'info');
		delete info['dbId'];
		stampOrg(info, 'orgId', orgId);
		return doc;
	}
	if (item.kind === 'api') {
		const wrapper = classicFileBody(body);
		const def = ensureObject(wrapper, 'api_definition');
		delete def['id'];
		stampOrg(def, 'org_id', orgId);
		return wrapper;
	}
	delete body['_id'];
	stampOrg(body, 'org_id', orgId);
	if (item.kind === 'policy' && !body['id'] && item.id) body['id'] = item.id;
	return body;
}

/** Creates an item on the Dashboard keeping its portable id; resolves with the new environment-local id. */
export function createItem(client: DashboardClient, item: Item): Promise<Created> {
	const body = writeBody(item, client.orgId);
	if (item.kind === 'api') {
		return item.flavor === 'oas' ? createOas(client, body, categoriesOf(item)) : createClassic(client, body);
	}
	return item.kind === 'policy' ? createPolicy(client, body) : createTemplate(client, body);
}

/**
 * The path segment that addresses a live item: a policy's DB `_id` when its live body has one, since every Dashboard
 * accepts it and only 5.12+ also accepts the policy `id` (contract §5.3); otherwise the portable id.
 */
export function liveAddress(live: Item | undefined, id: string): string {
	const dbId = live?.kind === 'policy' ? live.body['_id'] : undefined;
	return isDbId(dbId) ? dbId : id;
}

/** Replaces the live item addressed by `liveDbIdOrId` (portable id or DB id; both work on current Dashboards). */
export async function updateItem(client: DashboardClient, item: Item, liveDbIdOrId: string): Promise<void> {
	const body = writeBody(item, client.orgId);
	const target = liveDbIdOrId || item.id;
	// A policy PUT carries its own (immutable) `_id`, as Tyk Sync and the Operator send it; older Dashboards expect it.
	if (item.kind === 'policy' && isDbId(target)) body['_id'] = target;
	if (item.kind === 'api') {
		if (item.flavor === 'oas') await updateOas(client, target, body, categoriesOf(item));
		else await updateClassic(client, target, body);
	} else if (item.kind === 'policy') {
		await updatePolicy(client, target, body);
	} else {
		await updateTemplate(client, target, body);
	}
}

/** Deletes a live item by portable id (or DB id); rejects with a `not-found` DashboardError when it is gone. */
export function deleteItem(client: DashboardClient, kind: Kind, flavor: Flavor | undefined, id: string): Promise<void> {
	if (kind === 'api') return flavor === 'oas' ? deleteOas(client, id) : deleteClassic(client, id);
	return kind === 'policy' ? deletePolicy(client, id) : deleteTemplate(client, id);
}

/**
 * An OAS API in the file shape: its document, and its wrapper for the envelope fields and the categories, which are
 * stored in the wrapper (contract §4.4). The categories endpoint is asked only when the wrapper does not carry the
 * field: two requests per read instead of three, as loading does, so verifying a publish costs two fewer requests.
 */
async function getOasBody(client: DashboardClient, id: string, wrapper?: JsonObject): Promise<JsonObject | undefined> {
	const [doc, found] = await Promise.all([getOas(client, id), wrapper ? Promise.resolve(wrapper) : getClassic(client, id)]);
	if (!doc) return undefined;
	const listed = found && Array.isArray(found['categories']) ? found['categories'].filter((c): c is string => typeof c === 'string') : undefined;
	const categories = listed ?? (await getOasCategories(client, id)) ?? [];
	return oasFileBody(doc, categories, found);
}

/**
 * Reads one live item in the tyk-sync file shape (the same shape `loadLive` gives), or undefined when the
 * Dashboard does not have it; used to verify a write and to journal the pre-image.
 */
export async function getItem(client: DashboardClient, kind: Kind, flavor: Flavor | undefined, id: string): Promise<JsonObject | undefined> {
	if (kind === 'policy') return getPolicy(client, id);
	if (kind === 'template') return getTemplate(client, id);
	if (flavor === 'oas') return getOasBody(client, id);
	const wrapper = await getClassic(client, id);
	if (!wrapper) return undefined;
	return isOasWrapper(wrapper) ? getOasBody(client, id, wrapper) : classicFileBody(wrapper);
}
