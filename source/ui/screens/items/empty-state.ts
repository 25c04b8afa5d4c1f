import type {Comparison} from '../../../core/status.js';
import type {EnvironmentView} from '../../../engine/services.js';
import {visibleComparisons, type ItemsFilter} from '../../state/filter.js';
import {reachLabels} from '../environments/environment-row.js';

const tabWords = {all: 'item', api: 'API', policy: 'policy', template: 'template'} as const;
const tabPlurals = {all: 'items', api: 'APIs', policy: 'policies', template: 'templates'} as const;

/**
 * The rows the Items table shows: the comparison, or, when one side could not be read, the side that was (its Git
 * items while the Dashboard is down), whose status is unknown; the status filter means nothing for those.
 */
export function tableRows(view: EnvironmentView | undefined): {rows: readonly Comparison[]; unknown?: 'left' | 'right'} {
	if (!view) return {rows: []};
	if (view.partial && view.comparisons.length === 0) return {rows: view.partial.rows, unknown: view.partial.side === 'left' ? 'right' : 'left'};
	return {rows: view.comparisons};
}

/**
 * Why the Items table is empty, naming the real cause: a side that could not be read, sources that hold nothing, or
 * the filter that hides every row (and the key that shows them again). Call it when the filters leave no row.
 */
export function emptyReason(view: EnvironmentView, all: readonly Comparison[], filter: ItemsFilter, unknown?: 'left' | 'right'): string {
	const live = reachLabels[view.reachability];
	// Short enough for 80 columns: the reasons themselves are on the line above the table.
	if (view.reachability !== 'ok' && view.gitError) return `Nothing to show: live ${live}, ${view.left.label} not read · R retries`;
	if (all.length === 0) {
		if (unknown === 'right') return `Nothing to show: ${view.left.label} is empty, live ${live} · R retries`;
		if (unknown === 'left') return `Nothing to show: ${view.right.label} is empty, ${view.left.label} not read · R retries`;
		if (view.sourceEmpty) return `No items: ${view.left.label} has no .tyk.json yet and ${view.right.label} is empty`;
		return `No items: ${view.left.label} and ${view.right.label} are both empty`;
	}
	const word = tabWords[filter.tab];
	if (filter.origin && filter.origin !== 'any' && visibleComparisons(all, {...filter, origin: 'any'}).length > 0) {
		return `No ${word} here has origin ${filter.origin} · o cycles the origin filter`;
	}
	const status = unknown ? 'all' : filter.status;
	if (filter.text.trim() !== '' && visibleComparisons(all, {...filter, status, text: ''}).length > 0) {
		return `No ${word} matches "${filter.text}"${status === 'all' ? '' : ` among the ${status} ones`} · / edits the filter, Esc there clears it`;
	}
	if (status !== 'all' && visibleComparisons(all, {...filter, status: 'all', text: ''}).length > 0) {
		const kinds = visibleComparisons(all, {...filter, status: 'all', text: ''}).length;
		if (status === 'drift') return `No drift: all ${kinds} ${tabPlurals[filter.tab]} are unchanged · f shows them`;
		return `No ${word} is ${status} · f cycles the status filter`;
	}
	return `No ${tabPlurals[filter.tab]} here · 1 shows every kind`;
}
