import {changedPaths, jsonEqual} from '../core/changes.js';
import type {CompareOptions} from '../core/compare.js';
import {makeItem, type Item, type Kind} from '../core/item.js';
import type {JsonObject, JsonValue} from '../core/json.js';
import {normalize} from '../core/normalize.js';
import {itemHash} from '../core/content-hash.js';

/**
 * Verification compares values only: both sides normalised (nothing hidden is listed or counted) and compared
 * structurally. No masking, no pretty-printing, no text diff: nobody reads these, they only decide.
 */
function valueOf(item: Item, options: CompareOptions): JsonValue {
	return normalize(item, {ignore: options.ignore, hidden: 'none'}).value;
}

/** Whether a live body (undefined = absent) is the same item state as a planned one, after normalisation. */
export function sameState(kind: Kind, live: JsonObject | undefined, planned: Item | undefined, options: CompareOptions): boolean {
	if (!live || !planned) return !live && !planned;
	// Equal raw bodies of one kind, flavor and ID normalise alike: the read-back of a dump is
	// usually exactly what was written, and normalising both sides of 25,000 items was a tenth of the dump.
	const current = makeItem(kind, live);
	if (kind === planned.kind && current.flavor === planned.flavor && current.id === planned.id && jsonEqual(live, planned.body)) return true;
	return jsonEqual(valueOf(planned, options), valueOf(current, options));
}

/** Field paths where a read-back differs from what was written; empty when it matches. */
export function readBackDifferences(kind: Kind, live: JsonObject | undefined, wanted: Item | undefined, options: CompareOptions): string[] {
	if (!wanted) return live ? ['(the item still exists)'] : [];
	if (!live) return ['(the item is missing after the write)'];
	return changedPaths(valueOf(wanted, options), valueOf(makeItem(kind, live), options));
}

/**
 * `sha256:<hex>` of an item's normalised value in canonical JSON: equal exactly when `sameState` says the states are
 * equal (same options), whatever key order, server-managed fields or defaults either copy has. A plan stores it as
 * the live base of a step, so a later apply can tell whether live moved since the plan was made.
 */
export function contentHash(kind: Kind, body: JsonObject, options: CompareOptions = {}): string {
	return itemHash(makeItem(kind, body), options);
}
