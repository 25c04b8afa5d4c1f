import {isJsonObject, type JsonObject} from './json.js';
import {type Hider, stripEmpty} from './normalize-tree.js';

/**
 * The Dashboard wrapper around an API (Classic and OAS alike): legacy constants, ownership and timestamps that
 * differ per environment or never carry meaning. Removing them is what makes a dumped file compare equal to live.
 */
export function normalizeEnvelope(body: JsonObject, hider: Hider): void {
	for (const key of ['api_model', 'created_at', 'updated_at', 'is_site', 'sort_by']) hider.drop(body, key, [], 'server');
	if (body['is_streams'] === false) hider.drop(body, 'is_streams', [], 'server');
	// Owners are user and user-group IDs of one Dashboard: meaningless in another environment, and the Tyk OAS endpoints
	// neither take nor return them, so comparing them would fail every OAS publish and drift forever (contract §10
	// lists them as noise). They are hidden like the other environment-local fields (`i` shows them).
	for (const key of ['user_owners', 'user_group_owners']) if (key in body) hider.drop(body, key, [], 'server');
	normalizeHooks(body, hider);
	// Everything else in the envelope is a Go struct field: empty equals absent (hook_references null vs []).
	stripEmpty(body, [], 'go', hider, false, new Set(['oas', 'api_definition']));
}

/** Webhook references embed the webhook's own DB id and org, which differ per environment. */
function normalizeHooks(body: JsonObject, hider: Hider): void {
	const hooks = body['hook_references'];
	if (!Array.isArray(hooks)) return;
	hooks.forEach((reference, index) => {
		if (!isJsonObject(reference)) return;
		const hook = reference['hook'];
		if (!isJsonObject(hook)) return;
		for (const key of ['id', 'org_id', 'api_model']) hider.drop(hook, key, ['hook_references', index, 'hook'], 'server');
	});
}
