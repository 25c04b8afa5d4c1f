import {makeItem, type Item, type Kind} from '../core/item.js';
import type {JsonObject} from '../core/json.js';
import {compareItems, type CompareOptions} from '../core/compare.js';

/** Whether a live body (undefined = absent) is the same item state as a planned one, after normalisation. */
export function sameState(kind: Kind, live: JsonObject | undefined, planned: Item | undefined, options: CompareOptions): boolean {
	if (!live || !planned) return !live && !planned;
	return compareItems(planned, makeItem(kind, live), options).status === 'unchanged';
}

/** Field paths where a read-back differs from what was written; empty when it matches. */
export function readBackDifferences(kind: Kind, live: JsonObject | undefined, wanted: Item | undefined, options: CompareOptions): string[] {
	if (!wanted) return live ? ['(the item still exists)'] : [];
	if (!live) return ['(the item is missing after the write)'];
	const comparison = compareItems(wanted, makeItem(kind, live), options);
	return comparison.status === 'unchanged' ? [] : [...comparison.changes];
}
