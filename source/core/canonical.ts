import {isJsonObject, type JsonObject, type JsonValue} from './json.js';

/**
 * Sets `key` as an own, enumerable property. `out[key] = value` would not do for `__proto__`, a key JSON.parse
 * happily creates: the assignment changes the prototype instead and the key silently disappears from the copy.
 */
export function setOwn(out: JsonObject, key: string, value: JsonValue): void {
	if (key === '__proto__') Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true});
	else out[key] = value;
}

/** A deep copy with object keys in code-unit order, so equal content always prints and hashes the same. */
export function sortedCopy(value: JsonValue): JsonValue {
	if (Array.isArray(value)) return value.map(sortedCopy);
	if (!isJsonObject(value)) return value;
	const out: JsonObject = {};
	for (const key of Object.keys(value).sort()) setOwn(out, key, sortedCopy(value[key]!));
	return out;
}

/**
 * JSON text with object keys sorted at every level: the one canonical form, so equal content gives equal text
 * whatever key order a Dashboard, a file or a normalisation left. Compact (`indent` 0) for hashing; 2 for the text
 * both diff columns are built from.
 */
export function canonicalJson(value: JsonValue, indent = 0): string {
	return JSON.stringify(sortedCopy(value), null, indent);
}
