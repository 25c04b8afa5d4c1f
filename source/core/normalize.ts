import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import type {Item, Kind} from './item.js';
import {type HiddenField, type HiddenReason, Hider, plainCopy, removeMatches, sortedCopy} from './normalize-tree.js';
import {parsePath, type PatternSegment} from './paths.js';
import {normalizeClassic} from './rules-classic.js';
import {normalizeOas} from './rules-oas.js';
import {normalizePolicy} from './rules-policy.js';
import {normalizeTemplate} from './rules-template.js';

export type {HiddenField, HiddenReason} from './normalize-tree.js';

/** User ignore paths per kind (config `ignore:`), relative to the body in tyk-sync file shape (`api_definition.tags`, `oas.info.description`). */
export interface NormalizeOptions {
	readonly ignore?: Partial<Record<Kind, readonly string[]>>;
}

/** The compared form of one item, and everything that was left out of it. */
export interface Normalized {
	/** Body in tyk-sync file shape with server-managed fields removed and keys sorted. */
	readonly value: JsonValue;
	/** Sorted by path; values of user-ignored fields have their secrets masked. */
	readonly hidden: readonly HiddenField[];
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
 * (as an item of the same kind) changes nothing. The input item is never modified.
 */
export function normalize(item: Item, options: NormalizeOptions = {}): Normalized {
	const {value, hidden} = run(item, options, true);
	return {value, hidden};
}

/** The normalised value alone, skipping the hidden-field list: what bulk comparison needs, about twice as fast. */
export function normalizedValue(item: Item, options: NormalizeOptions = {}): JsonValue {
	return run(item, options, false).value;
}

/**
 * The normalised value and how many fields were hidden (`normalize(item).hidden.length`), at the cost of
 * `normalizedValue`: a whole-environment diff needs both for every item, and normalising twice was most of its time.
 * Keys keep their source order (equal to the sorted value in content, not in order): only for comparing, where
 * order never matters, and skipping the sort is ~20% of comparing 3,000 pairs. Print `normalize` results instead.
 */
export function normalizedCounted(item: Item, options: NormalizeOptions = {}): {value: JsonValue; hiddenCount: number} {
	const {value, hiddenCount} = run(item, options, false, false);
	return {value, hiddenCount};
}

function run(item: Item, options: NormalizeOptions, collect: boolean, sorted = true): Normalized & {hiddenCount: number} {
	const body = (sorted ? sortedCopy(item.body) : plainCopy(item.body)) as JsonObject;
	const hider = new Hider(collect);
	for (const path of options.ignore?.[item.kind] ?? []) removeMatches(body, ignorePattern(path), hider, {reason: 'ignored'});
	if (item.kind === 'api') {
		if (item.flavor === 'oas' || isJsonObject(body['oas'])) normalizeOas(body, item, hider);
		else normalizeClassic(body, item, hider);
	} else if (item.kind === 'policy') normalizePolicy(body, item, hider);
	else normalizeTemplate(body, item, hider);
	const hidden = hider.hidden.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return {value: body, hidden, hiddenCount: hider.count};
}

/** Stable pretty JSON (2-space) of a normalised value: the text both diff columns are built from. */
export function normalizedText(value: JsonValue): string {
	return JSON.stringify(sortedCopy(value), null, 2);
}

/** Hidden fields per reason, for headers like "7 server-managed fields hidden". */
export function countHidden(hidden: readonly HiddenField[]): Record<HiddenReason, number> & {total: number} {
	const counts = {server: 0, default: 0, ignored: 0, total: hidden.length};
	for (const field of hidden) counts[field.reason]++;
	return counts;
}
