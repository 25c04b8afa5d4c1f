import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';

/** Object member or `{}`; keeps deep reads on untrusted request bodies short and total. */
export function objectAt(value: JsonValue | undefined): JsonObject {
	return isJsonObject(value) ? value : {};
}

/** String member or `''`. */
export function stringAt(value: JsonValue | undefined): string {
	return typeof value === 'string' ? value : '';
}

/** Object member, created in place when missing, for writers that must fill nested fields. */
export function ensureObject(parent: JsonObject, key: string): JsonObject {
	const current = parent[key];
	if (isJsonObject(current)) return current;
	const created: JsonObject = {};
	parent[key] = created;
	return created;
}
