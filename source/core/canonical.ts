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
	return indent === 0 ? compactText(value) : JSON.stringify(sortedCopy(value), null, indent);
}

/**
 * The compact canonical text written directly, without a sorted copy: hashing the 25,000 bodies of a dump made a
 * copy of each, and V8, having seen copies made here live long (the diff texts), allocated them in the old generation,
 * where they piled up until a full collection (~400 MB of RSS at the end of a 20k dump, bench `scale`).
 */
function compactText(value: JsonValue): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value);
	if (Array.isArray(value)) {
		let text = '[';
		for (let index = 0; index < value.length; index++) text += (index === 0 ? '' : ',') + compactText(value[index]!);
		return `${text}]`;
	}
	let text = '{';
	let first = true;
	for (const key of Object.keys(value).sort()) {
		text += `${first ? '' : ','}${JSON.stringify(key)}:${compactText(value[key]!)}`;
		first = false;
	}
	return `${text}}`;
}
