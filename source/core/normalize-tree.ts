import {setOwn} from './canonical.js';
import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import {formatPath, type PatternSegment, type Segment, wildcard} from './paths.js';
import {maskAt} from './secrets.js';

/** Why a field is not part of the compared form: server-managed, a server-filled default, or a user ignore rule. */
export type HiddenReason = 'server' | 'default' | 'ignored';

/** One field left out of the normalised form, kept so the diff screen can count and show it (`i`). */
export interface HiddenField {
	/** Path from the item body root, product.md §5 notation. */
	readonly path: string;
	/** The value that was left out, with secrets masked. */
	readonly value: JsonValue;
	readonly reason: HiddenReason;
}

/** Collects hidden fields while the per-kind rules edit a private copy of the body. */
export class Hider {
	readonly hidden: HiddenField[] = [];
	/** Fields hidden so far, counted even when the list is not built: the "N hidden" figures need only this. */
	count = 0;

	/** `collect: false` skips building the list (paths, masking) when only the normalised value is needed. */
	constructor(private readonly collect = true) {}

	/** Records a removed value; masking here means the `i` view can never show a secret. */
	record(path: readonly Segment[], value: JsonValue, reason: HiddenReason): void {
		this.count++;
		if (!this.collect) return;
		this.hidden.push({path: formatPath(path), value: reason === 'ignored' ? maskAt(path, value) : value, reason});
	}

	/** Removes `key` from `parent` (at `base`) when present, recording it. */
	drop(parent: JsonObject, key: string, base: readonly Segment[], reason: HiddenReason): void {
		if (!Object.hasOwn(parent, key)) return;
		this.record([...base, key], parent[key]!, reason);
		delete parent[key];
	}
}

/** A deep copy keeping key order: about twice as fast as a sorted copy; printing and hashing sort (`canonicalJson`). */
export function plainCopy(value: JsonValue): JsonValue {
	if (Array.isArray(value)) return value.map(plainCopy);
	if (!isJsonObject(value)) return value;
	const out: JsonObject = {};
	for (const key of Object.keys(value)) setOwn(out, key, plainCopy(value[key]!));
	return out;
}

/** Child object at `key`, or undefined; lets rules walk optional structure without casts. */
export function child(value: JsonValue | undefined, key: string): JsonObject | undefined {
	if (!isJsonObject(value)) return undefined;
	const next = value[key];
	return isJsonObject(next) ? next : undefined;
}

/**
 * How empty values are treated. `go`: the Dashboard decodes into Go structs, so null, false, 0, "", [] and {}
 * are the same as absent. `omitempty`: only null, [] and {} are (Tyk OAS extension fields).
 */
export type EmptyMode = 'go' | 'omitempty';

/** Keys whose children are user data (maps), not struct fields: their entries are kept even when empty-valued. */
const mapKeys = new Set([
	'config_data', 'global_headers', 'global_response_headers', 'header_map', 'meta_data', 'add_headers',
	'pinned_public_keys', 'upstream_certificates', 'jwt_scope_to_policy_mapping', 'scope_to_policy', 'access_rights',
	'versions',
]);

function isEmptyDeep(value: JsonValue, mode: EmptyMode, keepChildren: boolean): boolean {
	if (value === null) return true;
	if (Array.isArray(value)) return value.length === 0;
	if (isJsonObject(value)) {
		if (keepChildren) return Object.keys(value).length === 0;
		for (const key in value) if (!isEmptyDeep(value[key]!, mode, mapKeys.has(key))) return false;
		return true;
	}
	if (mode === 'omitempty') return false;
	return value === false || value === 0 || value === '';
}

/**
 * Removes empty-valued struct fields under `value` (in place), recording each removed subtree once at its top.
 * Array elements are never removed (their position is data); map entries (see mapKeys) are kept but cleaned.
 */
export function stripEmpty(
	value: JsonValue, path: Segment[], mode: EmptyMode, hider: Hider, keepChildren = false, skip?: ReadonlySet<string>,
): void {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			path.push(i);
			stripEmpty(value[i]!, path, mode, hider);
			path.pop();
		}
		return;
	}
	if (!isJsonObject(value)) return;
	for (const key of Object.keys(value)) {
		if (skip?.has(key)) continue;
		const item = value[key]!;
		const childKeeps = mapKeys.has(key);
		path.push(key);
		if (!keepChildren && isEmptyDeep(item, mode, childKeeps)) {
			hider.record(path, item, 'default');
			delete value[key];
		} else if (typeof item === 'object' && item !== null) {
			stripEmpty(item, path, mode, hider, childKeeps);
		}
		path.pop();
	}
}

/** Options for removeMatches: why matches are removed, and an optional test on the value (for default values). */
export interface RemoveOptions {
	readonly reason?: HiddenReason;
	readonly when?: (value: JsonValue) => boolean;
}

/** Removes every value matching a pattern (in place), recording each one; user ignore rules and known defaults use it. */
export function removeMatches(
	value: JsonValue, pattern: readonly PatternSegment[], hider: Hider, options: RemoveOptions = {}, path: Segment[] = [],
): void {
	if (pattern.length === 0) return;
	const [head, ...rest] = pattern as [PatternSegment, ...PatternSegment[]];
	const last = rest.length === 0;
	const reason = options.reason ?? 'ignored';
	if (Array.isArray(value)) {
		if (typeof head === 'string') return;
		const indexes = head === wildcard ? value.map((_, i) => i) : head < value.length ? [head] : [];
		for (const index of indexes.reverse()) {
			path.push(index);
			if (!last) removeMatches(value[index]!, rest, hider, options, path);
			else if (!options.when || options.when(value[index]!)) {
				hider.record(path, value[index]!, reason);
				value.splice(index, 1);
			}
			path.pop();
		}
		return;
	}
	if (!isJsonObject(value) || typeof head === 'number') return;
	const keys = head === wildcard ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
	for (const key of keys) {
		path.push(key);
		if (!last) removeMatches(value[key]!, rest, hider, options, path);
		else if (!options.when || options.when(value[key]!)) {
			hider.record(path, value[key]!, reason);
			delete value[key];
		}
		path.pop();
	}
}
