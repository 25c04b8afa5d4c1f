import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import {isOasBody, type Item} from '../../core/item.js';
import {itemFromFile} from './item-rules.js';

/** An item cannot be written in a form tyk-sync 1.5 would load; the message names the item and the missing field. */
export class LayoutWriteError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LayoutWriteError';
	}
}

function label(item: Item): string {
	return `${item.kind} ${JSON.stringify(item.id)}${item.name ? ` (${item.name})` : ''}`;
}

/**
 * The file body for an item, with the fields tyk-sync's loader insists on filled in (checklist 13–16): the portable
 * ID in its place, no `api_definition` next to an OAS document, no `oas` in a Classic file. The item body itself is
 * never mutated. Policies and templates keep their own `org_id`; one without it cannot be written.
 */
export function fileBody(item: Item): JsonObject {
	const body = completeBody(item);
	// What we write must read back: the reader's rules are tyk-sync's, so a value tyk-sync would reject
	// (a malformed ObjectId, a fractional int) is refused here, naming the item, instead of breaking a later sync.
	const check = itemFromFile(item.kind, body, {}, '');
	if ('error' in check) throw new LayoutWriteError(`cannot write ${label(item)}: ${check.error}`);
	return body;
}

function completeBody(item: Item): JsonObject {
	if (item.id === '') throw new LayoutWriteError(`cannot write ${item.kind} without an ID${item.name ? ` (${item.name})` : ''}`);
	if (item.kind === 'api') {
		if (isOasBody(item.body)) {
			const {api_definition: _dropped, ...body} = item.body;
			const doc = body['oas'] as JsonObject;
			const gateway = isJsonObject(doc['x-tyk-api-gateway']) ? doc['x-tyk-api-gateway'] : {};
			const info = isJsonObject(gateway['info']) ? gateway['info'] : {};
			if (info['id'] === item.id) return body;
			return {...body, oas: {...doc, 'x-tyk-api-gateway': {...gateway, info: {...info, id: item.id}}}};
		}
		const {oas: _none, ...body} = item.body;
		const def = body['api_definition'];
		if (!isJsonObject(def)) throw new LayoutWriteError(`cannot write ${label(item)}: its body has no api_definition`);
		return def['api_id'] === item.id ? body : {...body, api_definition: {...def, api_id: item.id}};
	}
	const orgId = item.body['org_id'];
	if (typeof orgId !== 'string' || orgId === '') {
		throw new LayoutWriteError(`cannot write ${label(item)}: it has no org_id, and tyk-sync refuses files without one`);
	}
	return item.body['id'] === item.id ? item.body : {...item.body, id: item.id};
}

function isEmptyValue(value: JsonValue | undefined): boolean {
	if (value === undefined || value === null || value === '' || value === false || value === 0) return true;
	if (Array.isArray(value)) return value.length === 0;
	return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * The wrapper fields of an API body that a bare file cannot hold (categories, owners, hook references…), by name;
 * empty when the body can be written bare without losing anything.
 */
export function wrapperOnlyFields(body: JsonObject): string[] {
	const inner = isOasBody(body) ? 'oas' : 'api_definition';
	return Object.keys(body).filter((key) => key !== inner && key !== 'oas' && key !== 'api_definition' && !isEmptyValue(body[key]));
}

/**
 * The file body of an API whose Git file is bare (a Classic definition or a Tyk OAS document at the top level): the
 * same shape again, so a dump changes only what changed; or the wrapped body, with the reason, when the item now has
 * wrapper fields a bare file cannot hold.
 */
export function bareFileBody(item: Item): {body: JsonObject; wrappedBecause?: string[]} {
	const body = fileBody(item);
	const extra = wrapperOnlyFields(body);
	if (extra.length > 0) return {body, wrappedBecause: extra};
	const inner = body[isOasBody(body) ? 'oas' : 'api_definition'];
	return {body: isJsonObject(inner) ? inner : body};
}
