import type {JsonObject} from './json.js';
import type {Item} from './item.js';
import {type Hider, stripEmpty} from './normalize-tree.js';

/** Fields the Dashboard computes from other fields or from the referenced APIs on every save. */
const computed = ['access_rights_array', 'auth_type', 'auth_types', 'graphql_enabled'];

/**
 * Policy rules (contract §5.2, §10): DB id, org and save timestamps are environment-local; computed fields follow
 * from the rest. The policy `id` becomes the portable ID, so a policy whose `id` was generated from `_id` in one
 * environment and carried over explicitly to another compares equal. Other empty values equal absent (Go structs).
 */
export function normalizePolicy(body: JsonObject, item: Item, hider: Hider): void {
	for (const key of ['_id', 'org_id', 'date_created', 'last_updated']) hider.drop(body, key, [], 'server');
	for (const key of computed) hider.drop(body, key, [], 'server');
	// The Dashboard stores `state: "active"` when a policy arrives without one (it predates the field in tyk-sync files).
	if (body['state'] === 'active') hider.drop(body, 'state', [], 'default');
	if (item.id !== '' && body['id'] !== item.id) body['id'] = item.id;
	stripEmpty(body, [], 'go', hider);
}
