import {createHash} from 'node:crypto';
import {canonicalJson} from './canonical.js';
import type {Item} from './item.js';
import type {JsonValue} from './json.js';
import {normalize, type NormalizeOptions} from './normalize.js';

/**
 * `sha256:<hex>` of a value's canonical JSON (sorted keys, compact): the one content hash of the project, for the
 * journal's before/after hashes, a plan's live base and the base an origin is measured from. null stays null (the
 * item did not exist on that side). Hashing is deterministic computation, not I/O, so it lives in core.
 */
export function hashValue(value: JsonValue | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/**
 * The hash of an item's normalised value, the form a comparison compares (server-managed fields and the config's
 * ignore paths dropped): two items hash alike exactly when a comparison calls them unchanged.
 */
export function itemHash(item: Item, options: Pick<NormalizeOptions, 'ignore'> = {}): string {
	return hashValue(normalize(item, {ignore: options.ignore, hidden: 'none'}).value)!;
}
