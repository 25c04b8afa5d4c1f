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

/**
 * JSON nested deeper than this is refused wherever it comes in (a Dashboard answer, a layout file): real Tyk
 * definitions stay far below, and every later step (normalising, comparing, masking, printing) walks values
 * recursively, so a hostile document would end in a stack overflow instead of an error. One limit for every source,
 * so whatever is read from a Dashboard (its answer wraps items a level or two deeper) can be written to Git and
 * read back.
 */
export const maxJsonDepth = 200;

/**
 * Whether `root` has arrays/objects nested more than `limit` levels deep (the root container is level 1). Recursive:
 * the recursion stops one level past `limit`, so it is bounded however deep the value is, and it allocates nothing
 * (the former explicit stack of [value, depth] pairs was a large share of reading 25,000 layout files, bench `scale`).
 */
export function nestedDeeperThan(root: JsonValue, limit: number = maxJsonDepth): boolean {
	return exceeds(root, limit);
}

/** `room`: how many more levels may open here, this container included. */
function exceeds(value: JsonValue, room: number): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (room <= 0) return true;
	if (Array.isArray(value)) {
		for (const child of value) if (typeof child === 'object' && child !== null && exceeds(child, room - 1)) return true;
		return false;
	}
	for (const key in value) {
		const child = value[key]!;
		if (typeof child === 'object' && child !== null && exceeds(child, room - 1)) return true;
	}
	return false;
}
