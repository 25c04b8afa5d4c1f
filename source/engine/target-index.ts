import {indexItems, type TargetIndex} from '../core/checks.js';
import {selectsAll} from '../core/selection.js';
import type {EngineContext} from './context.js';
import {listLiveSide} from './live-side.js';
import type {EnvironmentView} from './services.js';

/**
 * The target index of views read for a selection, from the lists their load already made (so a plan from one reads
 * nothing more). Keyed by the view object: a view patched after an apply is a new object and is indexed afresh.
 */
const listed = new WeakMap<EnvironmentView, () => TargetIndex>();

/** Remembers how to index the whole target of a view that holds only a selection of it. */
export function rememberTarget(view: EnvironmentView, index: () => TargetIndex): void {
	listed.set(view, index);
}

/**
 * What the checks before writing need of an environment's Dashboard as it is now: from a whole view of it (its live
 * items), from the lists a selection view was loaded with, or else from the lists read now.
 */
export async function targetIndex(context: EngineContext, environment: string, view?: EnvironmentView): Promise<TargetIndex> {
	if (view && view.right.environment === environment) {
		if (!view.selection || selectsAll(view.selection)) return indexItems(view.comparisons.flatMap((row) => (row.right ? [row.right] : [])));
		const remembered = listed.get(view);
		if (remembered) return remembered();
	}
	return (await listLiveSide(await context.client(environment))).targetIndex();
}
