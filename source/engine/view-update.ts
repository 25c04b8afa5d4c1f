import {compareSetsCounted, comparisonOrder, countStatuses, type CompareOptions} from '../core/compare.js';
import type {Item, ItemSet, Kind} from '../core/item.js';
import type {OperationResult} from '../core/plan.js';
import type {Comparison} from '../core/status.js';
import type {EnvironmentView} from './services.js';

/** Which side of a view an applied operation moved, if any. */
export type MovedSide = 'left' | 'right';

/** New contents for some keys of one side: an item, or undefined when the side no longer has it. */
export type SideChanges = ReadonlyMap<string, Item | undefined>;

const pairStatuses = new Set(['unchanged', 'changed', 'only-in-git', 'only-live']);

/**
 * The sides of a view that a write to live `environment` moved: its right side (always that environment's live
 * state) and, for a comparison of two environments, its left side when that is the written one.
 */
export function liveSidesMoved(view: EnvironmentView, environment: string): MovedSide[] {
	const sides: MovedSide[] = [];
	if (view.left.type === 'live' && view.left.environment === environment) sides.push('left');
	if (view.right.environment === environment) sides.push('right');
	return sides;
}

/**
 * Whether the changes can be applied to the view row by row: every affected row is a plain pair (an unreadable file
 * or a conflicting ID ties several entries to one key, and only a fresh read says what it becomes).
 */
export function canPatch(view: EnvironmentView, keys: Iterable<string>): boolean {
	const rows = new Map(view.comparisons.map((row) => [row.key, row]));
	for (const key of keys) {
		const row = rows.get(key);
		if (row && !pairStatuses.has(row.status)) return false;
	}
	return true;
}

/**
 * The view with one side replaced for the given keys and only those rows compared again: after a write, the
 * console shows what the target holds now without reading either side again. Counts follow the right side; keys
 * outside a selective view's selection are left out (the view never read them).
 */
export function patchView(view: EnvironmentView, side: MovedSide, changes: SideChanges, options: CompareOptions): EnvironmentView {
	const rows = new Map(view.comparisons.map((row) => [row.key, row]));
	const hidden: Record<string, number> = {...view.hidden};
	const counts: Record<Kind, number> = {...view.counts};
	for (const [key, item] of changes) {
		const row = rows.get(key);
		if (!row && view.selection) continue;
		const left = side === 'left' ? item : row?.left;
		const right = side === 'right' ? item : row?.right;
		if (side === 'right') {
			const kind = (item ?? row?.right)?.kind;
			if (kind) counts[kind] += (item ? 1 : 0) - (row?.right ? 1 : 0);
		}
		if (!left && !right) {
			rows.delete(key);
			delete hidden[key];
			continue;
		}
		const set = (one: Item | undefined): ItemSet => ({items: one ? [one] : [], invalid: [], conflicts: []});
		const compared = compareSetsCounted(set(left), set(right), options);
		rows.set(key, compared.comparisons[0]!);
		hidden[key] = compared.hidden[key] ?? 0;
	}
	const comparisons: Comparison[] = [...rows.values()].sort(comparisonOrder);
	return {...view, comparisons, drift: countStatuses(comparisons), hidden, counts};
}

/** The target's new contents from an apply result, for the keys it knows. */
export function targetChanges(result: OperationResult): Map<string, Item | undefined> {
	return new Map(result.target.map((entry) => [entry.key, entry.item]));
}
