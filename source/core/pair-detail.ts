import {canonicalJson} from './canonical.js';
import type {Item} from './item.js';
import type {JsonValue} from './json.js';
import {normalize, type NormalizeOptions} from './normalize.js';
import {maskSecrets} from './secrets.js';
import type {Comparison} from './status.js';

/** What the Diff screen shows of one pair: two masked texts and what was left out of them. */
export interface PairDetail {
	/** Masked canonical 2-space JSON of each side; undefined for a missing side. */
	readonly leftText?: string;
	readonly rightText?: string;
	/** Fields normalisation left out, the larger side's count (a server-managed field is usually on both sides). */
	readonly hidden: number;
	/** Paths whose values are masked secrets (either side). */
	readonly masked: readonly string[];
}

/** One normalised side as a comparison computed it: the value and how many fields it left out. */
export interface NormalizedSide {
	readonly value: JsonValue;
	readonly hiddenCount: number;
}

/** The detail of two normalised sides: masks secrets (against the other side) and prints both canonically. */
export function pairDetail(left: NormalizedSide | undefined, right: NormalizedSide | undefined): PairDetail {
	const masked = maskSecrets(left?.value, right?.value);
	return {
		leftText: masked.left === undefined ? undefined : canonicalJson(masked.left, 2),
		rightText: masked.right === undefined ? undefined : canonicalJson(masked.right, 2),
		hidden: Math.max(left?.hiddenCount ?? 0, right?.hiddenCount ?? 0), masked: masked.masked,
	};
}

/** The `i` view: the raw bodies, keys sorted and secrets masked, nothing left out. Not a normalisation. */
export function rawDetail(left: Item | undefined, right: Item | undefined): PairDetail {
	return pairDetail(left && {value: left.body, hiddenCount: 0}, right && {value: right.body, hiddenCount: 0});
}

/** Runs `compute` once, on first call, and keeps its result. */
function once<T>(compute: () => T): () => T {
	let done = false;
	let value: T;
	return () => {
		if (!done) {
			value = compute();
			done = true;
		}
		return value;
	};
}

function computeDetail(left: Item | undefined, right: Item | undefined, options: NormalizeOptions): PairDetail {
	const side = (item: Item | undefined) => (item ? normalize(item, {ignore: options.ignore, hidden: 'count'}) : undefined);
	return pairDetail(side(left), side(right));
}

/**
 * Gives a comparison row its `detail`, computed on first use (one normalisation per side, with the options the row
 * was compared with) and then cached with the row. Not enumerable, so JSON output, `deepEqual` and spreads
 * (`{...row}`) see the row as before. Returns the same row.
 */
export function attachDetail<T extends Comparison>(row: T, options: NormalizeOptions): T {
	const detail = once(() => computeDetail(row.left, row.right, options));
	Object.defineProperty(row, 'detail', {value: detail, enumerable: false, configurable: true});
	return row;
}

/**
 * A copy of a row keeps the original's cached detail (a spread drops it: it is not enumerable), for copies that change
 * what a row says about its items (an origin, escaped text) but not the items compared. Returns the copy.
 */
export function keepDetail<T extends Comparison>(from: Comparison, copy: T): T {
	if (from.detail) Object.defineProperty(copy, 'detail', {value: from.detail, enumerable: false});
	return copy;
}

const detached = new WeakMap<Comparison, PairDetail>();

/**
 * The Diff screen's detail of any row: the one it carries, or (for rows built elsewhere, e.g. from a plan step)
 * one computed with `options` and cached per row, so re-renders and toggles never normalise again.
 */
export function comparisonDetail(row: Comparison, options: NormalizeOptions = {}): PairDetail {
	if (row.detail) return row.detail();
	let detail = detached.get(row);
	if (!detail) {
		detail = computeDetail(row.left, row.right, options);
		detached.set(row, detail);
	}
	return detail;
}
