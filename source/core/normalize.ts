import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import type {Item, Kind} from './item.js';
import {type HiddenField, type HiddenReason, Hider, plainCopy, removeMatches} from './normalize-tree.js';
import {parsePath, type PatternSegment} from './paths.js';
import {normalizeClassic} from './rules-classic.js';
import {normalizeOas} from './rules-oas.js';
import {normalizePolicy} from './rules-policy.js';
import {normalizeTemplate} from './rules-template.js';

export type {HiddenField, HiddenReason} from './normalize-tree.js';

/**
 * What the caller needs of the fields normalisation leaves out. `list`: each one with path, reason and masked value
 * (`compareItems`, tests); `count`: how many ("7 server-managed fields hidden"); `none`: nothing (verification,
 * hashing). Listing costs about as much again as the normalisation itself; counting is free, so `count` and `none`
 * cost the same and `none` only says the count does not matter.
 */
export type HiddenMode = 'list' | 'count' | 'none';

/** User ignore paths per kind (config `ignore:`), relative to the body in tyk-sync file shape (`api_definition.tags`, `oas.info.description`). */
export interface NormalizeOptions {
	readonly ignore?: Partial<Record<Kind, readonly string[]>>;
	/** Default `list`. */
	readonly hidden?: HiddenMode;
}

/** The compared form of one item, and what was left out of it. */
export interface Normalized {
	/**
	 * Body in tyk-sync file shape with server-managed fields and defaults removed. Key order is the source's, not
	 * sorted: compare it structurally (`jsonEqual`, `changedPaths`), print or hash it with `canonicalJson`.
	 */
	readonly value: JsonValue;
	/** Sorted by path; values of user-ignored fields have their secrets masked. Empty unless `hidden: 'list'`. */
	readonly hidden: readonly HiddenField[];
	/** How many fields were left out (`hidden.length` in `list` mode), in every mode. */
	readonly hiddenCount: number;
}

const patternCache = new Map<string, PatternSegment[]>();

/** Parses an ignore path once; a bad path throws a PathSyntaxError naming it, so config mistakes surface early. */
export function ignorePattern(path: string): PatternSegment[] {
	let pattern = patternCache.get(path);
	if (!pattern) {
		pattern = parsePath(path);
		if (patternCache.size > 1000) patternCache.clear();
		patternCache.set(path, pattern);
	}
	return pattern;
}

/**
 * Turns an item into the form that is compared and shown: the same item read from a Dashboard, from a tyk-sync
 * dump of it, or read back after a publish gives the same value. Idempotent: normalising a normalised body
 * (as an item of the same kind) changes nothing. The input item is never modified. The one normalisation: every
 * comparison, verification, hash and diff goes through here, differing only in `options.hidden`.
 */
export function normalize(item: Item, options: NormalizeOptions = {}): Normalized {
	const mode = options.hidden ?? 'list';
	const body = plainCopy(item.body) as JsonObject;
	const hider = new Hider(mode === 'list');
	for (const path of options.ignore?.[item.kind] ?? []) removeMatches(body, ignorePattern(path), hider, {reason: 'ignored'});
	if (item.kind === 'api') {
		if (item.flavor === 'oas' || isJsonObject(body['oas'])) normalizeOas(body, item, hider);
		else normalizeClassic(body, item, hider);
	} else if (item.kind === 'policy') normalizePolicy(body, item, hider);
	else normalizeTemplate(body, item, hider);
	const hidden = hider.hidden.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return {value: body, hidden, hiddenCount: hider.count};
}

/** Hidden fields per reason, for headers like "7 server-managed fields hidden". */
export function countHidden(hidden: readonly HiddenField[]): Record<HiddenReason, number> & {total: number} {
	const counts = {server: 0, default: 0, ignored: 0, total: hidden.length};
	for (const field of hidden) counts[field.reason]++;
	return counts;
}
