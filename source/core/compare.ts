import {itemKey, type ConflictEntry, type InvalidEntry, type Item, type ItemSet} from './item.js';
import {changedPaths, jsonEqual} from './changes.js';
import {canonicalJson} from './canonical.js';
import {normalize, type HiddenField, type Normalized, type NormalizeOptions} from './normalize.js';
import {attachDetail} from './pair-detail.js';
import {maskSecrets} from './secrets.js';
import {statuses, type Comparison, type Status, type StatusCounts} from './status.js';
import type {JsonValue} from './json.js';

export {comparisonDetail, type PairDetail} from './pair-detail.js';

/** Options shared by set and item comparison: today the user ignore paths of the config (`hidden` is set here). */
export type CompareOptions = NormalizeOptions;

/** One item pair prepared for output: normalised, masked texts with every hidden field listed. */
export interface ItemComparison {
	readonly status: Extract<Status, 'unchanged' | 'changed' | 'only-in-git' | 'only-live'>;
	readonly changes: readonly string[];
	/** Normalised values, unmasked: for commands that write or hash, never for display. */
	readonly leftValue?: JsonValue;
	readonly rightValue?: JsonValue;
	/** Masked, stable pretty JSON; undefined for a missing side. */
	readonly leftText?: string;
	readonly rightText?: string;
	readonly leftHidden: readonly HiddenField[];
	readonly rightHidden: readonly HiddenField[];
	/** Paths whose values were masked (either side). */
	readonly masked: readonly string[];
}

/**
 * Compares one pair (either side may be missing) the same way compareSets does, with every hidden field listed and
 * masked texts (`diff --full`). Rows of a set comparison already carry their texts: use `comparisonDetail(row)`.
 */
export function compareItems(left: Item | undefined, right: Item | undefined, options: CompareOptions = {}): ItemComparison {
	const listed = {ignore: options.ignore, hidden: 'list'} as const;
	const l = left ? normalize(left, listed) : undefined;
	const r = right ? normalize(right, listed) : undefined;
	const changes = l && r ? changedPaths(l.value, r.value) : [];
	const status = !l ? 'only-live' : !r ? 'only-in-git' : changes.length > 0 ? 'changed' : 'unchanged';
	const masked = maskSecrets(l?.value, r?.value);
	return {
		status, changes, leftValue: l?.value, rightValue: r?.value,
		leftText: masked.left === undefined ? undefined : canonicalJson(masked.left, 2),
		rightText: masked.right === undefined ? undefined : canonicalJson(masked.right, 2),
		leftHidden: l?.hidden ?? [], rightHidden: r?.hidden ?? [], masked: masked.masked,
	};
}

function describe(item: Item | undefined, fallback: {kind?: Item['kind']; id?: string}): Pick<Comparison, 'kind' | 'flavor' | 'id' | 'name' | 'categories' | 'file'> {
	return {
		kind: item?.kind ?? fallback.kind, flavor: item?.flavor, id: item?.id ?? fallback.id,
		name: item?.name ?? '', categories: item?.categories ?? [], file: item?.file,
	};
}

function conflictRow(key: string, left: ConflictEntry | undefined, right: ConflictEntry | undefined, leftItem?: Item, rightItem?: Item): Comparison {
	const entry = (left ?? right)!;
	const parts: string[] = [];
	for (const [side, conflict] of [['source', left], ['target', right]] as const) {
		if (!conflict) continue;
		const where = conflict.files.length > 0 ? conflict.files.join(', ') : `${conflict.items.length} items`;
		parts.push(`${conflict.kind} ID "${conflict.id}" is claimed more than once in the ${side}: ${where}`);
	}
	const sample = leftItem ?? left?.items[0] ?? rightItem ?? right?.items[0];
	return {
		key, ...describe(sample, entry), status: 'conflict', left: leftItem, right: rightItem, changes: [],
		file: left?.files[0] ?? sample?.file, error: parts.join('; '),
	};
}

function invalidRow(key: string, invalid: InvalidEntry, other: Item | undefined, side: 'left' | 'right'): Comparison {
	return {
		key, kind: invalid.kind ?? other?.kind, flavor: invalid.flavor ?? other?.flavor, id: invalid.id ?? other?.id,
		name: other?.name ?? invalid.file, categories: other?.categories ?? [], status: 'invalid',
		left: side === 'right' ? other : undefined, right: side === 'left' ? other : undefined,
		changes: [], file: invalid.file, error: invalid.error, invalid,
	};
}

