import {makeItem, type Item, type Kind} from '../core/item.js';
import {cloneJson, isJsonObject, type JsonObject, ensureObject} from '../core/json.js';
import {createItem, deleteItem, getItem, liveItems, loadLive, updateItem, type DashboardClient} from '../sources/dashboard/index.js';

/** Reads one live item, lets `edit` change its body, and writes it back through the real client. */
export async function editLive(client: DashboardClient, item: Item, edit: (body: JsonObject) => void): Promise<void> {
	const body = await getItem(client, item.kind, item.flavor, item.id);
	if (!body) throw new Error(`demo: ${item.kind} ${item.id} vanished`);
	const copy = cloneJson(body);
	edit(copy);
	await updateItem(client, makeItem(item.kind, copy), item.id);
}

/** Everything live, as items, for picking demo victims deterministically. */
export async function liveOf(client: DashboardClient): Promise<Item[]> {
	return liveItems(await loadLive(client));
}


/** Points a Classic or OAS API at another upstream. */
export function setTarget(body: JsonObject, url: string): void {
	if (isJsonObject(body['oas'])) ensureObject(ensureObject(body['oas'], 'x-tyk-api-gateway'), 'upstream')['url'] = url;
	else ensureObject(ensureObject(body, 'api_definition'), 'proxy')['target_url'] = url;
}

/** Picks items of a kind (and flavor), sorted by ID so every demo run tells the same story. */
export function pick(items: readonly Item[], kind: Kind, flavor?: 'classic' | 'oas'): Item[] {
	return items.filter((item) => item.kind === kind && (!flavor || item.flavor === flavor)).sort((a, b) => a.id.localeCompare(b.id));
}

/** A new live-only Classic API, so the demo shows `only-live` rows. */
export async function addLiveOnlyApi(client: DashboardClient, id: string, name: string): Promise<void> {
	await createItem(client, makeItem('api', {
		api_definition: {
			api_id: id, name, active: true, use_keyless: true,
			proxy: {listen_path: `/${id}/`, target_url: 'http://experiments.internal:8080/', strip_listen_path: true},
			version_data: {not_versioned: true, default_version: 'Default', versions: {Default: {name: 'Default'}}},
		},
	}));
}

export {deleteItem};
