/** JSON values as parsed from a Dashboard response or a tyk-sync file; kept explicit so `core` never handles `any`. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
	[key: string]: JsonValue;
}

/** Narrowing guard: plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy through JSON, for values that came from JSON in the first place. */
export function cloneJson<T extends JsonValue>(value: T): T {
	return structuredClone(value);
}

/** The object under `key`, created (replacing any non-object value) when missing: for editing nested documents in place. */
export function ensureObject(parent: JsonObject, key: string): JsonObject {
	const existing = parent[key];
	if (isJsonObject(existing)) return existing;
	const created: JsonObject = {};
	parent[key] = created;
	return created;
}