/** The order of compared rows (kind, name, ID), so rows updated after a write fall where a full compare puts them. */
export function comparisonOrder(a: Comparison, b: Comparison): number {
	const fields: Array<[string, string]> = [[a.kind ?? '~', b.kind ?? '~'], [a.name, b.name], [a.id ?? '', b.id ?? ''], [a.key, b.key]];
	for (const [x, y] of fields) if (x !== y) return x < y ? -1 : 1;
	return 0;
}

/**
 * Pairs a source set (left, e.g. Git) with a target set (right, e.g. live) by portable ID and gives each pair a
 * status and its changed paths. Every entry of both sets appears exactly once: an unreadable file or a
 * conflicting ID takes along the other side's item with that ID, so it can never look like `only-live`
 * (and be pruned) just because its Git file is broken. Sorted by kind, name, ID.
 */
export function compareSets(left: ItemSet, right: ItemSet, options: CompareOptions = {}): Comparison[] {
	return pairSets(left, right, options, (item) => normalize(item, counted(options)));
}

function counted(options: CompareOptions): NormalizeOptions {
	return {ignore: options.ignore, hidden: 'count'};
}

/** A set comparison with the hidden-field count of every item, per comparison key (both sides added up). */
export interface CountedComparison {
	readonly comparisons: Comparison[];
	readonly hidden: Record<string, number>;
}

/**
 * `compareSets` plus the "N server-managed fields hidden" counts of every item of both sets. A paired item's count
 * comes from the normalisation its comparison needs anyway; a one-sided item (only in Git, only live) is normalised
 * for its count only when that key's count is read (the console reads it when a diff opens; `diff` and `dump` never
 * do): counting every one-sided item up front was a quarter of reading a 25,000-item layout into an empty Dashboard.
 */
export function compareSetsCounted(left: ItemSet, right: ItemSet, options: CompareOptions = {}): CountedComparison {
	const counter = hiddenCounter(options);
	return {comparisons: pairSets(left, right, options, counter.normalizedOf), hidden: hiddenByKey([left, right], counter)};
}

/** Hidden-field counts per comparison key over the items of `sets`, for when the sets are not compared (a side failed). */
export function hiddenCounts(sets: readonly ItemSet[], options: CompareOptions = {}): Record<string, number> {
	return hiddenByKey(sets, hiddenCounter(options));
}

interface HiddenCounter {
	readonly normalizedOf: (item: Item) => Normalized;
	/** The count when the item was already normalised, else undefined. */
	readonly known: (item: Item) => number | undefined;
	readonly countOf: (item: Item) => number;
}

/**
 * Normalises items while remembering only their hidden counts: values stay short-lived (kept, 3,000 pairs of them
 * outlived the young GC generation and cost more than they saved), counts are looked up for items already seen.
 */
function hiddenCounter(options: CompareOptions): HiddenCounter {
	const counts = new Map<Item, number>();
	const normalizedOf = (item: Item): Normalized => {
		const normalized = normalize(item, counted(options));
		counts.set(item, normalized.hiddenCount);
		return normalized;
	};
	const known = (item: Item): number | undefined => counts.get(item);
	const countOf = (item: Item): number => counts.get(item) ?? normalize(item, counted(options)).hiddenCount;
	return {normalizedOf, known, countOf};
}

/**
 * The larger side's count per key: a field the Dashboard manages is usually on both sides and is one hidden field,
 * the number the Diff screen shows for the pair. Keys whose items were all normalised already get plain values; the
 * others a getter that counts on first read and then becomes a plain value (enumerable either way, so spreading or
 * listing the record gives every count).
 */
function hiddenByKey(sets: readonly ItemSet[], counter: HiddenCounter): Record<string, number> {
	const byKey = new Map<string, Item[]>();
	for (const set of sets) {
		for (const item of set.items) {
			const key = itemKey(item);
			const items = byKey.get(key);
			if (items) items.push(item);
			else byKey.set(key, [item]);
		}
	}
	const out: Record<string, number> = {};
	const settle = (key: string, value: number): void => {
		Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true});
	};
	for (const [key, items] of byKey) {
		const counts = items.map(counter.known);
		if (counts.every((count) => count !== undefined)) {
			settle(key, Math.max(0, ...(counts as number[])));
			continue;
		}
		Object.defineProperty(out, key, {
			enumerable: true, configurable: true,
			get() {
				const value = Math.max(0, ...items.map(counter.countOf));
				settle(key, value);
				return value;
			},
			set(value: number) {
				settle(key, value);
			},
		});
	}
	return out;
}

