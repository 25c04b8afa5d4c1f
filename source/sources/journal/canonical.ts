import {createHash} from 'node:crypto';
import type {JsonValue} from '../../core/json.js';

/** JSON with object keys sorted at every level, so equal bodies hash equally whatever order a Dashboard used. */
export function canonicalJson(value: JsonValue): string {
	if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** `sha256:<hex>` of the canonical JSON; null stays null (the item did not exist on that side). */
export function bodyHash(body: JsonValue | null | undefined): string | null {
	if (body === null || body === undefined) return null;
	return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
