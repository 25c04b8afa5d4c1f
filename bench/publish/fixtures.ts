import {cloneJson, type JsonObject} from '../../source/core/json.js';
import {makeItem, type Item} from '../../source/core/item.js';

/**
 * One realistic edit per item, tagged so two variants of the same items differ from each other and from live:
 * Classic target URL, OAS upstream URL, policy name, template description. Every edit survives a Dashboard round
 * trip, so a publish of a variant is 500 real updates and its read-back verifies.
 */
export function variant(item: Item, tag: string): Item {
	const body = cloneJson(item.body);
	if (item.kind === 'api' && item.flavor === 'oas') {
		const upstream = ((body['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['upstream'] as JsonObject;
		upstream['url'] = `${String(upstream['url']).replace(/\/$/, '')}/${tag}`;
	} else if (item.kind === 'api') {
		const proxy = (body['api_definition'] as JsonObject)['proxy'] as JsonObject;
		proxy['target_url'] = `${String(proxy['target_url']).replace(/\/$/, '')}/${tag}`;
	} else if (item.kind === 'policy') {
		body['name'] = `${String(body['name'])} ${tag}`;
	} else {
		body['description'] = `${String(body['description'] ?? '')} ${tag}`;
	}
	return makeItem(item.kind, body, item.file);
}