type NormalizedOf = (item: Item) => Normalized;

function pairSets(left: ItemSet, right: ItemSet, options: CompareOptions, normalizedOf: NormalizedOf): Comparison[] {
	const rows: Comparison[] = [];
	const rightByKey = new Map<string, Item>();
	for (const item of right.items) if (!rightByKey.has(itemKey(item))) rightByKey.set(itemKey(item), item);
	const leftConflicts = new Map(left.conflicts.map(c => [itemKey(c), c]));
	const rightConflicts = new Map(right.conflicts.map(c => [itemKey(c), c]));
	const claimed = new Set<string>();
	const leftKeys = new Set(left.items.map(itemKey));
	for (const key of new Set([...leftConflicts.keys(), ...rightConflicts.keys()])) {
		const leftItem = left.items.find(item => itemKey(item) === key);
		rows.push(conflictRow(key, leftConflicts.get(key), rightConflicts.get(key), leftItem, rightByKey.get(key)));
		claimed.add(key);
	}
	for (const [side, set, other] of [['left', left, rightByKey], ['right', right, undefined]] as const) {
		for (const invalid of set.invalid) {
			const key = invalid.kind && invalid.id ? itemKey({kind: invalid.kind, id: invalid.id}) : undefined;
			const partner = key && !claimed.has(key) && !leftKeys.has(key) ? other?.get(key) : undefined;
			if (key && partner) claimed.add(key);
			rows.push(invalidRow(side === 'left' ? `invalid:${invalid.file}` : `invalid-target:${invalid.file}`, invalid, partner, side));
		}
	}
	const seenLeft = new Set<string>();
	for (const item of left.items) {
		const key = itemKey(item);
		if (claimed.has(key) || seenLeft.has(key)) continue;
		seenLeft.add(key);
		rows.push(pairRow(key, item, rightByKey.get(key), options, normalizedOf));
	}
	for (const [key, item] of rightByKey) {
		if (claimed.has(key) || seenLeft.has(key)) continue;
		rows.push(pairRow(key, undefined, item, options, normalizedOf));
	}
	return rows.sort(comparisonOrder);
}

/**
 * One pair's row, its diff detail left to first use: keeping the normalised sides of 3,000 changed pairs for it
 * more than doubled the time of this comparison (GC), and a diff is opened for a few rows at most.
 */
function pairRow(key: string, left: Item | undefined, right: Item | undefined, options: CompareOptions, normalizedOf: NormalizedOf): Comparison {
	const base = describe(left ?? right, {});
	if (!left || !right) return attachDetail({key, ...base, status: left ? 'only-in-git' : 'only-live', left, right, changes: []}, options);
	// Normalising is a function of kind, flavor, ID and body: equal raw bodies normalise alike, so the pair is unchanged
	// without two normalisations (a layout dumped from a Dashboard holds its bodies as read: most pairs of a diff).
	const same = left.kind === right.kind && left.flavor === right.flavor && left.id === right.id && jsonEqual(left.body, right.body);
	const changes = same ? [] : changedPaths(normalizedOf(left).value, normalizedOf(right).value);
	return attachDetail({key, ...base, status: changes.length > 0 ? 'changed' : 'unchanged', left, right, changes}, options);
}

/**
 * One pair as a row of its own, compared exactly as `compareSets` would (values only) and with the same lazily
 * computed diff detail: for screens that compare a single pair (an item's history version against live).
 */
export function comparePair(left: Item | undefined, right: Item | undefined, options: CompareOptions = {}): Comparison {
	const item = left ?? right;
	if (!item) throw new Error('comparePair needs at least one side');
	return pairRow(itemKey(item), left, right, options, (side) => normalize(side, counted(options)));
}

/** Counts per status (every status present, zero when absent) plus the total, for summaries and drift bars. */
export function countStatuses(rows: readonly Comparison[]): StatusCounts {
	const counts = Object.fromEntries(statuses.map(s => [s, 0])) as Record<Status, number>;
	for (const row of rows) counts[row.status]++;
	return {...counts, total: rows.length};
}
