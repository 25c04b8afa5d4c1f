import type {JsonObject} from './json.js';
import type {Item} from './item.js';
import {type Hider, stripEmpty} from './normalize-tree.js';

/**
 * Template (asset) rules (contract §6, §10): DB id, org and save time are environment-local. `data` is a partial
 * OAS document kept as written (templates are merged at creation, so its empty values can matter).
 */
export function normalizeTemplate(body: JsonObject, item: Item, hider: Hider): void {
	for (const key of ['_id', 'org_id', 'last_updated']) hider.drop(body, key, [], 'server');
	if (item.id !== '' && body['id'] !== item.id) body['id'] = item.id;
	stripEmpty(body, [], 'go', hider, false, new Set(['data']));
}
